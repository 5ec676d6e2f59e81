import type { LocalizedText } from '../i18n/locales.js';
import type { ApplicantType, Channel } from '../registry/types.js';
import type { ApplicantCategory } from '../workflow/inquiry/types.js';

/**
 * Fees. A paid service names the built-in rule `core/schedule` in its `fee.rule` and gives a
 * {@link FeeSchedule} as `fee.params`; a city's catalog entry may replace top-level keys of it when
 * the fee is `tenantOverridable`. Money is integer soums (UZS) everywhere; see `quote-fee.ts` for the
 * rounding rule.
 */

/** The rule every service fee uses today; plugins do not register fee code, they give data. */
export const SCHEDULE_RULE = 'core/schedule';

/**
 * An amount: a multiple of the base calculation amount (BHM) in force on the filing date (at most 4
 * decimals: `0.18`, `1.25`), or a fixed sum in whole soums.
 */
export type FeeAmount = { bhm: number } | { sum: number };

/**
 * A condition on the application. `field` is a JSON pointer into the form data (`/area`), or one of
 * `$applicantType` and `$channel`. All given bounds must hold; `min` and `max` are inclusive.
 */
export interface FeeCondition {
  field: string;
  equals?: string | number | boolean;
  in?: Array<string | number>;
  min?: number;
  max?: number;
}

/** A tier of a fee chosen by the application (floor area, legal entity ...); the first match wins. */
export interface FeeTier {
  /** Slug shown on the invoice and the receipt: `up-to-100`, `101-300`, `legal-entity` (lowercase letters, digits, hyphens). */
  id: string;
  names?: LocalizedText;
  /** Every condition must hold. */
  when: FeeCondition[];
  amount: FeeAmount;
}

/** The parameters of `core/schedule`. */
export interface FeeSchedule {
  /** The amount when no tier and no channel amount applies. */
  amount?: FeeAmount;
  /** Checked in order before anything else; the first whose conditions all hold sets the amount. */
  tiers?: FeeTier[];
  /** An amount per channel (business registration: 1 BHM at the desk, 0.5 online); after tiers. */
  channels?: Partial<Record<Channel, FeeAmount>>;
  /**
   * The amount is per unit: a whole number read from the form at the JSON pointer `field` (hours of
   * room rental, pages), within `min` (default 1) and `max`.
   */
  perUnit?: { field: string; unit: string; unitNames?: LocalizedText; min?: number; max?: number };
  /**
   * Percent off for applicant categories (0 < percent <= 100, at most 2 decimals); the largest one
   * that applies counts (they do not add up).
   */
  discounts?: Array<{ category: ApplicantCategory; percent: number }>;
  /** May the invoice be paid in several payments (default false). */
  partialPayments?: boolean;
  /** Days an unpaid invoice stays payable before it expires (default 30). */
  payableDays?: number;
  /** `filing` (default): the invoice is made when the inquiry is filed; `effect`: by the workflow's `core/create-invoice`. */
  invoiceAt?: 'filing' | 'effect';
}

/** What a fee is computed from. */
export interface FeeQuoteInput {
  serviceCode: string;
  /** The pinned service version (an inquiry's); the current one when absent. */
  serviceVersion?: number;
  formData: Record<string, unknown>;
  channel: Channel;
  applicantType: ApplicantType;
  categories?: readonly ApplicantCategory[];
  /** The filing date: the BHM in force on this day (in the tenant's time zone) applies. Default now. */
  at?: Date;
}

/** One line of a quote, of an invoice and of a receipt. Discount lines have a negative amount. */
export interface FeeLine {
  kind: 'fee' | 'discount';
  /** What the line is for, per locale (the service name, the tier, the discount category). */
  description: LocalizedText;
  quantity: number;
  /** Soums per unit. */
  unitAmount: number;
  /** Soums: `quantity * unitAmount` for a fee line; minus the discount for a discount line. */
  amount: number;
}

/** The result of `quoteFee`: the amount and how it was reached, as the UI and the receipt show it. */
export interface FeeQuote {
  serviceCode: string;
  serviceVersion: number;
  free: boolean;
  currency: 'UZS';
  /** Integer soums to pay, after the discount. */
  total: number;
  lines: FeeLine[];
  breakdown: {
    /** The BHM used, when the amount is a multiple of it. */
    bhm: { country: string; value: number; effectiveFrom: string } | null;
    multiplier: number | null;
    fixed: number | null;
    tier: { id: string; names?: LocalizedText } | null;
    channel: Channel | null;
    units: { count: number; unit: string } | null;
    /** Soums per unit, rounded. */
    unitAmount: number;
    /** Before the discount. */
    subtotal: number;
    discount: { category: ApplicantCategory; percent: number; amount: number } | null;
  };
  partialPayments: boolean;
  payableDays: number;
  invoiceAt: 'filing' | 'effect';
  /** The date (tenant time zone, `YYYY-MM-DD`) the quote was computed for. */
  date: string;
}
