import {
  DarchaError,
  isDarchaError,
  type Actor,
  type ApiKey,
  type ApplicationFieldError,
} from '@darcha/core';
import { idempotencyKeyOf } from '../api/if-match.js';
import { jurisdictionOf, type Open311Call, type Open311Handler } from './open311-call.js';
import { open311Filing } from './open311-filing.js';
import { apiKeyInvalid, parameterInvalid } from './open311.errors.js';
import { open311Services } from './open311-service-routes.js';
import { open311FieldName } from './open311-standard-fields.js';

/**
 * `POST /v2/requests.{format}`: files an inquiry on the `api` channel for the city's service,
 * acting as the API key (which must be a live key of that same city). The answer names the
 * inquiry by its tracking number; an `Idempotency-Key` retry answers the first filing again (200
 * instead of 201) and files nothing.
 */
/** Roles whose API keys may file inquiries. */
const FILING_ROLES = ['front_office', 'back_office', 'supervisor'];

export const postRequest: Open311Handler = async (call) => {
  const { tenant, locale, chain } = await jurisdictionOf(call);
  const key = await liveKey(call);
  // The same roles file as over REST (POST /api/v1/inquiries): a read-only key files nothing.
  if (!key || key.tenantId !== tenant.id || !FILING_ROLES.includes(key.role)) throw apiKeyInvalid(tenant.id);
  const code = call.params['service_code'];
  if (!code) throw parameterInvalid([{ field: 'service_code', message: 'is required' }]);
  const service = (await open311Services(call.platform, tenant.id)).find((s) => s.serviceCode === code);
  if (!service) {
    throw parameterInvalid([
      {
        field: 'service_code',
        message: `is not a service jurisdiction "${tenant.id}" takes Open311 requests for`,
      },
    ]);
  }
  const filing = open311Filing(service.definition, call.body, locale, chain);
  const idempotencyKey = idempotencyKeyOf(call.req);
  const actor: Actor = {
    id: `api-key:${key.id}`,
    kind: 'integration',
    roles: [key.role],
    agencyCodes: key.agencyCodes,
  };
  const result = await call.platform.engine
    .file(tenant.id, filing.input, actor, idempotencyKey ? { idempotencyKey } : {})
    .catch((error: unknown) => {
      throw withOpen311Fields(error);
    });
  const notice =
    filing.unstored.length > 0
      ? `Not kept, as service "${service.serviceCode}" has no field for them: ${filing.unstored.join(', ')}.`
      : null;
  return {
    status: result.replayed ? 200 : 201,
    document: {
      root: 'service_requests',
      body: [{ service_request_id: result.inquiry.trackingNumber, service_notice: notice, account_id: null }],
    },
  };
};

/** The key in the `api_key` form field (or an `X-Api-Key` header), if it names a live key. */
async function liveKey(call: Open311Call): Promise<ApiKey | undefined> {
  const fromBody = call.body['api_key'];
  const secret = typeof fromBody === 'string' && fromBody !== '' ? fromBody : call.req.get('x-api-key');
  if (!secret || secret.length > 500) return undefined;
  return call.platform.identity.verifyApiKey(secret.trim());
}

/** The form's invalid fields, named as the Open311 client sent them (`attribute[account]`, `lat`). */
function withOpen311Fields(error: unknown): unknown {
  if (!isDarchaError(error, 'DARCHA_INQUIRY_FORM_INVALID')) return error;
  const fields = (error.details['fields'] ?? []) as ApplicationFieldError[];
  return new DarchaError({
    code: 'DARCHA_INQUIRY_FORM_INVALID',
    kind: error.kind,
    message: error.message,
    hint: error.hint,
    details: {
      ...error.details,
      errors: fields.map((f) => ({ field: open311FieldName(f.field), message: f.message })),
    },
    cause: error,
  });
}
