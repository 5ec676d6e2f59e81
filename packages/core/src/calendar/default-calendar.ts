import type { CalendarDefinition, WorkingInterval } from './types.js';

/** Office hours of the default calendar: 09:00-13:00 and, after lunch, 14:00-18:00. */
export const DEFAULT_OFFICE_HOURS: readonly WorkingInterval[] = Object.freeze([
  Object.freeze(['09:00', '13:00'] as const),
  Object.freeze(['14:00', '18:00'] as const),
]);

/**
 * The calendar a tenant works by when neither it nor any ancestor has one: Monday to Friday
 * 09:00-13:00 and 14:00-18:00, Saturday and Sunday closed, no holidays. Public holidays and moved
 * working days differ by country and year, so the country (or the city) adds them; Darcha assumes
 * none.
 *
 * @example
 * new WorkingCalendar(defaultCalendar('Asia/Samarkand'));
 */
export function defaultCalendar(timeZone = 'Asia/Tashkent'): CalendarDefinition {
  return {
    timeZone,
    workingWeek: {
      mon: DEFAULT_OFFICE_HOURS,
      tue: DEFAULT_OFFICE_HOURS,
      wed: DEFAULT_OFFICE_HOURS,
      thu: DEFAULT_OFFICE_HOURS,
      fri: DEFAULT_OFFICE_HOURS,
      sat: 'closed',
      sun: 'closed',
    },
    holidays: [],
    extraWorkingDays: [],
  };
}
