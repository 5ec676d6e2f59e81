import type { LocalizedText } from '../i18n/locales.js';
import { feeScheduleProblems } from '../registry/fee-schedule-checks.js';
import type { ApplicantCategory } from '../workflow/inquiry/types.js';
import type { BaseAmount } from './base-amount-types.js';
import { conditionHolds, fieldValue, type FeeApplication } from './fee-conditions.js';
import type { FeeAmount, FeeLine, FeeQuote, FeeSchedule, FeeTier } from './fee-types.js';
import { baseAmountMissing, feeNoAmount, feeScheduleInvalid, feeUnitsInvalid } from './fees.errors.js';
import { discountNames, feeLineNames } from './fee-line-names.js';
import { bhmMultiple, percentOf, times } from './money.js';

/** Everything `quoteFee` computes from besides the schedule. */
export interface FeeQuoteContext extends FeeApplication {
  serviceCode: string;
  serviceVersion: number;
  /** The service's names, for the fee line. */
  serviceNames: LocalizedText;
  categories?: readonly ApplicantCategory[];
  /** The filing date in the tenant's time zone, `YYYY-MM-DD`. */
  date: string;
  /** The country whose BHM applies (for the error when there is none). */
  country: string;
  /** The BHM value in force on `date`, or `null` when the country has none yet. */
  bhm: BaseAmount | null;
  /** Named in errors. */
  tenantId?: string;
}

/** The most units a per-unit fee counts when its schedule sets no `perUnit.max`. */
export const DEFAULT_MAX_UNITS = 10_000;

/** An invoice stays payable this many days unless the schedule says otherwise. */
export const DEFAULT_PAYABLE_DAYS = 30;

/**
 * Computes the fee of one application from a `core/schedule` fee schedule. Pure: the caller looks up
 * the BHM in force on the filing date.
 *
 * Which amount: the first tier whose conditions all hold; else the amount of the application's
 * channel; else the schedule's `amount`; else `DARCHA_FEE_NO_AMOUNT`.
 *
 * Rounding rule (money is integer soums; no float ever holds an amount):
 * 1. unit amount = BHM x multiplier, rounded half up to whole soums, computed in integers
 *    (multipliers have at most 4 decimals: 1.25 x 202,730 = 253,412.5 -> 253,413); a fixed sum is
 *    used as it is;
 * 2. subtotal = unit amount x units (units = 1, or the whole number read from the form at
 *    `perUnit.field`, within `perUnit.min` (default 1) and `perUnit.max`);
 * 3. discount = subtotal x percent / 100, rounded half up (the largest percent among the applicant's
 *    categories; they do not add up): 50% of 253,413 = 126,706.5 -> 126,707;
 * 4. total = subtotal - discount.
 *
 * Throws `DARCHA_FEE_SCHEDULE_INVALID` for a schedule that does not validate, `DARCHA_FEE_NO_AMOUNT`,
 * `DARCHA_FEE_UNITS_INVALID`, and `DARCHA_FEE_BASE_AMOUNT_MISSING` when the amount is a BHM multiple
 * and `context.bhm` is `null`.
 *
 * @example
 * quoteFee(cadastreSchedule, { serviceCode: 'cadastre.register-extract', serviceVersion: 1,
 *   serviceNames, formData: { area: 80 }, applicantType: 'individual', channel: 'desk',
 *   categories: ['social-register'], date: '2025-08-01', country: 'uz', bhm: uz2025 });
 * // total 257,500: 1.25 x 412,000 = 515,000, minus 50%
 */
