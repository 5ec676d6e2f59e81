import { fieldErrorsFromAjv, type FieldError } from '../errors/field-error.js';
import { compileLater } from '../validation/compile-later.js';
import { APPLICANT_CATEGORIES } from '../workflow/inquiry/types.js';
import type { FeeQuoteInput } from './fee-types.js';

const validate = compileLater<Omit<FeeQuoteInput, 'at'>>({
  type: 'object',
  additionalProperties: false,
  required: ['serviceCode', 'formData', 'channel', 'applicantType'],
  properties: {
    serviceCode: { type: 'string', minLength: 1, maxLength: 100 },
    serviceVersion: { type: 'integer', minimum: 1 },
    formData: { type: 'object' },
    channel: { enum: ['desk', 'online', 'api'] },
    applicantType: { enum: ['individual', 'legal_entity'] },
    categories: { type: 'array', uniqueItems: true, items: { enum: [...APPLICANT_CATEGORIES] } },
  },
});

/** Every invalid field of a quote request; `at`, when given, must be a valid `Date`. */
export function feeQuoteInputProblems(input: unknown): FieldError[] {
  if (typeof input !== 'object' || input === null) return [{ field: '/', message: 'must be an object' }];
  const { at, ...rest } = input as Record<string, unknown>;
  const problems = validate(rest) ? [] : fieldErrorsFromAjv(validate.errors);
  if (at !== undefined && !(at instanceof Date && Number.isFinite(at.getTime()))) {
    problems.push({ field: '/at', message: 'must be a valid date and time' });
  }
  return problems;
}
