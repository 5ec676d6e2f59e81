import { DateTime } from 'luxon';

/**
 * The calendar date (`YYYY-MM-DD`) of the instant `at` in `timeZone`: the day whose BHM applies.
 * 2025-07-31T19:10Z is 2025-08-01 in Asia/Tashkent (UTC+5), so the value starting that day applies.
 */
export function filingDate(at: Date, timeZone: string): string {
  const date = DateTime.fromJSDate(at, { zone: timeZone }).toISODate();
  if (date === null) throw new RangeError(`cannot place ${at.toISOString()} in time zone ${timeZone}`);
  return date;
}
