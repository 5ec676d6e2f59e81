import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { SCHEDULE_RULE } from '../fees/fee-types.js';
import { LOCALES } from '../i18n/locales.js';
import { compileLater } from '../validation/compile-later.js';
import { AGENCY_CODE_PATTERN } from './agency-input.schema.js';
import { feeScheduleProblems } from './fee-schedule-checks.js';
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

const validateEntry = compileLater<CatalogEntryInput>({
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
        feeParams: { type: 'object', maxProperties: 20 },
      },
    },
  },
});

const validateQuery = compileLater<CatalogQuery>({
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
 * any SLA value when the definition sets none), fee parameters when the fee is not tenant-overridable,
 * or fee parameters that, merged into the definition's schedule ({@link mergeFeeParams}), do not make
 * a valid schedule.
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
  } else if (overrides.feeParams !== undefined && fee.rule === SCHEDULE_RULE) {
    // The keys given replace the definition's; what comes out must be a valid schedule.
    for (const problem of feeScheduleProblems(mergeFeeParams(fee.params, overrides.feeParams), definition)) {
      problems.push({ field: `/overrides/feeParams${problem.field}`, message: problem.message });
    }
  }
  return problems;
}

/**
 * A city's fee schedule: the definition's `fee.params` with the top-level keys the city gives
 * replacing the definition's (`{ discounts: [...] }` replaces the discounts and keeps the tiers).
 */
export function mergeFeeParams(
  params: Record<string, unknown> | undefined,
  feeParams: Record<string, unknown> | undefined,
): Record<string, unknown> {
  return { ...params, ...feeParams };
}

function fieldErrors(errors: Parameters<typeof fieldErrorsFromAjv>[0]): FieldError[] {
  return fieldErrorsFromAjv(errors).map((e) => ({
    field: e.field,
    message: e.message,
  }));
}
