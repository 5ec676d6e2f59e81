import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** A report's period, grouping or scope is malformed. */
export function reportQueryInvalid(tenantId: string, errors: readonly FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_REPORT_QUERY_INVALID',
    kind: 'invalid',
    message: `Tenant "${tenantId}" cannot compute that report:\n${formatFieldErrors(errors)}`,
    hint:
      'Give from and to as local dates YYYY-MM-DD (both included, from not after to, at most 5 years apart; ' +
      'at most 366 days when grouping by day), and a groupBy and scope from the documented lists.',
    details: { tenantId, errors },
  });
}
