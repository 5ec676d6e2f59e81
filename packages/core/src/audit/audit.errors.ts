import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** A query of a tenant's audit log is malformed; every problem is listed. */
export function auditQueryInvalid(tenantId: string, errors: FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUDIT_QUERY_INVALID',
    kind: 'invalid',
    message: `Audit log query of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Give limit 1..200, "from" before "to", and as cursor only a nextCursor of this tenant’s audit log.',
    details: { tenantId, errors },
  });
}
