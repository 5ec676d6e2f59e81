import type { JsonSchema } from '@darcha/core';

/**
 * The reporting year. *Assumed* bounds: no source gives them; 2000 is before any TIN in use today,
 * and a form cannot compare with the current year, so the officer refuses a future one.
 */
export const YEAR_FIELD: JsonSchema = { type: 'integer', minimum: 2000, maximum: 2100 };
/** A quarter of the year, 1 to 4. */
export const QUARTER_FIELD: JsonSchema = { type: 'integer', minimum: 1, maximum: 4 };
/** A month of the year, 1 to 12. */
export const MONTH_FIELD: JsonSchema = { type: 'integer', minimum: 1, maximum: 12 };

/**
 * A reporting period is a `year` with either a `quarter` or a `month`, never both; the errors name
 * `/quarter` (required when neither is given, not allowed next to a month).
 */
export const QUARTER_OR_MONTH: JsonSchema = {
  allOf: [
    { if: { required: ['month'] }, then: { properties: { quarter: false } } },
    { if: { not: { required: ['month'] } }, then: { required: ['quarter'] } },
  ],
};
