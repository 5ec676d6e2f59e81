import type { Actor } from '../workflow/inquiry/types.js';

/** The most characters a rating comment may hold. */
export const RATING_COMMENT_MAX_LENGTH = 1000;
/** The most characters a review's resolution note may hold. */
export const REVIEW_NOTE_MAX_LENGTH = 2000;
/** A rating at or below this score opens a review for the agency's supervisors. */
export const LOW_RATING_THRESHOLD = 3;

/** What the citizen gives: a whole score from 1 to 5 and, optionally, a few words. */
export interface RateInput {
  score: number;
  comment?: string;
}

/** A citizen's rating of one closed inquiry; an inquiry is rated at most once. */
export interface Rating {
  inquiryId: string;
  score: number;
  comment: string | null;
  serviceCode: string;
  agencyCode: string | null;
  /** How the inquiry ended: `completed` or `rejected`. */
  outcome: 'completed' | 'rejected';
  ratedAt: Date;
  /** The citizen actor's id, or the id of the front-office member who recorded it for them. */
  ratedBy: string;
}

/** The result of rating: the rating, and the review it opened when the score was 3 or less. */
export interface RateResult {
  rating: Rating;
  review: RatingReview | null;
}

export type ReviewStatus = 'open' | 'closed';

/** A supervisor's review of a low rating. */
export interface RatingReview {
  id: string;
  inquiryId: string;
  score: number;
  agencyCode: string | null;
  status: ReviewStatus;
  openedAt: Date;
  closedAt: Date | null;
  closedBy: string | null;
  resolution: string | null;
}

/** Which reviews to list; without `status` both, without `agencyCode` every agency the actor sees. */
export interface ReviewQuery {
  status?: ReviewStatus;
  agencyCode?: string;
}

export type RatingGroupBy = 'agency' | 'service' | 'month';

/**
 * A period of local days in the tenant's time zone, both ends included: `from: '2026-01-01'`,
 * `to: '2026-03-31'` is the first quarter, from 00:00 on 1 January to midnight after 31 March.
 */
export interface Period {
  from: string;
  to: string;
}

export interface AveragesQuery extends Period {
  groupBy: RatingGroupBy;
}

/** How many ratings gave each score. */
export type ScoreDistribution = Record<'1' | '2' | '3' | '4' | '5', number>;

/** Count, exact average (sum / count rounded half up to 2 decimals) and distribution of some ratings. */
export interface RatingFigures {
  count: number;
  /** `null` when there are no ratings. */
  average: number | null;
  distribution: ScoreDistribution;
}

/** One group of {@link RatingAverages}: an agency code, a service code or a month `YYYY-MM`. */
export interface RatingGroup extends RatingFigures {
  /** `null` for ratings of inquiries without an agency, when grouping by agency. */
  key: string | null;
}

/** Rating averages over a period, by group, with the total over all groups. */
export interface RatingAverages {
  from: string;
  to: string;
  groupBy: RatingGroupBy;
  timeZone: string;
  groups: RatingGroup[];
  total: RatingFigures;
}

/**
 * Citizens' ratings of closed inquiries and the supervisor reviews of low ones.
 *
 * @example
 * const { review } = await ratings.rate('chirchik', inquiryId, { score: 2, comment: 'Long queue' }, citizen);
 * const open = await ratings.listReviews('chirchik', { status: 'open' }, supervisor);
 * await ratings.closeReview('chirchik', open[0].id, 'Called the citizen; queue fixed.', supervisor);
 * const byAgency = await ratings.averages('chirchik', { from: '2026-01-01', to: '2026-03-31', groupBy: 'agency' });
 */
export interface RatingService {
  /**
   * Records the rating of a closed (completed or rejected) inquiry by its owner, or by front-office
   * staff on their behalf. A score of 3 or less opens a review and writes a `rating.low` event in the
   * same transaction. A second rating is refused with `DARCHA_RATING_ALREADY_RATED`.
   */
  rate(tenantId: string, inquiryId: string, input: RateInput, actor: Actor): Promise<RateResult>;
  /** The inquiry's rating; `DARCHA_RATING_NOT_FOUND` if it has none. */
  get(tenantId: string, inquiryId: string): Promise<Rating>;
  /** Reviews the actor may see (supervisors of the agency, city admins, auditors), oldest first. */
  listReviews(tenantId: string, query: ReviewQuery, actor: Actor): Promise<RatingReview[]>;
  /** Closes an open review with a resolution note (supervisor of the agency or city admin); audited. */
  closeReview(tenantId: string, reviewId: string, note: string, actor: Actor): Promise<RatingReview>;
  /** Count, average and distribution of the ratings given in a period, by agency, service or month. */
  averages(tenantId: string, query: AveragesQuery): Promise<RatingAverages>;
}
