import type { CreateApiKeyInput } from '@darcha/core';
import { ADMIN_ACCESS, auditActor } from '../admin-access.js';
import { PAGE_QUERY_PROPERTIES, newestFirst, pageOf, pageSchema, type PageQuery } from '../admin-page.js';
import { API_KEY, agencyCode, staffRole } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { idParams } from '../schemas.js';

const TAG = 'API keys';

export const apiKeyRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { revoked?: boolean }>({
    method: 'get',
    path: '/api-keys',
    operationId: 'listApiKeys',
    summary: 'List the city’s API keys',
    description:
      'Newest first; revoked keys too unless revoked=false. The secret of a key is never shown again.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      query: objectSchema({ revoked: { type: 'boolean' }, ...PAGE_QUERY_PROPERTIES }),
      responses: {
        200: { description: 'A page of keys, without their secrets.', schema: pageSchema(API_KEY) },
      },
    },
    async handler({ platform, tenantId, query }) {
      const { revoked, ...page } = query;
      const keys = (await platform.identity.listApiKeys(tenantId)).filter(
        (k) => revoked === undefined || (k.revokedAt !== null) === revoked,
      );
      return { body: pageOf(keys, (k) => [newestFirst(k.createdAt), k.id], page) };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, CreateApiKeyInput>({
    method: 'post',
    path: '/api-keys',
    operationId: 'createApiKey',
    summary: 'Create an API key',
    description:
      'A key for an integration, acting with one staff role (and, optionally, for some agencies only). The answer ' +
      'carries the key itself, once: store it now, it cannot be read again. Send it as "Authorization: Bearer dk_...".',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      body: objectSchema(
        {
          name: { type: 'string', minLength: 1, maxLength: 100, pattern: '\\S' },
          role: staffRole,
          agencyCodes: { type: 'array', maxItems: 100, uniqueItems: true, items: agencyCode },
        },
        ['name', 'role'],
      ),
      responses: {
        201: {
          description: 'Created; `key` is shown this once.',
          schema: objectSchema({ key: { type: 'string' }, apiKey: API_KEY }),
        },
      },
    },
    async handler({ platform, tenantId, body, principal }) {
      const created = await platform.identity.createApiKey(tenantId, body, auditActor(principal));
      return {
        status: 201,
        headers: { Location: `/api/v1/api-keys/${created.apiKey.id}`, 'Cache-Control': 'no-store' },
        body: { key: created.key, apiKey: created.apiKey },
      };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'delete',
    path: '/api-keys/:id',
    operationId: 'revokeApiKey',
    summary: 'Revoke an API key',
    description:
      'The key stops working at once, for good; it stays in the list as revoked. Revoking it again changes nothing.',
    tag: TAG,
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    bodyType: 'none',
    schemas: { params: idParams, responses: { 204: { description: 'Revoked.' } } },
    async handler({ platform, tenantId, params, principal }) {
      await platform.identity.revokeApiKey(tenantId, params.id, auditActor(principal));
      return { status: 204 };
    },
  }),
];
