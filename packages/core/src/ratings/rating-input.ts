import type { FieldError } from '../errors/field-error.js';
import { ratingInputInvalid } from './ratings.errors.js';
import {
  RATING_COMMENT_MAX_LENGTH,
  REVIEW_NOTE_MAX_LENGTH,
  type RateInput,
  type ReviewQuery,
} from './types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value is a uuid (other ids cannot exist, and must not reach a uuid column). */
export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/** The score and the trimmed comment (an empty comment is none); throws listing every problem. */
export function readRateInput(tenantId: string, input: RateInput): { score: number; comment: string | null } {
  const errors: FieldError[] = [];
  const { score, comment } = (input ?? {}) as Partial<Record<keyof RateInput, unknown>>;
  if (typeof score !== 'number' || !Number.isInteger(score) || score < 1 || score > 5) {
    errors.push({ field: '/score', message: 'must be a whole number from 1 to 5' });
  }
  let text: string | null = null;
  if (comment !== undefined && comment !== null) {
    if (typeof comment !== 'string') {
      errors.push({ field: '/comment', message: 'must be a string' });
    } else {
      text = comment.trim() === '' ? null : comment.trim();
      if (text !== null && text.length > RATING_COMMENT_MAX_LENGTH) {
        errors.push({
          field: '/comment',
          message: `must be at most ${RATING_COMMENT_MAX_LENGTH} characters`,
        });
      }
    }
  }
  if (errors.length > 0) throw ratingInputInvalid(tenantId, 'rating', errors);
  return { score: score as number, comment: text };
}

/** A review's resolution note, trimmed; throws unless it has 1 to 2000 characters. */
export function readNote(tenantId: string, note: unknown): string {
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length === 0 || text.length > REVIEW_NOTE_MAX_LENGTH) {
    throw ratingInputInvalid(tenantId, 'resolution note', [
      { field: '/note', message: `must be a text of 1 to ${REVIEW_NOTE_MAX_LENGTH} characters` },
    ]);
  }
  return text;
}

/** Checks a review query's fields. */
export function checkReviewQuery(tenantId: string, query: ReviewQuery): void {
  const errors: FieldError[] = [];
  const { status, agencyCode } = (query ?? {}) as Partial<Record<keyof ReviewQuery, unknown>>;
  if (status !== undefined && status !== 'open' && status !== 'closed') {
    errors.push({ field: '/status', message: 'must be "open" or "closed"' });
  }
  if (agencyCode !== undefined && (typeof agencyCode !== 'string' || agencyCode.length === 0)) {
    errors.push({ field: '/agencyCode', message: 'must be an agency code' });
  }
  if (errors.length > 0) throw ratingInputInvalid(tenantId, 'review query', errors);
}
