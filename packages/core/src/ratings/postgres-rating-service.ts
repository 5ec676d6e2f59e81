import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { TenantTransaction } from '../db/types.js';
import { violatedUnique } from '../identity/unique-violation.js';
import { reportQueryInvalid } from '../reports/reports.errors.js';
import { resolvePeriod } from '../reports/report-period.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { mayCloseReview, mayRate, readableAgencies } from './rating-access.js';
import { ratingGroups, totalOf } from './rating-averages.js';
import { checkReviewQuery, isUuid, readNote, readRateInput } from './rating-input.js';
import {
  RATING_COLUMNS,
  REVIEW_COLUMNS,
  toRating,
  toReview,
  type RatingRow,
  type ReviewRow,
} from './rating-rows.js';
import {
  alreadyRated,
  ratingInquiryNotFound,
  ratingInquiryOpen,
  ratingNotAllowed,
  ratingNotFound,
  reviewClosed,
  reviewForbidden,
  reviewNotFound,
} from './ratings.errors.js';
import {
  LOW_RATING_THRESHOLD,
  type AveragesQuery,
  type RateInput,
  type RateResult,
  type Rating,
  type RatingAverages,
  type RatingReview,
  type RatingService,
  type ReviewQuery,
} from './types.js';

export interface RatingServiceOptions {
  db: Database;
  /** The tenant's time zone (its calendar's), for local days and months. */
  timeZoneOf(tenantId: string): Promise<string>;
  /** The current instant; `() => new Date()` by default. */
  clock?: () => Date;
  /** Called after a commit that wrote outbox events (wakes the dispatcher). */
  afterCommit?: () => void;
}

interface InquiryView {
  id: string;
  applicant_key: string;
  service_code: string;
  agency_code: string | null;
  public_status: string;
  closed_at: Date | null;
}

const GROUPINGS = ['agency', 'service', 'month'];

/** {@link RatingService} on the platform database (tables `ratings` and `rating_reviews`). */
export class PostgresRatingService implements RatingService {
  readonly #db: Database;
  readonly #options: RatingServiceOptions;
  readonly #clock: () => Date;

  constructor(options: RatingServiceOptions) {
    this.#db = options.db;
    this.#options = options;
    this.#clock = options.clock ?? (() => new Date());
  }

