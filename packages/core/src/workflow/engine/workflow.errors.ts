import { DarchaError } from '../../errors/darcha-error.js';
import type { ApplicationFieldError } from '../../registry/types.js';
import type { AllowedAction } from '../inquiry/types.js';

/** A workflow version published again with different content. */
export function workflowVersionImmutable(key: string, version: number, pluginId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_VERSION_IMMUTABLE',
    kind: 'conflict',
    message: `Plugin "${pluginId}" publishes workflow "${key}" version ${version} with content that differs from the version already stored; published versions never change, because inquiries are pinned to them.`,
    hint: `Publish the changed definition as version ${version + 1}, then move in-flight inquiries with a workflow migration if they should follow it.`,
    details: { workflowKey: key, version, pluginId },
  });
}

/** A workflow key published by two plugins. */
export function workflowOwnedElsewhere(key: string, pluginId: string, owner: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_KEY_CONFLICT',
    kind: 'conflict',
    message: `Plugin "${pluginId}" publishes workflow "${key}", which belongs to plugin "${owner}".`,
    hint: 'A workflow key starts with the id of the plugin that publishes it; rename the workflow.',
    details: { workflowKey: key, pluginId, owner },
  });
}

/** No active plugin publishes the workflow (or the stored version is gone). */
export function workflowNotFound(key: string, version?: number): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_NOT_FOUND',
    kind: 'not_found',
    message:
      version === undefined
        ? `No active plugin publishes workflow "${key}".`
        : `Workflow "${key}" version ${version} was never published.`,
    hint: 'Enable and start the plugin that publishes the workflow; `darcha plugin list` shows which plugins are active.',
    details: { workflowKey: key, version: version ?? null },
  });
}

/** The inquiry does not exist in this tenant (another city's inquiry is "not found" too). */
export function inquiryNotFound(tenantId: string, reference: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_NOT_FOUND',
    kind: 'not_found',
    message: `Inquiry "${reference}" does not exist in tenant "${tenantId}".`,
    hint: 'Check the tracking number or id; inquiries are only visible in the city where they were filed.',
    details: { tenantId, reference },
  });
}

/** What a stale-version refusal carries so that the client can refresh without another request. */
export interface StaleVersionDetails {
  inquiryId: string;
  expectedVersion: number;
  currentVersion: number;
  currentState: string;
  publicStatus: string;
  allowedActions: AllowedAction[];
}

/** Someone else changed the inquiry since the actor loaded it. */
export function staleVersion(tenantId: string, details: StaleVersionDetails): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_STALE_VERSION',
    kind: 'conflict',
    message: `Inquiry ${details.inquiryId} in tenant "${tenantId}" is at version ${details.currentVersion} (state "${details.currentState}"), not ${details.expectedVersion}: someone changed it since it was loaded.`,
    hint: 'Reload the inquiry, check what changed, and send the action again with the current version (If-Match).',
    details: { tenantId, ...details },
  });
}

/** The action does not leave the inquiry's current state in its pinned workflow version. */
export function actionNotAvailable(
  tenantId: string,
  inquiryId: string,
  action: string,
  state: string,
  allowed: readonly string[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_ACTION_UNAVAILABLE',
    kind: 'conflict',
    message: `Action "${action}" is not available on inquiry ${inquiryId} in state "${state}" (tenant "${tenantId}"). Available here: ${allowed.length > 0 ? allowed.join(', ') : 'none'}.`,
    hint: 'Ask for the allowed actions of the inquiry and choose one of them.',
    details: { tenantId, inquiryId, action, state, allowedActions: [...allowed] },
  });
}

/** The actor holds none of the roles the transition needs (on this inquiry). */
export function actionForbidden(
  tenantId: string,
  inquiryId: string,
  action: string,
  roles: readonly string[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_ACTION_FORBIDDEN',
    kind: 'forbidden',
    message: `Action "${action}" on inquiry ${inquiryId} (tenant "${tenantId}") needs one of the roles ${roles.join(', ')}, for this inquiry's agency.`,
    hint: 'Ask a colleague with that role, or a city administrator to grant the role or the agency.',
    details: { tenantId, inquiryId, action, roles: [...roles] },
  });
}

