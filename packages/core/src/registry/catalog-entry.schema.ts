import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { LOCALES } from '../i18n/locales.js';
import { createAjv } from '../validation/create-ajv.js';
import { AGENCY_CODE_PATTERN } from './agency-input.schema.js';
import { SERVICE_CODE_PATTERN } from './service-definition.schema.js';
import type { CatalogEntryInput, CatalogOverrides, CatalogQuery, ServiceDefinition } from './types.js';

const localized = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 500 }])),
} as const;
const agencyCode = { type: 'string', pattern: AGENCY_CODE_PATTERN.source, maxLength: 63 } as const;
const serviceCode = { type: 'string', pattern: SERVICE_CODE_PATTERN.source, maxLength: 100 } as const;

const ajv = createAjv();

const validateEntry = ajv.compile<CatalogEntryInput>({
  type: 'object',
  additionalProperties: false,
  required: ['serviceCode', 'offered'],
  properties: {
    serviceCode,
    offered: { type: 'boolean' },
    agencyCode: { anyOf: [agencyCode, { type: 'null' }] },
    overrides: {
      type: 'object',
      additionalProperties: false,
      properties: {
        names: localized,
        slaValue: { type: 'integer', minimum: 1 },
        feeParams: { type: 'object' },
      },
    },
  },
});

const validateQuery = ajv.compile<CatalogQuery>({
  type: 'object',
  additionalProperties: false,
  properties: {
    text: { type: 'string', maxLength: 200 },
    category: { type: 'string', maxLength: 200 },
    agencyCode: { type: 'string', maxLength: 63 },
    applicantType: { enum: ['individual', 'legal_entity'] },
    kind: { enum: ['service', 'information', 'appeal'] },
    channel: { enum: ['desk', 'online', 'api'] },
  },
});

/** Every invalid field of a catalog entry's shape; empty when it is well formed. */
export function catalogEntryProblems(value: unknown): FieldError[] {
  return validateEntry(value) ? [] : fieldErrors(validateEntry.errors);
}

/** Every invalid field of a catalog query; empty when it is well formed. */
export function catalogQueryProblems(value: unknown): FieldError[] {
  return validateQuery(value) ? [] : fieldErrors(validateQuery.errors);
}

/**
 * What a tenant may not override in this service: an SLA value outside the definition's bounds (or
 * any SLA value when the definition sets none), fee parameters when the fee is not tenant-overridable.
 */
export function overrideProblems(
  definition: ServiceDefinition,
  overrides: CatalogOverrides = {},
): FieldError[] {
  const problems: FieldError[] = [];
  const { sla, fee } = definition;
  if (overrides.slaValue !== undefined) {
    if (sla.min === undefined || sla.max === undefined) {
      problems.push({
        field: '/overrides/slaValue',
        message: `service "${definition.code}" sets no SLA bounds, so its SLA cannot be overridden`,
      });
    } else if (overrides.slaValue < sla.min || overrides.slaValue > sla.max) {
      problems.push({
        field: '/overrides/slaValue',
        message: `${overrides.slaValue} is outside the allowed ${sla.min}..${sla.max} (${sla.unit})`,
      });
    }
  }
  if (overrides.feeParams !== undefined && !fee.tenantOverridable) {
    problems.push({
      field: '/overrides/feeParams',
      message: `the fee of service "${definition.code}" is not tenant-overridable`,
    });
  }
  return problems;
}

function fieldErrors(errors: Parameters<typeof fieldErrorsFromAjv>[0]): FieldError[] {
  return fieldErrorsFromAjv(errors).map((e) => ({
    field: e.field,
    message: e.message.replace('is not a known setting', 'is not a known field'),
  }));
}
