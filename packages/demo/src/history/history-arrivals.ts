import type { WorkingCalendar } from '@darcha/core';
import type { SeededRandom } from './seeded-random.js';

/** More people in spring and autumn, fewer in the new-year and summer weeks: *assumed*. */
const MONTH_FACTORS = [0.8, 0.95, 1.05, 1.05, 1.0, 0.95, 0.9, 0.9, 1.05, 1.1, 1.1, 1.05];
/** Mondays are the busiest, Saturday mornings the quietest (Sunday first): *assumed*. */
const WEEKDAY_FACTORS = [0.5, 1.25, 1.05, 1.0, 1.0, 0.9, 0.7];

const DAY_MS = 86_400_000;

/**
 * When `count` inquiries were filed between two local dates (both included): only in the city's
 * working hours (its calendar: weekends, holidays and lunch excluded), more on busy days and months,
 * spread evenly within a day's hours. Sorted, so that tracking numbers follow filing order.
 */
export function filingTimes(
  calendar: WorkingCalendar,
  from: string,
  to: string,
  count: number,
  random: SeededRandom,
): Date[] {
  const days: { periods: { start: number; end: number }[]; minutes: number }[] = [];
  const weights: number[] = [];
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += DAY_MS) {
    const date = new Date(ms).toISOString().slice(0, 10);
    const periods = calendar
      .workingPeriodsOn(date)
      .map((p) => ({ start: p.start.getTime(), end: p.end.getTime() }));
    const minutes = periods.reduce((sum, p) => sum + (p.end - p.start) / 60_000, 0);
    if (minutes === 0) continue;
    const when = new Date(ms);
    days.push({ periods, minutes });
    weights.push(minutes * MONTH_FACTORS[when.getUTCMonth()]! * WEEKDAY_FACTORS[when.getUTCDay()]!);
  }
  if (days.length === 0) throw new RangeError(`no working day between ${from} and ${to}`);
  const cumulative: number[] = [];
  weights.reduce((sum, w, i) => (cumulative[i] = sum + w), 0);
  const total = cumulative[cumulative.length - 1]!;
  const times: Date[] = [];
  for (let i = 0; i < count; i++) {
    const day = days[search(cumulative, random.next() * total)]!;
    let offset = random.next() * day.minutes * 60_000;
    let at = day.periods[0]!.start;
    for (const period of day.periods) {
      const length = period.end - period.start;
      if (offset < length) {
        at = period.start + Math.floor(offset / 1000) * 1000;
        break;
      }
      offset -= length;
    }
    times.push(new Date(at));
  }
  return times.sort((a, b) => a.getTime() - b.getTime());
}

/** The first index whose cumulative weight exceeds `value`. */
function search(cumulative: readonly number[], value: number): number {
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (cumulative[mid]! > value) high = mid;
    else low = mid + 1;
  }
  return low;
}