/** A named guard refused the transition. */
export function guardRefused(
  tenantId: string,
  inquiryId: string,
  action: string,
  guard: string,
  reason: string,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_GUARD_REFUSED',
    kind: 'conflict',
    message: `Action "${action}" on inquiry ${inquiryId} (tenant "${tenantId}") is refused by guard "${guard}": ${reason}.`,
    hint: 'Meet the condition the guard names, then try again.',
    details: { tenantId, inquiryId, action, guard },
  });
}

/** The transition's `requires` is not met: each missing item is listed. */
export function requirementsMissing(
  tenantId: string,
  inquiryId: string,
  action: string,
  missing: readonly string[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_REQUIREMENTS_MISSING',
    kind: 'invalid',
    message: `Action "${action}" on inquiry ${inquiryId} (tenant "${tenantId}") needs:\n${missing.map((m) => `  - ${m}`).join('\n')}`,
    hint: 'Give what is listed (a comment, the attached documents, the payment) and send the action again.',
    details: { tenantId, inquiryId, action, missing: [...missing] },
  });
}

/** A windowed transition (appeal, reopen) after its window closed. */
export function windowClosed(
  tenantId: string,
  inquiryId: string,
  action: string,
  closedAt: Date,
  until: Date,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_WINDOW_CLOSED',
    kind: 'conflict',
    message: `Action "${action}" on inquiry ${inquiryId} (tenant "${tenantId}") was possible until ${until.toISOString()}; the inquiry closed on ${closedAt.toISOString()}.`,
    hint: 'The window for this action has passed; the applicant may file a new inquiry instead.',
    details: { tenantId, inquiryId, action, closedAt: closedAt.toISOString(), until: until.toISOString() },
  });
}

/** A payment is required but no payments module is installed to say whether it was made. */
export function paymentsUnavailable(tenantId: string, inquiryId: string, action: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_WORKFLOW_PAYMENTS_UNAVAILABLE',
    kind: 'unavailable',
    message: `Action "${action}" on inquiry ${inquiryId} (tenant "${tenantId}") requires a paid invoice, and this installation has no payments module to check it.`,
    hint: 'Install the payments module, or publish a workflow version without `requires.payment` for free services.',
    details: { tenantId, inquiryId, action },
  });
}

/** Input to an engine command is malformed; every problem is listed. */
export function inquiryInputInvalid(
  tenantId: string,
  what: string,
  problems: readonly string[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_INPUT_INVALID',
    kind: 'invalid',
    message: `The ${what} for tenant "${tenantId}" is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    hint: 'Correct the fields listed and send the request again.',
    details: { tenantId, problems: [...problems] },
  });
}

/** An idempotency key reused for a different request. */
export function idempotencyMismatch(tenantId: string, scope: string, key: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_IDEMPOTENCY_KEY_REUSED',
    kind: 'conflict',
    message: `Idempotency key "${key}" was already used in tenant "${tenantId}" for a different request (${scope}).`,
    hint: 'Use a new Idempotency-Key for each distinct request; reuse a key only to retry exactly the same request.',
    details: { tenantId, scope, key },
  });
}

/** The application's form does not satisfy the service's form schema; each field is listed. */
export function applicationInvalid(
  tenantId: string,
  serviceCode: string,
  errors: readonly ApplicationFieldError[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_FORM_INVALID',
    kind: 'invalid',
    message: `The application for "${serviceCode}" in tenant "${tenantId}" has invalid fields:\n${errors.map((e) => `  - ${e.field}: ${e.message}`).join('\n')}`,
    hint: "Correct the fields listed (messages are in the applicant's language) and file again.",
    details: { tenantId, serviceCode, fields: errors.map((e) => ({ ...e })) },
  });
}

/** The service is not filed this way (channel) or for this kind of applicant. */
export function filingRefused(
  tenantId: string,
  serviceCode: string,
  reason: string,
  allowed: readonly string[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_FILING_REFUSED',
    kind: 'invalid',
    message: `Service "${serviceCode}" in tenant "${tenantId}" cannot be filed: ${reason}.`,
    hint: `Allowed here: ${allowed.join(', ')}.`,
    details: { tenantId, serviceCode, reason, allowed: [...allowed] },
  });
}

/** The actor may not file on this channel. */
export function filingForbidden(tenantId: string, channel: string, reason: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_FILING_FORBIDDEN',
    kind: 'forbidden',
    message: `Filing on the ${channel} channel in tenant "${tenantId}" is not allowed: ${reason}.`,
    hint: 'Desk filings are made by front-office or back-office staff, online filings by the citizen, API filings by an integration key.',
    details: { tenantId, channel },
  });
}
