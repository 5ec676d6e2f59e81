import { DateTime, IANAZone } from 'luxon';
import { WEEKDAYS, type Weekday } from './types.js';

/**
 * Plain calendar dates and wall-clock times, and their link to instants in a time zone.
 *
 * A local date is handled as an *epoch day*: whole days since 1970-01-01, independent of any zone,
 * so that stepping to the next day is `day + 1`. Only {@link epochDayAt} and {@link instantAt} look at
 * the zone, through luxon (which reads the IANA database that Intl carries).
 */

/** `HH:MM` from `00:00` to `23:59`, or `24:00` (only allowed as the end of an interval). */
export const CLOCK_TIME_PATTERN = /^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/;

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
export const MS_PER_MINUTE = 60_000;
export const MINUTES_PER_DAY = 1_440;
export const MS_PER_DAY = 86_400_000;

/** Minutes since midnight of a time that matches {@link CLOCK_TIME_PATTERN}. */
export function minutesOfDay(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The epoch day of a real `YYYY-MM-DD` date, or `undefined` when it is not one (e.g. `2026-02-30`). */
export function epochDayOf(iso: string): number | undefined {
  const match = DATE_PATTERN.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

/** The `YYYY-MM-DD` of an epoch day. */
export function isoOfEpochDay(day: number): string {
  const date = new Date(day * MS_PER_DAY);
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${year}-${month}-${String(date.getUTCDate()).padStart(2, '0')}`;
}

/** The weekday of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOfEpochDay(day: number): Weekday {
  return WEEKDAYS[(((day + 3) % 7) + 7) % 7] as Weekday;
}

/** The local date, as an epoch day, of the instant `ms` in `zone`. */
export function epochDayAt(ms: number, zone: IANAZone): number {
  return Math.floor((ms + zone.offset(ms) * MS_PER_MINUTE) / MS_PER_DAY);
}

/**
 * The instant of the wall-clock time `minutes` after midnight (up to 1440, the next midnight) on the
 * local date `day` in `zone`. A wall time that a daylight-saving jump skips is moved forward by the
 * jump, as luxon does; Asia/Tashkent has no such jumps.
 */
export function instantAt(day: number, minutes: number, zone: IANAZone): number {
  if (minutes >= MINUTES_PER_DAY) return instantAt(day + 1, minutes - MINUTES_PER_DAY, zone);
  const date = new Date(day * MS_PER_DAY);
  return DateTime.fromObject(
    {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: Math.floor(minutes / 60),
      minute: minutes % 60,
    },
    { zone },
  ).toMillis();
}

/** True when `name` is an IANA time zone that Intl (and so luxon) knows. */
export function isKnownTimeZone(name: string): boolean {
  return IANAZone.isValidZone(name);
}
