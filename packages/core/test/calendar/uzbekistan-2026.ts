import type { CalendarDefinition, WorkingInterval } from '../../src/calendar/types.js';

/** Monday to Friday 09:00-18:00 with lunch 13:00-14:00. */
export const OFFICE_HOURS: readonly WorkingInterval[] = [
  ['09:00', '13:00'],
  ['14:00', '18:00'],
];

/** The Uzbekistan 2026 example of CalendarDefinition's TSDoc (dates marked assumed there too). */
export const uzbekistan2026: CalendarDefinition = {
  timeZone: 'Asia/Tashkent',
  workingWeek: {
    mon: OFFICE_HOURS,
    tue: OFFICE_HOURS,
    wed: OFFICE_HOURS,
    thu: OFFICE_HOURS,
    fri: OFFICE_HOURS,
    sat: 'closed',
    sun: 'closed',
  },
  holidays: [
    { date: '2026-01-01', names: { 'uz-Latn': 'Yangi yil', ru: 'Новый год', en: "New Year's Day" } },
    // assumed: a bridge day off, worked on Saturday 10 January
    { date: '2026-01-02', names: { en: 'Day off moved from Saturday 10 January' } },
    { date: '2026-01-14', names: { 'uz-Latn': 'Vatan himoyachilari kuni', en: "Defenders' Day" } },
    { date: '2026-03-08', names: { 'uz-Latn': 'Xalqaro xotin-qizlar kuni', en: "Women's Day" } },
    // assumed: Ramazon hayiti follows the moon and is fixed each year by decree
    { date: '2026-03-20', names: { 'uz-Latn': 'Ramazon hayiti', en: 'Eid al-Fitr' } },
    { date: '2026-03-21', names: { 'uz-Latn': "Navro'z bayrami", ru: 'Навруз', en: 'Navruz' } },
    { date: '2026-05-09', names: { 'uz-Latn': 'Xotira va qadrlash kuni', en: 'Day of Remembrance' } },
    // assumed: Qurbon hayiti follows the moon and is fixed each year by decree
    { date: '2026-05-27', names: { 'uz-Latn': 'Qurbon hayiti', en: 'Eid al-Adha' } },
    { date: '2026-09-01', names: { 'uz-Latn': 'Mustaqillik kuni', en: 'Independence Day' } },
    { date: '2026-10-01', names: { 'uz-Latn': "O'qituvchi va murabbiylar kuni", en: "Teachers' Day" } },
    { date: '2026-12-08', names: { 'uz-Latn': 'Konstitutsiya kuni', en: 'Constitution Day' } },
    { date: '2026-12-31', names: { 'uz-Latn': 'Yangi yil arafasi', en: "New Year's Eve" } },
  ],
  extraWorkingDays: [
    // assumed: the Saturday worked in exchange for Friday 2 January
    { date: '2026-01-10', hours: OFFICE_HOURS, names: { en: 'Works for 2 January' } },
  ],
};

/** The 2026 calendar with more holidays, e.g. a Monday off or next year's New Year. */
export function withHolidays(...dates: string[]): CalendarDefinition {
  return {
    ...uzbekistan2026,
    holidays: [...(uzbekistan2026.holidays ?? []), ...dates.map((date) => ({ date }))],
  };
}

/** An instant given as a wall-clock time in Tashkent (UTC+5): `tashkent('2026-02-06T16:00')`. */
export function tashkent(local: string): Date {
  return new Date(`${local}+05:00`);
}
