import { fieldErrorsFromAjv } from '../errors/field-error.js';
import { LOCALES } from '../i18n/locales.js';
import { compileLater, type Validator } from '../validation/compile-later.js';
import type { ServiceDefinition } from './types.js';

/** `<area>.<name>`: lowercase letters, digits and hyphens, at least one dot: `gas.no-debt-certificate`. */
export const SERVICE_CODE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;
/** A category id: a dotted path, `utilities` or `utilities.gas`. */
export const CATEGORY_ID_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)*$/;
/** A workflow key, `<plugin-id>/<name>`. */
export const WORKFLOW_KEY_PATTERN = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/;
/** A lowercase slug: agency kinds, document codes. */
export const SLUG_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A key namespaced by a plugin, `<plugin-id>/<name>`, the name possibly dotted or slashed. */
const NAMESPACED_PATTERN = /^[a-z][a-z0-9-]*\/[a-z0-9][a-z0-9-]*([./][a-z0-9][a-z0-9-]*)*$/;
const MEDIA_TYPE_PATTERN = /^[a-z]+\/[a-z0-9][a-z0-9.+-]*$/;

const text = { type: 'string', minLength: 1, maxLength: 500 } as const;
const localeProperties = Object.fromEntries(LOCALES.map((l) => [l, text]));
/** A text in at least one locale. */
const localized = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: localeProperties,
} as const;
/** A text in every locale: what citizens see in the catalog. */
const localizedEverywhere = { ...localized, required: [...LOCALES] } as const;
const slug = { type: 'string', pattern: SLUG_PATTERN.source, maxLength: 63 } as const;
const positiveInteger = { type: 'integer', minimum: 1 } as const;
const uniqueNonEmpty = (values: readonly string[]) =>
  ({ type: 'array', minItems: 1, uniqueItems: true, items: { enum: values } }) as const;

const document = {
  type: 'object',
  additionalProperties: false,
  required: ['code', 'names', 'accept', 'maxBytes'],
  properties: {
    code: slug,
    names: localized,
    accept: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', pattern: MEDIA_TYPE_PATTERN.source },
    },
    maxBytes: { type: 'integer', exclusiveMinimum: 0 },
    optional: { type: 'boolean' },
  },
} as const;

const uiHint = {
  type: 'object',
  additionalProperties: false,
  properties: {
    widget: {
      enum: ['text', 'textarea', 'number', 'select', 'radio', 'checkbox', 'date', 'phone', 'file', 'hidden'],
    },
    order: { type: 'integer' },
    placeholder: localized,
    help: localized,
  },
} as const;

/** The JSON Schema (2020-12) of a {@link ServiceDefinition}; semantic rules are in service-definition-checks. */
export const serviceDefinitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: [
    'code',
    'version',
    'names',
    'category',
    'agencyKind',
    'applicantTypes',
    'kind',
    'channels',
    'form',
    'documents',
    'fee',
    'sla',
    'workflow',
  ],
  properties: {
    code: { type: 'string', pattern: SERVICE_CODE_PATTERN.source, maxLength: 100 },
    version: positiveInteger,
    names: localizedEverywhere,
    descriptions: {
      ...localized,
      properties: Object.fromEntries(LOCALES.map((l) => [l, { ...text, maxLength: 4000 }])),
    },
    category: { type: 'string', pattern: CATEGORY_ID_PATTERN.source, maxLength: 200 },
    agencyKind: slug,
    applicantTypes: uniqueNonEmpty(['individual', 'legal_entity']),
    kind: { enum: ['service', 'information', 'appeal'] },
    channels: uniqueNonEmpty(['desk', 'online', 'api']),
    form: { type: 'object' },
    ui: { type: 'object', additionalProperties: uiHint },
    documents: { type: 'array', items: document },
    result: {
      type: 'object',
      additionalProperties: false,
      required: ['document'],
      properties: { document: slug, template: { type: 'string', pattern: NAMESPACED_PATTERN.source } },
    },
    fee: {
      type: 'object',
      additionalProperties: false,
      required: ['free'],
      properties: {
        free: { type: 'boolean' },
        rule: { type: 'string', pattern: NAMESPACED_PATTERN.source },
        params: { type: 'object' },
        tenantOverridable: { type: 'boolean' },
      },
    },
    sla: {
      type: 'object',
      additionalProperties: false,
      required: ['unit', 'value'],
      properties: {
        unit: { enum: ['working_days', 'working_hours', 'minutes'] },
        value: positiveInteger,
        min: positiveInteger,
        max: positiveInteger,
      },
    },
    workflow: { type: 'string', pattern: WORKFLOW_KEY_PATTERN.source },
    flags: {
      type: 'object',
      additionalProperties: false,
      properties: { proactive: { type: 'boolean' }, composite: { type: 'boolean' } },
    },
    composite: {
      type: 'object',
      additionalProperties: false,
      required: ['children'],
      properties: {
        children: {
          type: 'array',
          minItems: 2,
          maxItems: 20,
          uniqueItems: true,
          items: { type: 'string', pattern: SERVICE_CODE_PATTERN.source, maxLength: 100 },
        },
        onChildRejected: { enum: ['reject', 'continue'] },
      },
    },
    keywords: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        LOCALES.map((l) => [l, { type: 'array', items: { ...text, maxLength: 100 } }]),
      ),
    },
  },
} as const;

const validate: Validator<ServiceDefinition> = compileLater<ServiceDefinition>(serviceDefinitionSchema);

/**
 * Checks the shape of a service definition. Returns one problem per invalid field, each starting
 * with the field's path (`/names/ru: is required`); an empty list means the shape is right.
 */
export function serviceDefinitionSchemaProblems(value: unknown): string[] {
  if (validate(value)) return [];
  return fieldErrorsFromAjv(validate.errors).map((e) => `${e.field}: ${e.message}`);
}
