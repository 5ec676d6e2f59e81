/**
 * Money arithmetic for fees, in integer soums, computed with bigints: no float ever holds an amount.
 *
 * Multipliers of the BHM have at most 4 decimals and percents at most 2; each is turned into an exact
 * integer count of ten-thousandths (hundredths) first, and a result is rounded half up (a half soum
 * goes up) only where a division happens.
 */

/** Ten-thousandths: a multiplier of the BHM has at most 4 decimals. */
export const MULTIPLIER_DECIMALS = 4;
/** Hundredths: a discount percent has at most 2 decimals. */
export const PERCENT_DECIMALS = 2;

/**
 * `value` as an exact integer count of `10^-decimals`, or `undefined` when it has more decimals
 * (or is not a finite number). `scaled(0.18, 4)` is `1800n`; `scaled(0.12345, 4)` is `undefined`.
 *
 * Exact because `k / 10^d` (one IEEE division) is the double nearest to the decimal `k * 10^-d`,
 * which is the double the literal with at most `d` decimals parses to.
 */
export function scaled(value: number, decimals: number): bigint | undefined {
  if (!Number.isFinite(value)) return undefined;
  const factor = 10 ** decimals;
  const count = Math.round(value * factor);
  if (!Number.isSafeInteger(count) || count / factor !== value) return undefined;
  return BigInt(count);
}

/** `numerator / denominator` rounded half up, for `numerator >= 0` and `denominator > 0`. */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/**
 * The soums of `multiplier` x `bhm`, rounded half up: 0.18 x 412,000 = 74,160; 1.25 x 202,730 =
 * 253,412.5 -> 253,413. Throws a RangeError when the multiplier has more than 4 decimals (schedules
 * are checked before they get here).
 */
export function bhmMultiple(bhm: number, multiplier: number): number {
  const tenThousandths = scaled(multiplier, MULTIPLIER_DECIMALS);
  if (tenThousandths === undefined || tenThousandths < 0n) {
    throw new RangeError(`BHM multiplier ${multiplier} has more than ${MULTIPLIER_DECIMALS} decimals`);
  }
  return toSafeNumber(divideHalfUp(BigInt(bhm) * tenThousandths, 10n ** BigInt(MULTIPLIER_DECIMALS)));
}

/** `percent`% of `amount` soums, rounded half up: 50% of 253,413 = 126,706.5 -> 126,707. */
export function percentOf(amount: number, percent: number): number {
  const hundredths = scaled(percent, PERCENT_DECIMALS);
  if (hundredths === undefined || hundredths < 0n) {
    throw new RangeError(`percent ${percent} has more than ${PERCENT_DECIMALS} decimals`);
  }
  return toSafeNumber(divideHalfUp(BigInt(amount) * hundredths, 100n * 10n ** BigInt(PERCENT_DECIMALS)));
}

/** `unitAmount` x `units`, exactly; throws a RangeError past `Number.MAX_SAFE_INTEGER`. */
export function times(unitAmount: number, units: number): number {
  return toSafeNumber(BigInt(unitAmount) * BigInt(units));
}

function toSafeNumber(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`amount ${value} is too large`);
  return Number(value);
}
