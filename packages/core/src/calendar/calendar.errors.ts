import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

function whose(label: string | undefined): string {
  return label ? `The calendar of ${label}` : 'The calendar';
}

/** The calendar definition has invalid fields; `errors` lists every one of them. */
export function calendarInvalid(label: string | undefined, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CALENDAR_INVALID',
    kind: 'invalid',
    message: `${whose(label)} is invalid:\n${formatFieldErrors(errors)}`,
    hint:
      'Correct the fields listed: an IANA time zone, every weekday "closed" or HH:MM intervals in ' +
      'order without overlap, dates as YYYY-MM-DD, each date listed once.',
    details: { calendar: label ?? null, errors },
  });
}

/** No weekday has working hours: due dates could never be reached. */
export function calendarNoWorkingTime(label: string | undefined): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CALENDAR_NO_WORKING_TIME',
    kind: 'invalid',
    message: `${whose(label)} has no working hours on any weekday, so no due date can ever be reached.`,
    hint:
      'Give at least one weekday working hours in workingWeek; extra working days alone are not ' +
      'enough, since they run out.',
    details: { calendar: label ?? null },
  });
}

/** A calendar function was called with an argument it cannot work with. */
export function calendarArgumentInvalid(
  label: string | undefined,
  operation: string,
  reason: string,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CALENDAR_ARGUMENT_INVALID',
    kind: 'invalid',
    message: `${whose(label)} cannot compute ${operation}: ${reason}.`,
    hint:
      'Pass valid Date objects or epoch milliseconds, dates as YYYY-MM-DD, and finite non-negative ' +
      'amounts (whole numbers of days) whose result lies within 100 years.',
    details: { calendar: label ?? null, operation, reason },
  });
}
