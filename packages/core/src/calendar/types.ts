import type { LocalizedText } from '../i18n/locales.js';

/** The days of the week, Monday first, as keys of {@link CalendarDefinition.workingWeek}. */
export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * A wall-clock time in the tenant's time zone, `HH:MM` on a 24-hour clock, `00:00` to `23:59`;
 * `24:00` is allowed as the end of an interval (midnight at the end of the day).
 */
export type ClockTime = string;

/**
 * Working hours within one day, `[start, end]`: the interval includes its start and excludes its
 * end (`['09:00', '13:00']` is 4 hours). Intervals never cross midnight.
 */
export type WorkingInterval = readonly [start: ClockTime, end: ClockTime];

/**
 * The hours of one day: `'closed'`, or one or more intervals in order that do not overlap
 * (`[['09:00', '13:00'], ['14:00', '18:00']]` for a lunch break from 13:00 to 14:00).
 */
export type DayHours = 'closed' | readonly WorkingInterval[];

/** A public holiday: a date on which nobody works, whatever the weekday. */
export interface CalendarHoliday {
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** What the day is called, per locale. */
  names?: LocalizedText;
}

/**
 * A date with its own working hours, which replace the weekly hours of that weekday. This is how a
 * moved working day is declared (a Saturday that is worked in exchange for a day off next to a
 * holiday: put the day off in `holidays` and the Saturday here); it also serves for a shortened
 * day before a holiday.
 */
export interface ExtraWorkingDay {
  /** The local date, `YYYY-MM-DD`. It may not also be a holiday. */
  date: string;
  /** The hours worked that day. */
  hours: readonly WorkingInterval[];
  /** Why the day is worked (the decree, the day it replaces), per locale. */
  names?: LocalizedText;
}

/**
 * When a tenant works: the data from which a {@link WorkingCalendar} computes SLA due dates.
 *
 * All dates and times are local to `timeZone`. A date is a working day when it is an extra working
 * day, or when its weekday has hours and it is not a holiday. Holidays and extra working days are
 * explicit: the calendar moves nothing by itself (Uzbekistan moves days off by decree each year), so
 * a city lists each year's days once the decree is out.
 *
 * @example Uzbekistan 2026, a centre open Monday to Friday 09:00-18:00 with lunch 13:00-14:00.
 * ```ts
 * const uzbekistan2026: CalendarDefinition = {
 *   timeZone: 'Asia/Tashkent',
 *   workingWeek: {
 *     mon: [['09:00', '13:00'], ['14:00', '18:00']],
 *     tue: [['09:00', '13:00'], ['14:00', '18:00']],
 *     wed: [['09:00', '13:00'], ['14:00', '18:00']],
 *     thu: [['09:00', '13:00'], ['14:00', '18:00']],
 *     fri: [['09:00', '13:00'], ['14:00', '18:00']],
 *     sat: 'closed', // a centre open on Saturdays gives its hours here, e.g. [['09:00', '14:00']]
 *     sun: 'closed',
 *   },
 *   holidays: [
 *     { date: '2026-01-01', names: { 'uz-Latn': 'Yangi yil', ru: 'Новый год', en: "New Year's Day" } },
 *     // assumed: a bridge day off, worked on Saturday 10 January (see extraWorkingDays)
 *     { date: '2026-01-02', names: { en: 'Day off moved from Saturday 10 January' } },
 *     { date: '2026-01-14', names: { 'uz-Latn': 'Vatan himoyachilari kuni', en: "Defenders' Day" } },
 *     { date: '2026-03-08', names: { 'uz-Latn': 'Xalqaro xotin-qizlar kuni', en: "Women's Day" } },
 *     // assumed: Ramazon hayiti follows the moon and is fixed each year by decree
 *     { date: '2026-03-20', names: { 'uz-Latn': 'Ramazon hayiti', en: 'Eid al-Fitr' } },
 *     { date: '2026-03-21', names: { 'uz-Latn': "Navro'z bayrami", ru: 'Навруз', en: 'Navruz' } },
 *     { date: '2026-05-09', names: { 'uz-Latn': 'Xotira va qadrlash kuni', en: 'Day of Remembrance' } },
 *     // assumed: Qurbon hayiti follows the moon and is fixed each year by decree
 *     { date: '2026-05-27', names: { 'uz-Latn': 'Qurbon hayiti', en: 'Eid al-Adha' } },
 *     { date: '2026-09-01', names: { 'uz-Latn': 'Mustaqillik kuni', en: 'Independence Day' } },
 *     { date: '2026-10-01', names: { 'uz-Latn': "O'qituvchi va murabbiylar kuni", en: "Teachers' Day" } },
 *     { date: '2026-12-08', names: { 'uz-Latn': 'Konstitutsiya kuni', en: 'Constitution Day' } },
 *     { date: '2026-12-31', names: { 'uz-Latn': 'Yangi yil arafasi', en: "New Year's Eve" } },
 *   ],
 *   extraWorkingDays: [
 *     // assumed: the Saturday worked in exchange for Friday 2 January
 *     { date: '2026-01-10', hours: [['09:00', '13:00'], ['14:00', '18:00']], names: { en: 'Works for 2 January' } },
 *   ],
 * };
 * ```
 */
export interface CalendarDefinition {
  /** An IANA time zone known to `Intl`, e.g. `Asia/Tashkent` (UTC+5, no daylight saving time). */
  timeZone: string;
  /** The hours of each weekday; every weekday is given, `'closed'` when nobody works. */
  workingWeek: Readonly<Record<Weekday, DayHours>>;
  /** Public holidays and days off moved by decree; each date at most once. */
  holidays?: readonly CalendarHoliday[];
  /** Dates worked with their own hours (moved working Saturdays, shortened days); each date at most once. */
  extraWorkingDays?: readonly ExtraWorkingDay[];
}
