import { DarchaError } from '../../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../../errors/field-error.js';

export function inquirySearchInvalid(tenantId: string, errors: readonly FieldError[]): DarchaError {
  return new DarchaError({
    code: 'DARCHA_INQUIRY_SEARCH_INVALID',
    kind: 'invalid',
    message: `Inquiry search of tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
    hint: 'Give lists of 1 to 1000 values, known public statuses, valid Dates with filedFrom not after filedUntil, limit 1..1000 and offset 0..1000000.',
    details: { tenantId, errors: errors.map((e) => ({ ...e })) },
  });
}
