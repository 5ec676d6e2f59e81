import type { Rating, RatingReview, ReviewStatus } from './types.js';

/** A `ratings` row as read. */
export interface RatingRow {
  inquiry_id: string;
  score: number;
  comment: string | null;
  service_code: string;
  agency_code: string | null;
  outcome: 'completed' | 'rejected';
  rated_at: Date;
  rated_by: string;
}

/** A `rating_reviews` row as read. */
export interface ReviewRow {
  id: string;
  inquiry_id: string;
  score: number;
  agency_code: string | null;
  status: ReviewStatus;
  opened_at: Date;
  closed_at: Date | null;
  closed_by: string | null;
  resolution: string | null;
}

export const RATING_COLUMNS = [
  'inquiry_id',
  'score',
  'comment',
  'service_code',
  'agency_code',
  'outcome',
  'rated_at',
  'rated_by',
] as const;

export const REVIEW_COLUMNS = [
  'id',
  'inquiry_id',
  'score',
  'agency_code',
  'status',
  'opened_at',
  'closed_at',
  'closed_by',
  'resolution',
] as const;

export function toRating(row: RatingRow): Rating {
  return {
    inquiryId: row.inquiry_id,
    score: Number(row.score),
    comment: row.comment,
    serviceCode: row.service_code,
    agencyCode: row.agency_code,
    outcome: row.outcome,
    ratedAt: new Date(row.rated_at),
    ratedBy: row.rated_by,
  };
}

export function toReview(row: ReviewRow): RatingReview {
  return {
    id: row.id,
    inquiryId: row.inquiry_id,
    score: Number(row.score),
    agencyCode: row.agency_code,
    status: row.status,
    openedAt: new Date(row.opened_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    closedBy: row.closed_by,
    resolution: row.resolution,
  };
}
