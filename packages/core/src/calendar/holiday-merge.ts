import { calendarDefinitionProblems } from './calendar.schema.js';
import { calendarInvalid } from './calendar.errors.js';
import type { CalendarDefinition, CalendarHoliday } from './types.js';

/**
 * `base` with `holidays` added: a date already listed as a holiday takes the new entry (its names),
 * every other date is added, and the list comes out in date order. `base` is not changed.
 *
 * The new holidays are checked against `base` first, so problems point into the list given
 * (`/holidays/1/date: must be a real date YYYY-MM-DD`, `/holidays/0/date: ... is already listed`)
 * and a date that `base` declares an extra working day is refused
 * (`/extraWorkingDays/0/date: is also a holiday (/holidays/2)`): throws `DARCHA_CALENDAR_INVALID`
 * listing every problem, naming `label` (e.g. `tenant "chirchik"`).
 */
export function mergeHolidays(
  base: Readonly<CalendarDefinition>,
  holidays: readonly CalendarHoliday[],
  label?: string,
): CalendarDefinition {
  const problems = calendarDefinitionProblems({ ...base, holidays });
  if (problems.length > 0) throw calendarInvalid(label, problems);
  const added = new Set(holidays.map((h) => h.date));
  const merged = [...(base.holidays ?? []).filter((h) => !added.has(h.date)), ...holidays].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
  return { ...structuredClone(base), holidays: structuredClone(merged) };
}
