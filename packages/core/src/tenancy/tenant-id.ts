import { DarchaError } from '../errors/darcha-error.js';

/**
 * A tenant id is a lowercase slug, optionally dotted to show its place in the hierarchy:
 * `uz`, `uz.tashkent-region`, `chirchik`. At most 63 characters, so it also fits a DNS label.
 */
export const TENANT_ID_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)*$/;
export const TENANT_ID_MAX_LENGTH = 63;

/** True when `value` is a well-formed tenant id. */
export function isTenantId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= TENANT_ID_MAX_LENGTH && TENANT_ID_PATTERN.test(value);
}

/** Throws `DARCHA_TENANT_INVALID` unless `value` is a well-formed tenant id. */
export function assertTenantId(value: unknown): asserts value is string {
  if (isTenantId(value)) return;
  const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
  throw new DarchaError({
    code: 'DARCHA_TENANT_INVALID',
    kind: 'invalid',
    message: `${shown} is not a valid tenant id.`,
    hint:
      'A tenant id is 1-63 lowercase letters, digits and hyphens, starting with a letter, ' +
      'with dots between hierarchy levels (e.g. "chirchik" or "uz.tashkent-region").',
    details: { tenantId: typeof value === 'string' ? value : null },
  });
}
