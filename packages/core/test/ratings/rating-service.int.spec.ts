import { expect } from 'chai';
import type { Actor } from '../../src/workflow/inquiry/types.js';
import { dbEngine } from '../workflow/engine/engine-fixture.js';
import { openRatingsFixture, refusal, type RatingsFixture } from './ratings-fixture.js';

describe(`ratings (${dbEngine})`, () => {
  let r: RatingsFixture;
  const kadastrSupervisor: Actor = {
    id: 'kadastr-supervisor',
    kind: 'staff',
    roles: ['supervisor'],
    agencyCodes: ['kadastr'],
  };
  const cityAdmin: Actor = { id: 'admin-1', kind: 'staff', roles: ['city_admin'] };

  before(async () => {
    r = await openRatingsFixture();
  });
  after(() => r.close());
  beforeEach(() => r.f.clock.set('2026-03-02T05:00:00Z'));

  async function ratingRows(inquiryId: string): Promise<number> {
    return r.f.db.withTenant('chirchik', async (trx) => {
      const rows = await trx('ratings').where({ tenant_id: 'chirchik', inquiry_id: inquiryId });
      return rows.length;
    });
  }

  it('records a rating once; a second one is refused and the first stays', async () => {
    const inquiry = await r.completed();
    const { rating, review } = await r.ratings.rate(
      'chirchik',
      inquiry.id,
      { score: 5, comment: '  Quick and polite  ' },
      r.owner,
    );
    expect(rating).to.include({
      inquiryId: inquiry.id,
      score: 5,
      comment: 'Quick and polite',
      serviceCode: 'gas.simple',
      agencyCode: 'gorgas',
      outcome: 'completed',
      ratedBy: r.owner.id,
    });
    expect(review).to.equal(null);
    const again = await refusal(r.ratings.rate('chirchik', inquiry.id, { score: 1 }, r.owner));
    expect(again).to.include({ code: 'DARCHA_RATING_ALREADY_RATED', kind: 'conflict' });
    expect(await r.ratings.get('chirchik', inquiry.id)).to.include({ score: 5 });
    expect(await ratingRows(inquiry.id)).to.equal(1);
  });

  it('lets exactly one of two concurrent ratings win, and opens at most one review', async () => {
    const inquiry = await r.completed();
    const results = await Promise.allSettled([
      r.ratings.rate('chirchik', inquiry.id, { score: 2 }, r.owner),
      r.ratings.rate('chirchik', inquiry.id, { score: 1 }, r.f.actors.operator),
    ]);
    const won = results.filter((x) => x.status === 'fulfilled');
    const lost = results.filter((x): x is PromiseRejectedResult => x.status === 'rejected');
    expect(won).to.have.length(1);
    expect(lost).to.have.length(1);
    expect(lost[0]!.reason).to.include({ code: 'DARCHA_RATING_ALREADY_RATED' });
    expect(await ratingRows(inquiry.id)).to.equal(1);
    const reviews = await r.f.db.withTenant('chirchik', (trx) =>
      trx('rating_reviews').where({ tenant_id: 'chirchik', inquiry_id: inquiry.id }),
    );
    expect(reviews).to.have.length(1);
  });

  it('rates only a closed inquiry; a rejected one counts as closed', async () => {
    const open = await r.open();
    const early = await refusal(r.ratings.rate('chirchik', open.id, { score: 4 }, r.owner));
    expect(early).to.include({ code: 'DARCHA_RATING_INQUIRY_OPEN', kind: 'conflict' });
    expect(await ratingRows(open.id)).to.equal(0);
    const rejected = await r.rejected();
    const { rating } = await r.ratings.rate('chirchik', rejected.id, { score: 4 }, r.owner);
    expect(rating.outcome).to.equal('rejected');
    const unknown = await refusal(
      r.ratings.rate('chirchik', '00000000-0000-4000-8000-000000000000', { score: 4 }, r.owner),
    );
    expect(unknown.code).to.equal('DARCHA_RATING_INQUIRY_NOT_FOUND');
    const malformed = await refusal(r.ratings.rate('chirchik', 'not-a-uuid', { score: 4 }, r.owner));
    expect(malformed.code).to.equal('DARCHA_RATING_INQUIRY_NOT_FOUND');
  });

  it('lets only the owner rate, or the front desk on their behalf', async () => {
    const inquiry = await r.completed();
    const stranger: Actor = {
      id: 'citizen:39999999999999',
      kind: 'citizen',
      roles: ['citizen'],
      applicantKey: '39999999999999',
    };
    for (const actor of [stranger, r.f.actors.officer, r.f.actors.supervisor, cityAdmin]) {
      const refused = await refusal(r.ratings.rate('chirchik', inquiry.id, { score: 5 }, actor));
      expect(refused, actor.id).to.include({ code: 'DARCHA_RATING_NOT_ALLOWED', kind: 'forbidden' });
    }
    expect(await ratingRows(inquiry.id)).to.equal(0);
    // A citizen who opened the inquiry with its receipt code.
    const byReceipt: Actor = {
      id: 'citizen:receipt',
      kind: 'citizen',
      roles: ['citizen'],
      inquiryIds: [inquiry.id],
    };
    expect((await r.ratings.rate('chirchik', inquiry.id, { score: 4 }, byReceipt)).rating.ratedBy).to.equal(
      'citizen:receipt',
    );
    const atDesk = await r.completed();
    const { rating } = await r.ratings.rate('chirchik', atDesk.id, { score: 5 }, r.f.actors.operator);
    expect(rating.ratedBy).to.equal(r.f.actors.operator.id);
  });

  it('refuses scores outside 1..5, fractions, strings and over-long comments, writing nothing', async () => {
    const inquiry = await r.completed();
    const bad: unknown[] = [{ score: 0 }, { score: 6 }, { score: 2.5 }, { score: '5' }, {}, null];
    for (const input of bad) {
      const refused = await refusal(r.ratings.rate('chirchik', inquiry.id, input as never, r.owner));
      expect(refused, JSON.stringify(input)).to.include({
        code: 'DARCHA_RATING_INPUT_INVALID',
        kind: 'invalid',
      });
    }
    const long = await refusal(
      r.ratings.rate('chirchik', inquiry.id, { score: 5, comment: 'x'.repeat(1001) }, r.owner),
    );
    expect(long.details['errors']).to.deep.equal([
      { field: '/comment', message: 'must be at most 1000 characters' },
    ]);
    expect(await ratingRows(inquiry.id)).to.equal(0);
    const { rating } = await r.ratings.rate(
      'chirchik',
      inquiry.id,
      { score: 1, comment: 'x'.repeat(1000) },
      r.owner,
    );
    expect(rating.comment).to.have.length(1000);
  });

  it('opens a review for a rating of 3 or less, visible to the agency’s supervisors only, with an event', async () => {
    const low = await r.completed();
    const high = await r.completed();
    const { review } = await r.ratings.rate('chirchik', low.id, { score: 3, comment: 'Slow' }, r.owner);
    expect(review).to.include({ inquiryId: low.id, score: 3, agencyCode: 'gorgas', status: 'open' });
    expect((await r.ratings.rate('chirchik', high.id, { score: 4 }, r.owner)).review).to.equal(null);
    const events = await r.f.db.withTenant('chirchik', (trx) =>
      trx('outbox_events')
        .where({ tenant_id: 'chirchik', type: 'rating.low' })
        .whereIn('inquiry_id', [low.id, high.id]),
    );
    expect(events).to.have.length(1);
    expect(events[0].payload).to.include({
      inquiryId: low.id,
      reviewId: review!.id,
      score: 3,
      agencyCode: 'gorgas',
    });

    const seen = await r.ratings.listReviews('chirchik', { status: 'open' }, r.f.actors.supervisor);
    expect(seen.map((x) => x.id)).to.include(review!.id);
    expect(await r.ratings.listReviews('chirchik', {}, kadastrSupervisor)).to.deep.equal([]);
    expect((await r.ratings.listReviews('chirchik', {}, cityAdmin)).map((x) => x.id)).to.include(review!.id);
    const officer = await refusal(r.ratings.listReviews('chirchik', {}, r.f.actors.officer));
    expect(officer).to.include({ code: 'DARCHA_RATING_REVIEW_FORBIDDEN', kind: 'forbidden' });
    const citizen = await refusal(r.ratings.listReviews('chirchik', {}, r.owner));
    expect(citizen.code).to.equal('DARCHA_RATING_REVIEW_FORBIDDEN');
    const otherAgency = await refusal(
      r.ratings.listReviews('chirchik', { agencyCode: 'gorgas' }, kadastrSupervisor),
    );
    expect(otherAgency.code).to.equal('DARCHA_RATING_REVIEW_FORBIDDEN');
    const badQuery = await refusal(
      r.ratings.listReviews('chirchik', { status: 'pending' as never }, cityAdmin),
    );
    expect(badQuery.code).to.equal('DARCHA_RATING_INPUT_INVALID');
  });

  it('closes a review once, by the agency’s supervisor, with a note, and audits it', async () => {
    const inquiry = await r.completed();
    const { review } = await r.ratings.rate('chirchik', inquiry.id, { score: 1 }, r.owner);
    const id = review!.id;
    expect(
      (await refusal(r.ratings.closeReview('chirchik', id, '   ', r.f.actors.supervisor))).code,
    ).to.equal('DARCHA_RATING_INPUT_INVALID');
    const foreign = await refusal(r.ratings.closeReview('chirchik', id, 'Not mine', kadastrSupervisor));
    expect(foreign.code).to.equal('DARCHA_RATING_REVIEW_FORBIDDEN');
    const auditor: Actor = { id: 'auditor-1', kind: 'staff', roles: ['auditor'] };
    expect((await refusal(r.ratings.closeReview('chirchik', id, 'Read only', auditor))).code).to.equal(
      'DARCHA_RATING_REVIEW_FORBIDDEN',
    );
    r.f.clock.set('2026-03-05T07:00:00Z');
    const closed = await r.ratings.closeReview(
      'chirchik',
      id,
      ' Called the citizen back. ',
      r.f.actors.supervisor,
    );
    expect(closed).to.include({
      status: 'closed',
      closedBy: r.f.actors.supervisor.id,
      resolution: 'Called the citizen back.',
    });
    expect(closed.closedAt?.toISOString()).to.equal('2026-03-05T07:00:00.000Z');
    const twice = await refusal(r.ratings.closeReview('chirchik', id, 'Again', cityAdmin));
    expect(twice).to.include({ code: 'DARCHA_RATING_REVIEW_CLOSED', kind: 'conflict' });
    const audit = await r.f.db.withTenant('chirchik', (trx) =>
      trx('audit_log').where({ tenant_id: 'chirchik', action: 'rating.review.close', subject_id: id }),
    );
    expect(audit).to.have.length(1);
    expect(audit[0]).to.include({ actor: r.f.actors.supervisor.id, subject_type: 'rating_review' });
    const missing = await refusal(
      r.ratings.closeReview('chirchik', '00000000-0000-4000-8000-000000000000', 'x', cityAdmin),
    );
    expect(missing).to.include({ code: 'DARCHA_RATING_REVIEW_NOT_FOUND', kind: 'not_found' });
    expect(
      (await r.ratings.listReviews('chirchik', { status: 'open' }, cityAdmin)).map((x) => x.id),
    ).to.not.include(id);
  });

  it('keeps ratings and reviews inside their tenant', async () => {
    const inquiry = await r.completed();
    await r.ratings.rate('chirchik', inquiry.id, { score: 2 }, r.owner);
    expect((await refusal(r.ratings.get('djizak', inquiry.id))).code).to.equal('DARCHA_RATING_NOT_FOUND');
    expect((await refusal(r.ratings.rate('djizak', inquiry.id, { score: 5 }, r.owner))).code).to.equal(
      'DARCHA_RATING_INQUIRY_NOT_FOUND',
    );
    expect(await r.ratings.listReviews('djizak', {}, cityAdmin)).to.deep.equal([]);
    const djizak = await r.ratings.averages('djizak', {
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: 'agency',
    });
    expect(djizak.total.count).to.equal(0);
    expect(djizak.total.average).to.equal(null);
  });
});
