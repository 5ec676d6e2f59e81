import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** The tenant has no staff member with that id (another tenant's staff are not found either). */
export function staffNotFound(tenantId: string, staffId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no staff member "${staffId}".`,
    hint: "Check the id against the tenant's staff list (GET /api/v1/staff); staff of another city are not visible here.",
    details: { tenantId, staffId },
  });
}

/** The tenant has no absence with that id. */
export function absenceNotFound(tenantId: string, absenceId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_ABSENCE_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no staff absence "${absenceId}".`,
    hint: "Check the id against the officer's absences; a cancelled absence no longer exists.",
    details: { tenantId, absenceId },
  });
}

/** Staff, absence or query input has invalid fields; `errors` lists every one of them. */
export function staffInputInvalid(
  tenantId: string,
  subject: string | undefined,
  errors: FieldError[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_INPUT_INVALID',
    kind: 'invalid',
    message: `${subject ?? 'Staff input'} of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint:
      'Correct the fields listed: a display name, at least one role (front_office, back_office, supervisor, ' +
      'cashier, auditor, city_admin, or a plugin role "<plugin-id>/<role>"), agency codes as lowercase slugs, ' +
      'instants as ISO 8601 with an offset, the end after the start.',
    details: { tenantId, subject: subject ?? null, errors },
  });
}

/** Agency codes given to a staff member do not exist in the tenant. */
export function staffAgencyUnknown(tenantId: string, codes: string[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_AGENCY_UNKNOWN',
    kind: 'invalid',
    message: `Tenant "${tenantId}" has no agency ${codes.map((c) => `"${c}"`).join(', ')}, so staff cannot be assigned to it.`,
    hint: "Add the agency first (GET /api/v1/agencies), or use one of the tenant's agency codes.",
    details: { tenantId, agencyCodes: codes },
  });
}

/** A desk code names no desk of the tenant's hall. */
export function staffDeskUnknown(tenantId: string, codes: string[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_DESK_UNKNOWN',
    kind: 'invalid',
    message: `Tenant "${tenantId}" has no desk ${codes.map((c) => `"${c}"`).join(', ')}, so staff cannot sit at it.`,
    hint: "Add the desk first (GET /api/v1/desks), or use one of the tenant's desk codes.",
    details: { tenantId, deskCodes: codes },
  });
}

/** The officer already has an absence overlapping the new one. */
export function absenceOverlap(
  tenantId: string,
  staffId: string,
  existing: { id: string; startsAt: Date; endsAt: Date },
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_ABSENCE_OVERLAP',
    kind: 'conflict',
    message:
      `Staff member "${staffId}" of tenant "${tenantId}" is already away from ` +
      `${existing.startsAt.toISOString()} to ${existing.endsAt.toISOString()} (absence "${existing.id}"), ` +
      'which overlaps the new absence.',
    hint: 'Change the dates, or end or cancel the existing absence first (endAbsence) and record one absence for the whole period.',
    details: { tenantId, staffId, absenceId: existing.id },
  });
}

/** The chosen delegate cannot act for the officer. */
export function delegateInvalid(
  tenantId: string,
  staffId: string,
  delegateId: string,
  reason: string,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_STAFF_DELEGATE_INVALID',
    kind: 'invalid',
    message: `Staff member "${delegateId}" cannot act for "${staffId}" in tenant "${tenantId}": ${reason}.`,
    hint: 'Choose an active colleague of the same city, other than the officer who is away, or record the absence without a delegate.',
    details: { tenantId, staffId, delegateId },
  });
}
