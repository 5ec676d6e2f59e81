import type { FieldError } from '../errors/field-error.js';
import { CLOCK_TIME_PATTERN, epochDayOf, isKnownTimeZone, minutesOfDay } from './calendar-dates.js';
import { WEEKDAYS } from './types.js';

/**
 * The rules of a calendar definition that JSON Schema cannot express: the time zone is known to
 * Intl, intervals are in order and do not overlap, each date is listed once and is not both a holiday
 * and a working day. The checks read the value defensively, so that they report alongside the schema's
 * own errors even when other parts of the definition are malformed.
 */
export function calendarDefinitionCheckProblems(value: unknown): FieldError[] {
  if (!isRecord(value)) return [];
  const problems: FieldError[] = [];
  const timeZone = value['timeZone'];
  if (typeof timeZone === 'string' && timeZone !== '' && !isKnownTimeZone(timeZone)) {
    problems.push({
      field: '/timeZone',
      message: `${JSON.stringify(timeZone)} is not a time zone known to Intl; use an IANA name such as Asia/Tashkent`,
    });
  }
  const week = value['workingWeek'];
  if (isRecord(week)) {
    for (const day of WEEKDAYS) problems.push(...intervalProblems(week[day], `/workingWeek/${day}`));
  }
  const holidays = entries(value['holidays']);
  const extra = entries(value['extraWorkingDays']);
  extra.forEach((entry, i) =>
    problems.push(...intervalProblems(entry?.['hours'], `/extraWorkingDays/${i}/hours`)),
  );
  const holidayAt = firstIndexByDate(holidays, '/holidays', problems);
  const extraAt = firstIndexByDate(extra, '/extraWorkingDays', problems);
  for (const [day, field] of extraAt) {
    const holiday = holidayAt.get(day);
    if (holiday !== undefined) {
      problems.push({
        field: `${field}/date`,
        message: `is also a holiday (${holiday}); a date is either worked or not`,
      });
    }
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function entries(value: unknown): (Record<string, unknown> | undefined)[] {
  return Array.isArray(value) ? value.map((v) => (isRecord(v) ? v : undefined)) : [];
}

/** Maps each valid date to the field of its first entry; reports every later entry of the same date. */
function firstIndexByDate(
  list: (Record<string, unknown> | undefined)[],
  path: string,
  problems: FieldError[],
): Map<number, string> {
  const first = new Map<number, string>();
  list.forEach((entry, i) => {
    const date = entry?.['date'];
    const day = typeof date === 'string' ? epochDayOf(date) : undefined;
    if (day === undefined) return;
    const earlier = first.get(day);
    if (earlier === undefined) first.set(day, `${path}/${i}`);
    else problems.push({ field: `${path}/${i}/date`, message: `${date} is already listed at ${earlier}` });
  });
  return first;
}

function isClockTime(value: unknown): value is string {
  return typeof value === 'string' && CLOCK_TIME_PATTERN.test(value);
}

/** Each interval ends after it starts; each starts no earlier than the one before it ends. */
function intervalProblems(value: unknown, path: string): FieldError[] {
  if (!Array.isArray(value)) return [];
  const problems: FieldError[] = [];
  let previousEnd: { end: string; minutes: number } | undefined;
  value.forEach((interval: unknown, i) => {
    if (!Array.isArray(interval) || interval.length !== 2) return;
    const [start, end] = interval as unknown[];
    if (!isClockTime(start) || !isClockTime(end)) return;
    if (start === '24:00') {
      problems.push({ field: `${path}/${i}/0`, message: '24:00 can only end an interval' });
      return;
    }
    const [from, to] = [minutesOfDay(start), minutesOfDay(end)];
    if (to <= from) {
      problems.push({
        field: `${path}/${i}`,
        message: `ends at ${end}, which is not after its start ${start}`,
      });
      return;
    }
    if (previousEnd && from < previousEnd.minutes) {
      problems.push({
        field: `${path}/${i}`,
        message: `starts at ${start}, before the previous interval ends at ${previousEnd.end}; intervals must be in order and must not overlap`,
      });
    }
    if (!previousEnd || to > previousEnd.minutes) previousEnd = { end, minutes: to };
  });
  return problems;
}
