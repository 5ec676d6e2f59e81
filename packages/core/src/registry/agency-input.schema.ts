import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { LOCALES } from '../i18n/locales.js';
import { compileLater } from '../validation/compile-later.js';
import type { Agency, Desk } from './contracts.js';

/** Agency codes and kinds: lowercase slugs starting with a letter, `gas`, `tax-inspection`. */
export const AGENCY_CODE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Desk codes may start with a digit, since windows are often numbered: `1`, `window-12`. */
export const DESK_CODE_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const localized = {
  type: 'object',
  minProperties: 1,
  additionalProperties: false,
  properties: Object.fromEntries(LOCALES.map((l) => [l, { type: 'string', minLength: 1, maxLength: 300 }])),
} as const;
const code = (pattern: RegExp) => ({ type: 'string', pattern: pattern.source, maxLength: 63 }) as const;
const time = { type: 'string', pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' } as const;

const validateAgency = compileLater<Agency>({
  type: 'object',
  additionalProperties: false,
  required: ['code', 'kind', 'names'],
  properties: {
    code: code(AGENCY_CODE_PATTERN),
    kind: code(AGENCY_CODE_PATTERN),
    names: localized,
    contacts: {
      type: 'object',
      additionalProperties: false,
      properties: {
        phone: { type: 'string', pattern: '^\\+?[0-9][0-9 ()-]{4,30}$' },
        email: { type: 'string', format: 'email', maxLength: 254 },
        address: localized,
      },
    },
    workingHours: {
      type: 'object',
      additionalProperties: false,
      properties: Object.fromEntries(
        WEEKDAYS.map((day) => [day, { type: 'array', prefixItems: [time, time], minItems: 2, items: false }]),
      ),
    },
    active: { type: 'boolean' },
  },
});

const validateDesk = compileLater<Desk>({
  type: 'object',
  additionalProperties: false,
  required: ['code', 'names'],
  properties: {
    code: code(DESK_CODE_PATTERN),
    names: localized,
    agencyCode: { anyOf: [code(AGENCY_CODE_PATTERN), { type: 'null' }] },
    active: { type: 'boolean' },
  },
});

/** Every invalid field of an agency; empty when it may be stored. */
export function agencyProblems(value: unknown): FieldError[] {
  if (!validateAgency(value)) return fieldErrors(validateAgency.errors);
  const problems: FieldError[] = [];
  for (const [day, hours] of Object.entries(value.workingHours ?? {})) {
    if (hours && hours[0] >= hours[1]) {
      problems.push({
        field: `/workingHours/${day}`,
        message: `opens at ${hours[0]}, which is not before it closes (${hours[1]})`,
      });
    }
  }
  return problems;
}

/** Every invalid field of a desk; empty when it may be stored. */
export function deskProblems(value: unknown): FieldError[] {
  return validateDesk(value) ? [] : fieldErrors(validateDesk.errors);
}

function fieldErrors(errors: Parameters<typeof fieldErrorsFromAjv>[0]): FieldError[] {
  return fieldErrorsFromAjv(errors);
}
