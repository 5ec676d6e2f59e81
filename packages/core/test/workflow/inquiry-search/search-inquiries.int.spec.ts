import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { isDarchaError } from '../../../src/errors/darcha-error.js';
import type { InquirySearchQuery } from '../../../src/workflow/inquiry-search/inquiry-search-query.js';
import { searchInquiries } from '../../../src/workflow/inquiry-search/search-inquiries.js';
import { NOW, oracleRows, sortRows, asKey, type OracleRow } from '../inbox/inbox-fixtures.js';
import { seedInbox } from '../inbox/inbox-fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`searchInquiries (${engine})`, () => {
  let db: Database;
  let rows: OracleRow[];

  before(async () => {
    db = await openTestDatabase();
    await seedInbox(db);
    rows = sortRows(await oracleRows(db, 'chirchik'), 'filed');
  });
  after(() => db.close());

  /** Every page of a query, concatenated: the tracking numbers in the order they came. */
  async function allPages(query: InquirySearchQuery, limit: number): Promise<string[]> {
    const found: string[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await searchInquiries(db, 'chirchik', { ...query, limit, offset });
      found.push(...page.items.map((hit) => hit.inquiry.trackingNumber));
      if (!page.hasMore) return found;
      expect(page.items).to.have.length(limit);
    }
  }

  it('returns the newest filings first, 100 by default, and says that more follow', async () => {
    const page = await searchInquiries(db, 'chirchik', {});
    expect(page.items).to.have.length(100);
    expect(page.hasMore).to.equal(true);
    expect(page.items.map((hit) => hit.inquiry.id)).to.deep.equal(rows.slice(0, 100).map((r) => r.id));
    expect(page.items.every((hit) => hit.inquiry.tenantId === 'chirchik')).to.equal(true);
  });

  it('combines services, public statuses and an inclusive filing window, and pages through them without gaps', async () => {
    const from = new Date(NOW.getTime() - 10 * 86_400_000);
    const until = new Date(NOW.getTime() - 2 * 86_400_000);
    const expected = rows.filter(
      (r) =>
        ['gas.connection', 'water.connection'].includes(r.service_code) &&
        ['completed', 'rejected'].includes(r.public_status) &&
        r.filed >= asKey(from) &&
        r.filed <= asKey(until),
    );
    expect(expected.length).to.be.greaterThan(50);
    const found = await allPages(
      {
        serviceCodes: ['gas.connection', 'water.connection'],
        publicStatuses: ['completed', 'rejected'],
        filedFrom: from,
        filedUntil: until,
      },
      37,
    );
    expect(found).to.deep.equal(expected.map((r) => r.tracking_number));
  });

  it('includes inquiries filed exactly at both ends of the window', async () => {
    // An instant a Date can hold exactly (the fixture spaces some filings by a microsecond).
    const target = rows.slice(500).find((r) => r.filed.endsWith('000Z'))!;
    const at = new Date(target.filed.replace(/000Z$/, 'Z'));
    const page = await searchInquiries(db, 'chirchik', { filedFrom: at, filedUntil: at });
    expect(page.items.map((hit) => hit.inquiry.id)).to.include(target.id);
  });

  it('finds exact tracking numbers of its own city only', async () => {
    const wanted = [rows[3]!.tracking_number, rows[900]!.tracking_number];
    const page = await searchInquiries(db, 'chirchik', {
      trackingNumbers: [...wanted, 'DJZ-2025-000001', 'CHR-2025'],
    });
    expect(page.items.map((hit) => hit.inquiry.trackingNumber)).to.have.members(wanted);
    expect(page.hasMore).to.equal(false);
  });

  it('tells what the applicant was last told: the latest public entry’s comment, if it is a transition', async () => {
    const [first, second] = [rows[0]!, rows[1]!];
    await db.withTenant('chirchik', async (trx) => {
      const entry = (
        inquiryId: string,
        seq: number,
        isPublic: boolean,
        comment: string | null,
        kind = 'transition',
      ) => ({
        tenant_id: 'chirchik',
        inquiry_id: inquiryId,
        seq,
        at: NOW,
        kind,
        action: kind === 'transition' ? 'review' : null,
        from_state: 'registered',
        to_state: 'review',
        workflow_version: 1,
        actor_id: 'officer',
        actor_role: 'back_office',
        comment,
        public: isPublic,
      });
      await trx('inquiry_history').insert([
        entry(first.id, 1, true, null, 'filed'),
        entry(first.id, 2, true, 'Bring the meter passport'),
        entry(first.id, 3, false, 'internal: checked the debt'),
        entry(second.id, 1, true, null, 'filed'),
        entry(second.id, 2, true, 'Told before'),
        entry(second.id, 3, true, null),
      ]);
    });
    const page = await searchInquiries(db, 'chirchik', {
      trackingNumbers: [first.tracking_number, second.tracking_number, rows[2]!.tracking_number],
    });
    const comments = new Map(page.items.map((hit) => [hit.inquiry.id, hit.lastPublicComment]));
    expect(comments.get(first.id)).to.equal('Bring the meter passport');
    expect(comments.get(second.id)).to.equal(null);
    expect(comments.get(rows[2]!.id)).to.equal(null);
  });

  it('filters by the channel an inquiry was filed through', async () => {
    const desk = await searchInquiries(db, 'chirchik', { channels: ['desk'], limit: 50 });
    const all = await searchInquiries(db, 'chirchik', { limit: 50 });
    expect(desk.items.map((h) => h.inquiry.id)).to.deep.equal(all.items.map((h) => h.inquiry.id));
    const api = await searchInquiries(db, 'chirchik', { channels: ['api', 'online'] });
    expect(api).to.deep.equal({ items: [], hasMore: false });
  });

  it('refuses a malformed query with every problem listed', async () => {
    const error = await searchInquiries(db, 'chirchik', {
      trackingNumbers: [],
      publicStatuses: ['open' as never],
      channels: ['fax' as never],
      filedFrom: new Date('2026-03-02T00:00:00Z'),
      filedUntil: new Date('2026-03-01T00:00:00Z'),
      limit: 1001,
      offset: -1,
    }).catch((e: unknown) => e);
    expect(isDarchaError(error, 'DARCHA_INQUIRY_SEARCH_INVALID')).to.equal(true);
    const fields = (error as { details: { errors: { field: string }[] } }).details.errors.map((e) => e.field);
    expect(fields).to.have.members([
      '/trackingNumbers',
      '/publicStatuses',
      '/channels',
      '/filedUntil',
      '/limit',
      '/offset',
    ]);
  });

  it('refuses a malformed tenant id before reaching the database', async () => {
    const error = await searchInquiries(db, 'Not A Tenant', {}).catch((e: unknown) => e);
    expect(isDarchaError(error, 'DARCHA_TENANT_INVALID')).to.equal(true);
  });
});
