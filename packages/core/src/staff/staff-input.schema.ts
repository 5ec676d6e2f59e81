import type { ErrorObject } from 'ajv';
import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { AGENCY_CODE_PATTERN, DESK_CODE_PATTERN } from '../registry/agency-input.schema.js';
import { compileLater, type Validator } from '../validation/compile-later.js';
import {
  STAFF_CORE_ROLES,
  type AbsenceInput,
  type CreateStaffInput,
  type StaffQuery,
} from './staff-types.js';

/** A staff role: one of {@link STAFF_CORE_ROLES}, or a plugin role `<plugin-id>/<role>`. */
export const STAFF_ROLE_PATTERN = new RegExp(
  `^(?:${STAFF_CORE_ROLES.join('|')}|[a-z][a-z0-9-]*/[a-z][a-z0-9_-]*)$`,
);

/** Staff and absence ids are UUIDs; anything else names no row (and must not reach a uuid column). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const role = { type: 'string', pattern: STAFF_ROLE_PATTERN.source, maxLength: 127 } as const;
const agencyCode = { type: 'string', pattern: AGENCY_CODE_PATTERN.source, maxLength: 63 } as const;
const uuid = { type: 'string', pattern: UUID_PATTERN.source } as const;
const deskCode = { type: 'string', pattern: DESK_CODE_PATTERN.source, maxLength: 63 } as const;
const staffProperties = {
  displayName: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
  roles: { type: 'array', minItems: 1, maxItems: 50, uniqueItems: true, items: role },
  agencyCodes: { type: 'array', maxItems: 100, uniqueItems: true, items: agencyCode },
  deskCodes: { type: 'array', maxItems: 50, uniqueItems: true, items: deskCode },
  active: { type: 'boolean' },
} as const;

const validateCreate = compileLater<CreateStaffInput>({
  type: 'object',
  additionalProperties: false,
  required: ['displayName', 'roles'],
  properties: staffProperties,
});
const validateUpdate = compileLater<Partial<CreateStaffInput>>({
  type: 'object',
  additionalProperties: false,
  properties: staffProperties,
});
const validateAbsence = compileLater<AbsenceInput>({
  type: 'object',
  additionalProperties: false,
  required: ['staffId', 'startsAt', 'endsAt'],
  properties: {
    staffId: uuid,
    delegateId: { anyOf: [uuid, { type: 'null' }] },
    startsAt: true,
    endsAt: true,
    reason: { anyOf: [{ type: 'string', maxLength: 500 }, { type: 'null' }] },
  },
});
const validateQuery = compileLater<StaffQuery>({
  type: 'object',
  additionalProperties: false,
  properties: { role: { type: 'string' }, agencyCode: { type: 'string' }, active: { type: 'boolean' } },
});
const validateDateTime = compileLater<string>({ type: 'string', format: 'date-time' });

/** Every invalid field of a new staff member; empty when it may be stored. */
export function createStaffProblems(value: unknown): FieldError[] {
  return problems(validateCreate, value);
}

/** Every invalid field of a change to a staff member; empty when it may be applied. */
export function updateStaffProblems(value: unknown): FieldError[] {
  return problems(validateUpdate, value);
}

/** Every invalid filter of a staff list query. */
export function staffQueryProblems(value: unknown): FieldError[] {
  return problems(validateQuery, value);
}

/** An absence with its instants read, or every problem of it. */
export function readAbsenceInput(
  value: unknown,
): { ok: true; input: AbsenceInput; startsAt: Date; endsAt: Date } | { ok: false; problems: FieldError[] } {
  const found = problems(validateAbsence, value);
  const record = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const startsAt = instant(record['startsAt'], '/startsAt', found);
  const endsAt = instant(record['endsAt'], '/endsAt', found);
  if (startsAt && endsAt && endsAt.getTime() <= startsAt.getTime()) {
    found.push({ field: '/endsAt', message: `must be after startsAt (${startsAt.toISOString()})` });
  }
  if (found.length > 0 || !startsAt || !endsAt) return { ok: false, problems: found };
  return { ok: true, input: value as AbsenceInput, startsAt, endsAt };
}

/**
 * A `Date`, or an ISO 8601 date-time string with an offset, as a valid `Date`; otherwise a problem is
 * recorded under `field` (a missing value is reported by the schema).
 */
export function instant(value: unknown, field: string, found: FieldError[]): Date | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value;
  if (typeof value === 'string' && validateDateTime(value)) return new Date(value);
  found.push({
    field,
    message: 'must be an instant: a Date, or ISO 8601 with an offset (2026-07-06T09:00:00+05:00)',
  });
  return undefined;
}

function problems(validate: Validator<unknown>, value: unknown): FieldError[] {
  if (validate(value)) return [];
  return fieldErrorsFromAjv(reworded(validate.errors));
}

function reworded(errors: readonly ErrorObject[] | null | undefined): ErrorObject[] {
  const result: ErrorObject[] = [];
  for (const error of errors ?? []) {
    const path = error.instancePath;
    if (error.keyword === 'anyOf') continue; // its branches' errors say more
    if (error.keyword === 'type' && error.params['type'] === 'null') continue;
    if (error.keyword === 'pattern') {
      if (path.startsWith('/roles/')) {
        error.message = `must be a core role (${STAFF_CORE_ROLES.join(', ')}) or a plugin role "<plugin-id>/<role>"`;
      } else if (path.startsWith('/agencyCodes/')) {
        error.message = 'must be an agency code: a lowercase slug such as "gorgas"';
      } else if (path === '/displayName') {
        error.message = 'must not be blank';
      } else {
        error.message = 'must be a staff id (a UUID)';
      }
    }
    if (error.keyword === 'type' && path === '/delegateId')
      error.message = 'must be a staff id (a UUID) or null';
    if (error.keyword === 'type' && path === '/reason') error.message = 'must be text or null';
    if (error.keyword === 'minItems' && path === '/roles') error.message = 'must hold at least one role';
    if (error.keyword === 'uniqueItems') error.message = 'lists the same value twice';
    result.push(error);
  }
  return result;
}
