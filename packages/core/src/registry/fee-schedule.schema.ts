import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import type { FeeSchedule } from '../fees/fee-types.js';
import { LOCALES } from '../i18n/locales.js';
import { compileLater } from '../validation/compile-later.js';
import { APPLICANT_CATEGORIES } from '../workflow/inquiry/types.js';
import { SLUG_PATTERN } from './service-definition.schema.js';

/** Where a condition or a unit count reads: a JSON pointer into the form, or `$applicantType` / `$channel`. */
export const FEE_FIELD_PATTERN = /^(\$applicantType|\$channel|(\/[^/]*)+)$/;
/** A tier id: lowercase letters, digits and hyphens, `up-to-100`, `101-300`, `legal-entity`. */
export const TIER_ID_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
/** The largest fixed sum a schedule may name, in soums (a trillion). */
export const MAX_FIXED_SUM = 1_000_000_000_000;
/** The largest BHM multiple a schedule may name. */
export const MAX_MULTIPLIER = 100_000;

const localized = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 500 }])),
} as const;

/** `{ bhm }` or `{ sum }`, exactly one of them (one object, so that errors name the field at fault). */
const amount = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  maxProperties: 1,
  properties: {
    bhm: { type: 'number', exclusiveMinimum: 0, maximum: MAX_MULTIPLIER },
    sum: { type: 'integer', minimum: 0, maximum: MAX_FIXED_SUM },
  },
} as const;

const scalar = { type: ['string', 'number', 'boolean'] } as const;

const condition = {
  type: 'object',
  additionalProperties: false,
  required: ['field'],
  properties: {
    field: { type: 'string', pattern: FEE_FIELD_PATTERN.source, maxLength: 200 },
    equals: scalar,
    in: { type: 'array', minItems: 1, maxItems: 100, items: { type: ['string', 'number'] } },
    min: { type: 'number' },
    max: { type: 'number' },
  },
} as const;

/**
 * The JSON Schema of {@link FeeSchedule}, the parameters of the `core/schedule` fee rule. Shape only:
 * {@link feeScheduleProblems} adds the rules a schema cannot say.
 */
export const FEE_SCHEDULE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    amount,
    tiers: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'when', 'amount'],
        properties: {
          id: { type: 'string', pattern: TIER_ID_PATTERN.source, maxLength: 63 },
          names: localized,
          when: { type: 'array', minItems: 1, maxItems: 20, items: condition },
          amount,
        },
      },
    },
    channels: {
      type: 'object',
      additionalProperties: false,
      minProperties: 1,
      properties: { desk: amount, online: amount, api: amount },
    },
    perUnit: {
      type: 'object',
      additionalProperties: false,
      required: ['field', 'unit'],
      properties: {
        field: { type: 'string', pattern: '^(/[^/]*)+$', maxLength: 200 },
        unit: { type: 'string', pattern: SLUG_PATTERN.source, maxLength: 63 },
        unitNames: localized,
        min: { type: 'integer', minimum: 0 },
        max: { type: 'integer', minimum: 1, maximum: 1_000_000 },
      },
    },
    discounts: {
      type: 'array',
      maxItems: 20,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['category', 'percent'],
        properties: {
          category: { enum: [...APPLICANT_CATEGORIES] },
          percent: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
        },
      },
    },
    partialPayments: { type: 'boolean' },
    payableDays: { type: 'integer', minimum: 1, maximum: 365 },
    invoiceAt: { enum: ['filing', 'effect'] },
  },
} as const;

/** The schema path of an amount's "exactly one of bhm and sum" rule. */
const AMOUNT_COUNT = /(\/amount|\/channels\/properties\/[a-z]+)\/(min|max)Properties$/;

const validate = compileLater<FeeSchedule>(FEE_SCHEDULE_SCHEMA);

/** Every field of `value` that does not fit the shape of a fee schedule; empty when it fits. */
export function feeScheduleShapeProblems(value: unknown): FieldError[] {
  if (validate(value)) return [];
  return fieldErrorsFromAjv(
    (validate.errors ?? []).map((error) =>
      AMOUNT_COUNT.test(error.schemaPath)
        ? { ...error, message: 'must give exactly one of bhm (a multiple of the BHM) and sum (whole soums)' }
        : error,
    ),
  );
}