export function quoteFee(schedule: FeeSchedule, context: FeeQuoteContext): FeeQuote {
  const problems = feeScheduleProblems(schedule);
  if (problems.length > 0) {
    throw feeScheduleInvalid(context.tenantId ?? null, context.serviceCode, context.serviceVersion, problems);
  }
  const chosen = chooseAmount(schedule, context);
  let unitAmount: number;
  let bhm: FeeQuote['breakdown']['bhm'] = null;
  if ('bhm' in chosen.amount) {
    if (!context.bhm) throw baseAmountMissing(context.country, context.date);
    bhm = {
      country: context.bhm.country,
      value: context.bhm.amount,
      effectiveFrom: context.bhm.effectiveFrom,
    };
    unitAmount = bhmMultiple(context.bhm.amount, chosen.amount.bhm);
  } else {
    unitAmount = chosen.amount.sum;
  }
  const units = schedule.perUnit ? unitCount(schedule.perUnit, context) : null;
  const quantity = units?.count ?? 1;
  let subtotal: number;
  try {
    subtotal = times(unitAmount, quantity);
  } catch (error) {
    if (!(error instanceof RangeError) || !schedule.perUnit) throw error;
    throw feeUnitsInvalid(
      context.serviceCode,
      schedule.perUnit.field,
      `is ${quantity}, which makes the amount too large`,
    );
  }
  const discount = largestDiscount(schedule, context.categories ?? [], subtotal);
  const lines: FeeLine[] = [
    {
      kind: 'fee',
      description: feeLineNames(context.serviceNames, chosen.tier, schedule.perUnit?.unitNames),
      quantity,
      unitAmount,
      amount: subtotal,
    },
  ];
  if (discount && discount.amount > 0) {
    lines.push({
      kind: 'discount',
      description: discountNames(discount.category, discount.percent),
      quantity: 1,
      unitAmount: -discount.amount,
      amount: -discount.amount,
    });
  }
  return {
    serviceCode: context.serviceCode,
    serviceVersion: context.serviceVersion,
    free: false,
    currency: 'UZS',
    total: subtotal - (discount?.amount ?? 0),
    lines,
    breakdown: {
      bhm,
      multiplier: 'bhm' in chosen.amount ? chosen.amount.bhm : null,
      fixed: 'sum' in chosen.amount ? chosen.amount.sum : null,
      tier: chosen.tier
        ? { id: chosen.tier.id, ...(chosen.tier.names ? { names: chosen.tier.names } : {}) }
        : null,
      channel: chosen.channel ? context.channel : null,
      units,
      unitAmount,
      subtotal,
      discount,
    },
    partialPayments: schedule.partialPayments ?? false,
    payableDays: schedule.payableDays ?? DEFAULT_PAYABLE_DAYS,
    invoiceAt: schedule.invoiceAt ?? 'filing',
    date: context.date,
  };
}

/** The quote of a free service: nothing to pay, no lines. */
export function freeQuote(serviceCode: string, serviceVersion: number, date: string): FeeQuote {
  return {
    serviceCode,
    serviceVersion,
    free: true,
    currency: 'UZS',
    total: 0,
    lines: [],
    breakdown: {
      bhm: null,
      multiplier: null,
      fixed: null,
      tier: null,
      channel: null,
      units: null,
      unitAmount: 0,
      subtotal: 0,
      discount: null,
    },
    partialPayments: false,
    payableDays: DEFAULT_PAYABLE_DAYS,
    invoiceAt: 'filing',
    date,
  };
}

function chooseAmount(
  schedule: FeeSchedule,
  context: FeeQuoteContext,
): { amount: FeeAmount; tier: FeeTier | null; channel: boolean } {
  const tier = schedule.tiers?.find((t) => t.when.every((condition) => conditionHolds(condition, context)));
  if (tier) return { amount: tier.amount, tier, channel: false };
  const byChannel = schedule.channels?.[context.channel];
  if (byChannel) return { amount: byChannel, tier: null, channel: true };
  if (schedule.amount) return { amount: schedule.amount, tier: null, channel: false };
  throw feeNoAmount(
    context.serviceCode,
    { channel: context.channel, applicantType: context.applicantType },
    (schedule.tiers ?? []).map((t) => t.id),
  );
}

function unitCount(
  perUnit: NonNullable<FeeSchedule['perUnit']>,
  context: FeeQuoteContext,
): { count: number; unit: string } {
  const { field, unit } = perUnit;
  const min = perUnit.min ?? 1;
  const value = fieldValue(context, field);
  const refuse = (problem: string) => feeUnitsInvalid(context.serviceCode, field, problem);
  if (value === undefined || value === null) throw refuse('is missing');
  if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
    throw refuse(`is ${JSON.stringify(value)}, not a whole number`);
  }
  if (value < min) throw refuse(`is ${value}, below the minimum of ${min}`);
  const max = perUnit.max ?? DEFAULT_MAX_UNITS;
  if (value > max) throw refuse(`is ${value}, above the maximum of ${max}`);
  return { count: value, unit };
}

function largestDiscount(
  schedule: FeeSchedule,
  categories: readonly ApplicantCategory[],
  subtotal: number,
): FeeQuote['breakdown']['discount'] {
  let best: { category: ApplicantCategory; percent: number } | undefined;
  for (const discount of schedule.discounts ?? []) {
    if (categories.includes(discount.category) && (!best || discount.percent > best.percent)) best = discount;
  }
  return best
    ? { category: best.category, percent: best.percent, amount: percentOf(subtotal, best.percent) }
    : null;
}
