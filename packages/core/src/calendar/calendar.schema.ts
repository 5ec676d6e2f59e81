import type { ErrorObject } from 'ajv';
import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { LOCALES } from '../i18n/locales.js';
import { compileLater, type Validator } from '../validation/compile-later.js';
import { CLOCK_TIME_PATTERN } from './calendar-dates.js';
import { calendarDefinitionCheckProblems } from './calendar-definition-checks.js';
import { calendarInvalid } from './calendar.errors.js';
import { WEEKDAYS, type CalendarDefinition } from './types.js';

const clockTime = { type: 'string', pattern: CLOCK_TIME_PATTERN.source } as const;
const interval = {
  type: 'array',
  prefixItems: [clockTime, clockTime],
  items: false,
  minItems: 2,
  maxItems: 2,
} as const;
const intervals = { type: 'array', minItems: 1, maxItems: 48, items: interval } as const;
/** `'closed'`, or a list of intervals. */
const dayHours = { if: { type: 'string' }, then: { const: 'closed' }, else: intervals } as const;
const localDate = { type: 'string', format: 'date' } as const;
const names = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 200 }])),
} as const;
/** Decades of holidays fit; the limit keeps a runaway list from reaching the database. */
const MAX_DATES = 5_000;

/**
 * The JSON Schema (2020-12) of a {@link CalendarDefinition}. The rules it cannot express (known time
 * zone, ordered intervals, dates listed once) are in calendar-definition-checks.
 */
export const calendarDefinitionSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['timeZone', 'workingWeek'],
  properties: {
    timeZone: { type: 'string', minLength: 1, maxLength: 100 },
    workingWeek: {
      type: 'object',
      additionalProperties: false,
      required: [...WEEKDAYS],
      properties: Object.fromEntries(WEEKDAYS.map((d) => [d, dayHours])),
    },
    holidays: {
      type: 'array',
      maxItems: MAX_DATES,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['date'],
        properties: { date: localDate, names },
      },
    },
    extraWorkingDays: {
      type: 'array',
      maxItems: MAX_DATES,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['date', 'hours'],
        properties: { date: localDate, hours: intervals, names },
      },
    },
  },
} as const;

const validate: Validator<CalendarDefinition> = compileLater<CalendarDefinition>(calendarDefinitionSchema);

/** Rewords ajv's messages for this schema's special keywords; drops the noise of `if` and `items: false`. */
function reworded(errors: readonly ErrorObject[] | null | undefined): ErrorObject[] {
  const result: ErrorObject[] = [];
  for (const error of errors ?? []) {
    if (error.keyword === 'if' || error.keyword === 'false schema') continue;
    const limit = Number(error.params['limit']);
    if (error.keyword === 'const') error.message = 'must be "closed" or a list of [HH:MM, HH:MM] intervals';
    if (error.keyword === 'pattern') error.message = 'must be a time HH:MM between 00:00 and 24:00';
    if (error.keyword === 'format') error.message = 'must be a real date YYYY-MM-DD';
    if ((error.keyword === 'minItems' || error.keyword === 'maxItems') && limit === 2) {
      error.message = 'must be a pair [start, end]';
    }
    if (error.keyword === 'minItems' && limit === 1) error.message = 'must have at least one interval';
    result.push(error);
  }
  return result;
}

/**
 * Every problem of a calendar definition, each naming its field (`/workingWeek/mon/1`,
 * `/holidays/3/date`); an empty list means the definition is valid.
 */
export function calendarDefinitionProblems(value: unknown): FieldError[] {
  const shape = validate(value) ? [] : fieldErrorsFromAjv(reworded(validate.errors));
  const problems = [...shape, ...calendarDefinitionCheckProblems(value)];
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.field}:${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Throws `DARCHA_CALENDAR_INVALID`, listing every invalid field, unless `value` is a valid calendar
 * definition. `label` names its owner in the message, e.g. `tenant "chirchik"`.
 */
export function assertCalendarDefinition(
  value: unknown,
  label?: string,
): asserts value is CalendarDefinition {
  const problems = calendarDefinitionProblems(value);
  if (problems.length > 0) throw calendarInvalid(label, problems);
}
