import { DateTime } from 'luxon';
import type { FieldError } from '../errors/field-error.js';

/** The longest period a report covers, in days (5 years and a leap day). */
export const MAX_PERIOD_DAYS = 5 * 366;
/** The longest period a report grouped by day covers. */
export const MAX_DAILY_PERIOD_DAYS = 366;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A period of local days resolved to instants: `[start, end)` in UTC. */
export interface ResolvedPeriod {
  from: string;
  to: string;
  timeZone: string;
  start: Date;
  /** Midnight after the last day: excluded. */
  end: Date;
}

/**
 * Resolves `from` and `to` (local dates, both included) in `timeZone` to the instants that bound
 * them: the period starts at 00:00 on `from` and ends at 00:00 on the day after `to`, local time.
 * Returns the problems instead when the dates are malformed, reversed or too far apart.
 */
export function resolvePeriod(
  input: { from?: unknown; to?: unknown },
  timeZone: string,
  maxDays: number = MAX_PERIOD_DAYS,
): ResolvedPeriod | FieldError[] {
  const errors: FieldError[] = [];
  const from = localDay(input.from, timeZone);
  const to = localDay(input.to, timeZone);
  if (from === undefined) errors.push({ field: '/from', message: 'must be a date YYYY-MM-DD' });
  if (to === undefined) errors.push({ field: '/to', message: 'must be a date YYYY-MM-DD' });
  if (from === undefined || to === undefined) return errors;
  if (to < from) return [{ field: '/to', message: 'must not be before from' }];
  const days = Math.round(to.diff(from, 'days').days) + 1;
  if (days > maxDays) {
    return [{ field: '/to', message: `must be at most ${maxDays} days after from (the period has ${days})` }];
  }
  return {
    from: input.from as string,
    to: input.to as string,
    timeZone,
    start: from.toJSDate(),
    end: to.plus({ days: 1 }).startOf('day').toJSDate(),
  };
}

function localDay(value: unknown, timeZone: string): DateTime | undefined {
  if (typeof value !== 'string' || !DATE.test(value)) return undefined;
  const day = DateTime.fromISO(value, { zone: timeZone }).startOf('day');
  return day.isValid && day.toISODate() === value ? day : undefined;
}
