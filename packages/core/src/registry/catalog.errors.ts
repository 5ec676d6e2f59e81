import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

export function catalogEntryInvalid(tenantId: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CATALOG_ENTRY_INVALID',
    kind: 'invalid',
    message: `Catalog entry of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Send { serviceCode, offered, agencyCode?, overrides?: { names?, slaValue?, feeParams? } }.',
    details: { tenantId, errors },
  });
}

export function catalogNotOffered(tenantId: string, code: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CATALOG_NOT_OFFERED',
    kind: 'not_found',
    message: `Tenant "${tenantId}" does not offer service "${code}".`,
    hint: "Offer it in the tenant's catalog (or in its region's); the plugin that publishes it must be active.",
    details: { tenantId, serviceCode: code },
  });
}

export function catalogAgencyMismatch(
  tenantId: string,
  code: string,
  agency: { code: string; kind: string },
  expectedKind: string,
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CATALOG_AGENCY_MISMATCH',
    kind: 'invalid',
    message: `Tenant "${tenantId}" cannot route service "${code}" through agency "${agency.code}": that agency is a "${agency.kind}" agency, the service needs a "${expectedKind}" one.`,
    hint: `Choose one of the tenant's "${expectedKind}" agencies, or add one.`,
    details: { tenantId, serviceCode: code, agencyCode: agency.code, agencyKind: agency.kind, expectedKind },
  });
}

export function catalogOverrideInvalid(tenantId: string, code: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CATALOG_OVERRIDE_INVALID',
    kind: 'invalid',
    message: `Tenant "${tenantId}" cannot override service "${code}" this way:\n${formatFieldErrors(errors)}`,
    hint: "Keep slaValue within the service's sla.min..sla.max, and override feeParams only where the fee is tenantOverridable.",
    details: { tenantId, serviceCode: code, errors },
  });
}

export function catalogQueryInvalid(tenantId: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_CATALOG_QUERY_INVALID',
    kind: 'invalid',
    message: `Catalog search of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Filters are text, category, agencyCode, applicantType (individual | legal_entity), kind (service | information | appeal) and channel (desk | online | api).',
    details: { tenantId, errors },
  });
}
