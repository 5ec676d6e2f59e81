import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

export function agencyInvalid(tenantId: string, code: string | undefined, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_INVALID',
    kind: 'invalid',
    message: `Agency${code ? ` "${code}"` : ''} of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Correct the fields listed: codes are lowercase slugs, names need at least one locale, working hours are ["HH:MM", "HH:MM"] with opening before closing.',
    details: { tenantId, agencyCode: code ?? null, errors },
  });
}

export function deskInvalid(tenantId: string, code: string | undefined, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_DESK_INVALID',
    kind: 'invalid',
    message: `Desk${code ? ` "${code}"` : ''} of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Correct the fields listed: the code is a lowercase slug, names need at least one locale.',
    details: { tenantId, deskCode: code ?? null, errors },
  });
}

export function agencyNotFound(tenantId: string, code: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no agency "${code}".`,
    hint: "Check the code against the tenant's agencies (GET /api/v1/agencies), or add the agency first.",
    details: { tenantId, agencyCode: code },
  });
}

export function agencyInUse(tenantId: string, code: string, services: string[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_IN_USE',
    kind: 'conflict',
    message: `Agency "${code}" of tenant "${tenantId}" cannot change its kind: the catalog routes ${services.join(', ')} through it.`,
    hint: 'Route those services to another agency (or remove their catalog entries) first, or add a new agency of the new kind.',
    details: { tenantId, agencyCode: code, services },
  });
}

export function agencyExists(tenantId: string, code: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_EXISTS',
    kind: 'conflict',
    message: `Tenant "${tenantId}" already has an agency "${code}".`,
    hint: 'Choose another code, or change the existing agency instead of creating it again.',
    details: { tenantId, agencyCode: code },
  });
}

export function deskNotFound(tenantId: string, code: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_DESK_NOT_FOUND',
    kind: 'not_found',
    message: `Tenant "${tenantId}" has no desk "${code}".`,
    hint: "Check the code against the tenant's desks (GET /api/v1/desks), or add the desk first.",
    details: { tenantId, deskCode: code },
  });
}

export function deskExists(tenantId: string, code: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AGENCY_DESK_EXISTS',
    kind: 'conflict',
    message: `Tenant "${tenantId}" already has a desk "${code}".`,
    hint: 'Choose another code, or change the existing desk instead of creating it again.',
    details: { tenantId, deskCode: code },
  });
}
