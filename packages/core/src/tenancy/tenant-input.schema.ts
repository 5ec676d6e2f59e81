import { compileLater, type Validator } from '../validation/compile-later.js';
import { LOCALES } from '../i18n/locales.js';
import { TENANT_ID_MAX_LENGTH, TENANT_ID_PATTERN } from './tenant-id.js';
import type { CreateTenantInput, UpdateTenantInput } from './types.js';

const names = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 200 }])),
} as const;

const common = {
  names,
  parentId: { type: ['string', 'null'], pattern: TENANT_ID_PATTERN.source, maxLength: TENANT_ID_MAX_LENGTH },
  defaultLocale: { enum: LOCALES },
  timeZone: { type: 'string', minLength: 1, maxLength: 64 },
} as const;

export const validateCreateTenant: Validator<CreateTenantInput> = compileLater<CreateTenantInput>({
  type: 'object',
  additionalProperties: false,
  required: ['id', 'kind', 'names'],
  properties: {
    id: { type: 'string', pattern: TENANT_ID_PATTERN.source, maxLength: TENANT_ID_MAX_LENGTH },
    kind: { enum: ['country', 'region', 'city'] },
    ...common,
    settings: { type: 'object' },
  },
});

export const validateUpdateTenant: Validator<UpdateTenantInput> = compileLater<UpdateTenantInput>({
  type: 'object',
  additionalProperties: false,
  properties: common,
});

/** True when the runtime knows `zone` as an IANA time zone. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const HOST_PATTERN =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** True for a lowercase DNS host name with at least two labels (no scheme, port or path). */
export function isHostName(host: string): boolean {
  return HOST_PATTERN.test(host);
}

/** A host name as stored and compared: trimmed, lowercase, without a trailing dot or a `:port`. */
export function normalizeHostName(host: string): string {
  return host.trim().toLowerCase().replace(/:\d+$/, '').replace(/\.$/, '');
}
