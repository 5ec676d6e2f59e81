import {
  AGENCY_CODE_PATTERN,
  DESK_CODE_PATTERN,
  LOCALES,
  PLUGIN_ID_PATTERN,
  SERVICE_CODE_PATTERN,
  STAFF_ROLE_PATTERN,
  TENANT_ID_PATTERN,
  type JsonSchema,
} from '@darcha/core';
import { objectSchema } from './request-validator.js';
import { dateTime, locale, uuid } from './schemas.js';

/** Building blocks of the administration routes' schemas, requests and answers. */

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });

/** Names per locale: at least one, each 1 to `maxLength` characters. */
export const localizedText = (maxLength = 300): JsonSchema => ({
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength }])),
});

export const tenantId: JsonSchema = { type: 'string', pattern: TENANT_ID_PATTERN.source, maxLength: 63 };
export const agencyCode: JsonSchema = { type: 'string', pattern: AGENCY_CODE_PATTERN.source, maxLength: 63 };
export const deskCode: JsonSchema = { type: 'string', pattern: DESK_CODE_PATTERN.source, maxLength: 63 };
export const serviceCode: JsonSchema = {
  type: 'string',
  pattern: SERVICE_CODE_PATTERN.source,
  maxLength: 100,
};
export const pluginId: JsonSchema = { type: 'string', pattern: PLUGIN_ID_PATTERN.source, maxLength: 34 };
export const staffRole: JsonSchema = { type: 'string', pattern: STAFF_ROLE_PATTERN.source, maxLength: 127 };
/** A lowercase DNS host name with at least two labels, no scheme, port or path. */
export const hostName: JsonSchema = {
  type: 'string',
  maxLength: 253,
  pattern: '^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+$',
};
/** Free-form settings: a JSON object, merged key by key; `null` removes a key. */
export const settingsObject: JsonSchema = { type: 'object', maxProperties: 200 };

export const TENANT: JsonSchema = {
  type: 'object',
  properties: {
    id: tenantId,
    kind: { type: 'string', enum: ['country', 'region', 'city'] },
    parentId: nullable(tenantId),
    names: { type: 'object' },
    status: { type: 'string', enum: ['active', 'suspended', 'archived'] },
    statusReason: nullable({ type: 'string' }),
    defaultLocale: locale,
    timeZone: { type: 'string' },
    createdAt: dateTime,
    updatedAt: dateTime,
  },
};

export const SETTINGS_ANSWER: JsonSchema = {
  type: 'object',
  properties: {
    own: { type: 'object', description: 'What this tenant sets itself.' },
    effective: { type: 'object', description: 'Its ancestors’ settings with its own merged over them.' },
  },
};

export const AGENCY: JsonSchema = {
  type: 'object',
  properties: {
    code: agencyCode,
    kind: { type: 'string' },
    names: { type: 'object' },
    contacts: { type: 'object' },
    workingHours: { type: 'object' },
    active: { type: 'boolean' },
  },
};

export const DESK: JsonSchema = {
  type: 'object',
  properties: {
    code: deskCode,
    names: { type: 'object' },
    agencyCode: nullable(agencyCode),
    active: { type: 'boolean' },
  },
};

export const STAFF_MEMBER: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    agencyCodes: { type: 'array', items: { type: 'string' } },
    deskCodes: { type: 'array', items: { type: 'string' } },
    active: { type: 'boolean' },
    lastAssignedAt: nullable(dateTime),
  },
};

export const ABSENCE: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    staffId: uuid,
    delegateId: nullable(uuid),
    startsAt: dateTime,
    endsAt: dateTime,
    reason: nullable({ type: 'string' }),
  },
};

export const API_KEY: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    name: { type: 'string' },
    role: { type: 'string' },
    agencyCodes: { type: 'array', items: { type: 'string' } },
    prefix: { type: 'string', description: 'The first characters of the key, to tell keys apart.' },
    createdAt: dateTime,
    createdBy: { type: 'string' },
    lastUsedAt: nullable(dateTime),
    revokedAt: nullable(dateTime),
  },
};

export const CATALOG_ENTRY: JsonSchema = {
  type: 'object',
  properties: {
    serviceCode,
    offered: { type: 'boolean' },
    agencyCode: nullable(agencyCode),
    overrides: { type: 'object' },
  },
};

export const CATALOG_SERVICE: JsonSchema = {
  type: 'object',
  properties: {
    serviceCode,
    version: { type: 'integer' },
    names: { type: 'object' },
    sla: { type: 'object' },
    fee: { type: 'object' },
    agencyCode: nullable(agencyCode),
    source: { type: 'string', description: 'The tenant whose entry offers it: the city or an ancestor.' },
    definition: { type: 'object', description: 'The service definition (form, documents, workflow ...).' },
  },
};

export const SERVICE_DEFINITION: JsonSchema = {
  type: 'object',
  description: 'A published service definition (see the plugin API reference).',
  properties: {
    code: serviceCode,
    version: { type: 'integer' },
    names: { type: 'object' },
    category: { type: 'string' },
  },
};

export const CATEGORY: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    parent: { type: 'string' },
    names: { type: 'object' },
    order: { type: 'integer' },
  },
};

export const TENANT_PLUGIN: JsonSchema = {
  type: 'object',
  properties: {
    id: pluginId,
    version: { type: 'string' },
    kind: { type: 'string', enum: ['agency', 'city', 'feature'] },
    status: { type: 'string', enum: ['registered', 'active', 'failed', 'stopped'] },
    error: { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } } },
    enabled: { type: 'boolean' },
    decidedBy: nullable(tenantId),
    settingsSchema: nullable({ type: 'object' }),
  },
};

export const PLUGIN_SETTINGS: JsonSchema = {
  type: 'object',
  properties: {
    pluginId,
    own: { type: 'object', description: 'What this tenant sets itself.' },
    effective: {
      type: 'object',
      description: 'What the plugin runs with: inherited settings with the own ones over them.',
    },
    schema: nullable({ type: 'object' }),
  },
};

export const CALENDAR: JsonSchema = {
  type: 'object',
  properties: {
    definition: { type: 'object' },
    sourceTenantId: {
      ...nullable(tenantId),
      description: 'Whose calendar applies: the tenant, an ancestor, or null for the built-in default.',
    },
  },
};

export const AUDIT_ENTRY: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    at: dateTime,
    actor: { type: 'string', description: 'A staff id, api-key:<id>, platform:<userId>, system or cli.' },
    action: { type: 'string' },
    subjectType: nullable({ type: 'string' }),
    subjectId: nullable({ type: 'string' }),
    details: { type: 'object' },
    requestId: nullable({ type: 'string' }),
  },
};

export const PLATFORM_USER: JsonSchema = {
  type: 'object',
  properties: {
    id: uuid,
    login: { type: 'string' },
    displayName: { type: 'string' },
    roles: { type: 'array', items: { type: 'string' } },
    active: { type: 'boolean' },
    createdAt: dateTime,
  },
};

/** Path parameters of one name. */
export const paramsOf = (properties: Record<string, JsonSchema>): JsonSchema =>
  objectSchema(properties, Object.keys(properties));