  async rate(tenantId: string, inquiryId: string, input: RateInput, actor: Actor): Promise<RateResult> {
    assertTenantId(tenantId);
    const { score, comment } = readRateInput(tenantId, input);
    if (!isUuid(inquiryId)) throw ratingInquiryNotFound(tenantId, String(inquiryId));
    const result = await this.#db.withTenant(tenantId, async (trx) => {
      const inquiry = await findInquiry(trx, tenantId, inquiryId);
      if (inquiry === undefined) throw ratingInquiryNotFound(tenantId, inquiryId);
      if (!mayRate(actor, { id: inquiry.id, applicantKey: inquiry.applicant_key })) {
        throw ratingNotAllowed(tenantId, inquiryId, actor.id);
      }
      if (inquiry.closed_at === null) throw ratingInquiryOpen(tenantId, inquiryId, inquiry.public_status);
      const now = this.#clock();
      const rating = await insertRating(trx, tenantId, {
        tenant_id: tenantId,
        inquiry_id: inquiryId,
        score,
        comment,
        service_code: inquiry.service_code,
        agency_code: inquiry.agency_code,
        outcome: inquiry.public_status === 'rejected' ? 'rejected' : 'completed',
        rated_at: now,
        rated_by: actor.id,
      });
      if (score > LOW_RATING_THRESHOLD) return { rating, review: null };
      const [row] = await trx('rating_reviews')
        .insert({
          tenant_id: tenantId,
          inquiry_id: inquiryId,
          score,
          agency_code: inquiry.agency_code,
          status: 'open',
          opened_at: now,
        })
        .returning([...REVIEW_COLUMNS]);
      const review = toReview(row as ReviewRow);
      await writeOutboxEvents(trx, tenantId, [
        {
          type: 'rating.low',
          inquiryId,
          payload: {
            inquiryId,
            reviewId: review.id,
            score,
            serviceCode: inquiry.service_code,
            agencyCode: inquiry.agency_code,
          },
        },
      ]);
      return { rating, review };
    });
    if (result.review !== null) this.#options.afterCommit?.();
    return result;
  }

  async get(tenantId: string, inquiryId: string): Promise<Rating> {
    assertTenantId(tenantId);
    if (!isUuid(inquiryId)) throw ratingNotFound(tenantId, String(inquiryId));
    const row = await this.#db.withTenant(tenantId, (trx) =>
      trx('ratings')
        .select([...RATING_COLUMNS])
        .where({ tenant_id: tenantId, inquiry_id: inquiryId })
        .first(),
    );
    if (row === undefined) throw ratingNotFound(tenantId, inquiryId);
    return toRating(row as RatingRow);
  }

  async listReviews(tenantId: string, query: ReviewQuery, actor: Actor): Promise<RatingReview[]> {
    assertTenantId(tenantId);
    checkReviewQuery(tenantId, query);
    const agencies = readableAgencies(actor);
    if (agencies === undefined) throw reviewForbidden(tenantId, actor.id, 'read rating reviews');
    if (query.agencyCode !== undefined && agencies !== 'all' && !agencies.includes(query.agencyCode)) {
      throw reviewForbidden(tenantId, actor.id, `read the rating reviews of agency "${query.agencyCode}"`);
    }
    const rows = await this.#db.withTenant(tenantId, (trx) => {
      const q = trx('rating_reviews')
        .select([...REVIEW_COLUMNS])
        .where({ tenant_id: tenantId });
      if (query.status !== undefined) q.andWhere('status', query.status);
      if (query.agencyCode !== undefined) q.andWhere('agency_code', query.agencyCode);
      if (agencies !== 'all') q.whereIn('agency_code', [...agencies]);
      return q.orderBy([{ column: 'opened_at' }, { column: 'id' }]);
    });
    return (rows as ReviewRow[]).map(toReview);
  }

  async closeReview(tenantId: string, reviewId: string, note: string, actor: Actor): Promise<RatingReview> {
    assertTenantId(tenantId);
    const resolution = readNote(tenantId, note);
    if (!isUuid(reviewId)) throw reviewNotFound(tenantId, String(reviewId));
    return this.#db.withTenant(tenantId, async (trx) => {
      const current = (await trx('rating_reviews')
        .select([...REVIEW_COLUMNS])
        .where({ tenant_id: tenantId, id: reviewId })
        .forUpdate()
        .first()) as ReviewRow | undefined;
      if (current === undefined) throw reviewNotFound(tenantId, reviewId);
      if (!mayCloseReview(actor, current.agency_code)) {
        throw reviewForbidden(tenantId, actor.id, `close rating review "${reviewId}"`);
      }
      if (current.status === 'closed') throw reviewClosed(tenantId, reviewId, current.closed_by);
      const [row] = await trx('rating_reviews')
        .update({ status: 'closed', closed_at: this.#clock(), closed_by: actor.id, resolution })
        .where({ tenant_id: tenantId, id: reviewId })
        .returning([...REVIEW_COLUMNS]);
      await appendAudit(trx, tenantId, {
        actor: actor.id,
        action: 'rating.review.close',
        subjectType: 'rating_review',
        subjectId: reviewId,
        details: { inquiryId: current.inquiry_id, score: Number(current.score), resolution },
      });
      return toReview(row as ReviewRow);
    });
  }

  async averages(tenantId: string, query: AveragesQuery): Promise<RatingAverages> {
    assertTenantId(tenantId);
    const timeZone = await this.#options.timeZoneOf(tenantId);
    const period = resolvePeriod(query ?? {}, timeZone);
    const groupBy = query?.groupBy;
    const problems = Array.isArray(period) ? [...period] : [];
    if (!GROUPINGS.includes(groupBy)) {
      problems.push({ field: '/groupBy', message: `must be one of ${GROUPINGS.join(', ')}` });
    }
    if (Array.isArray(period) || problems.length > 0) throw reportQueryInvalid(tenantId, problems);
    const groups = await this.#db.withTenant(tenantId, (trx) => ratingGroups(trx, tenantId, period, groupBy));
    return { from: period.from, to: period.to, groupBy, timeZone, groups, total: totalOf(groups) };
  }
}

async function findInquiry(
  trx: TenantTransaction,
  tenantId: string,
  inquiryId: string,
): Promise<InquiryView | undefined> {
  return trx('inquiries')
    .select('id', 'applicant_key', 'service_code', 'agency_code', 'public_status', 'closed_at')
    .where({ tenant_id: tenantId, id: inquiryId })
    .first() as Promise<InquiryView | undefined>;
}

/** Inserts the rating; the primary key refuses a second one, also when two race. */
async function insertRating(
  trx: TenantTransaction,
  tenantId: string,
  values: RatingRow & { tenant_id: string },
): Promise<Rating> {
  try {
    const [row] = await trx('ratings')
      .insert(values)
      .returning([...RATING_COLUMNS]);
    return toRating(row as RatingRow);
  } catch (error) {
    if (violatedUnique(error) === 'ratings_pkey') throw alreadyRated(tenantId, values.inquiry_id);
    throw error;
  }
}
