import { DarchaError } from '../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../errors/field-error.js';

/** A rating, a review note or a review query is malformed. */
export function ratingInputInvalid(
  tenantId: string,
  what: string,
  errors: readonly FieldError[],
): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_INPUT_INVALID',
    kind: 'invalid',
    message: `Tenant "${tenantId}" refused the ${what}:\n${formatFieldErrors(errors)}`,
    hint: 'A score is a whole number from 1 to 5; a comment at most 1000 characters; a resolution note 1 to 2000 characters.',
    details: { tenantId, errors },
  });
}

/** The inquiry to rate does not exist in this tenant. */
export function ratingInquiryNotFound(tenantId: string, inquiryId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_INQUIRY_NOT_FOUND',
    kind: 'not_found',
    message: `Inquiry "${inquiryId}" does not exist in tenant "${tenantId}", so it cannot be rated.`,
    hint: 'Rate the inquiry in the city where it was filed, by the id shown on its receipt or tracking page.',
    details: { tenantId, inquiryId },
  });
}

/** The inquiry has not reached a terminal state yet. */
export function ratingInquiryOpen(tenantId: string, inquiryId: string, publicStatus: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_INQUIRY_OPEN',
    kind: 'conflict',
    message: `Inquiry "${inquiryId}" of tenant "${tenantId}" is still ${publicStatus}; only a closed inquiry can be rated.`,
    hint: 'Rate the inquiry once it is completed or rejected.',
    details: { tenantId, inquiryId, publicStatus },
  });
}

/** The actor is neither the inquiry's owner nor front-office staff. */
export function ratingNotAllowed(tenantId: string, inquiryId: string, actorId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_NOT_ALLOWED',
    kind: 'forbidden',
    message: `"${actorId}" may not rate inquiry "${inquiryId}" of tenant "${tenantId}": only its applicant, or front-office staff on their behalf, may.`,
    hint: 'Sign in as the applicant (receipt code or phone), or ask the front desk to record the rating.',
    details: { tenantId, inquiryId, actorId },
  });
}

/** The inquiry already has its rating. */
export function alreadyRated(tenantId: string, inquiryId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_ALREADY_RATED',
    kind: 'conflict',
    message: `Inquiry "${inquiryId}" of tenant "${tenantId}" has already been rated; a rating is given once and never changed.`,
    hint: 'Read the rating with GET /inquiries/{id}/rating. A complaint about the rating goes to the supervisor.',
    details: { tenantId, inquiryId },
  });
}

/** The inquiry has no rating. */
export function ratingNotFound(tenantId: string, inquiryId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_NOT_FOUND',
    kind: 'not_found',
    message: `Inquiry "${inquiryId}" of tenant "${tenantId}" has not been rated.`,
    hint: 'The applicant rates the inquiry after it is closed; until then there is nothing to read.',
    details: { tenantId, inquiryId },
  });
}

/** No review with this id in this tenant. */
export function reviewNotFound(tenantId: string, reviewId: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_REVIEW_NOT_FOUND',
    kind: 'not_found',
    message: `Rating review "${reviewId}" does not exist in tenant "${tenantId}".`,
    hint: 'List the reviews with GET /rating-reviews and use an id from there.',
    details: { tenantId, reviewId },
  });
}

/** The review was closed before. */
export function reviewClosed(tenantId: string, reviewId: string, closedBy: string | null): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_REVIEW_CLOSED',
    kind: 'conflict',
    message: `Rating review "${reviewId}" of tenant "${tenantId}" is already closed${closedBy ? ` (by "${closedBy}")` : ''}.`,
    hint: 'A review is closed once; read its resolution with GET /rating-reviews?status=closed.',
    details: { tenantId, reviewId },
  });
}

/** The actor may not see or close reviews (of this agency). */
export function reviewForbidden(tenantId: string, actorId: string, what: string): DarchaError {
  return new DarchaError({
    code: 'DARCHA_RATING_REVIEW_FORBIDDEN',
    kind: 'forbidden',
    message: `"${actorId}" may not ${what} in tenant "${tenantId}".`,
    hint: 'Reviews are for the supervisors of the rated agency and city administrators (auditors may read them).',
    details: { tenantId, actorId },
  });
}
