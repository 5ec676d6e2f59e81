import type { JsonSchema } from '@darcha/core';
import { PINFL_FIELD, TIN_FIELD } from '@darcha/service-kit';

/**
 * The most founders an LLC may have: 50, the limit of the law on limited liability companies (not in
 * services.md, so *assumed* here).
 */
export const MAX_FOUNDERS = 50;

/**
 * One founder: a person (PINFL) or a company (TIN), and their share of the charter capital in
 * percent (above 0, at most 100; shares are counted to the hundredth of a percent).
 */
export const FOUNDER_FIELD: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['type', 'share'],
  properties: {
    type: { enum: ['individual', 'legal_entity'] },
    pinfl: PINFL_FIELD,
    tin: TIN_FIELD,
    share: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
  },
  if: { properties: { type: { const: 'individual' } } },
  then: { required: ['pinfl'] },
  else: { required: ['tin'] },
};

/**
 * The founders, 1 to {@link MAX_FOUNDERS}. A sole founder holds 100%. JSON Schema cannot add up the
 * shares of several founders: the guard {@link sharesMakeWhole} checks that they make 100% before
 * the registration is completed.
 */
export const FOUNDERS_FIELD: JsonSchema = {
  type: 'array',
  minItems: 1,
  maxItems: MAX_FOUNDERS,
  items: FOUNDER_FIELD,
  if: { maxItems: 1 },
  then: { items: { properties: { share: { const: 100 } } } },
};

/** True when `founders` is a list of founders whose shares add up to exactly 100% (in hundredths). */
export function sharesMakeWhole(founders: unknown): boolean {
  if (!Array.isArray(founders) || founders.length === 0) return false;
  let hundredths = 0;
  for (const founder of founders as unknown[]) {
    const share = (founder as { share?: unknown } | null)?.share;
    if (typeof share !== 'number' || !Number.isFinite(share)) return false;
    hundredths += Math.round(share * 100);
  }
  return hundredths === 100 * 100;
}
