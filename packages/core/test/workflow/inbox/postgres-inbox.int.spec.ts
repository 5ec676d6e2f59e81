import { expect } from 'chai';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import { INBOX_BUCKETS, type InboxQuery, type InboxSort } from '../../../src/workflow/inbox/inbox-query.js';
import { PostgresInbox } from '../../../src/workflow/inbox/postgres-inbox.js';
import type { InboxViewer } from '../../../src/workflow/inbox/types.js';
import {
  DUE_BEFORE,
  NOW,
  ROWS_PER_CITY,
  STAFF,
  inBucket,
  oracleRows,
  seedInbox,
  sortRows,
  viewers,
  type OracleRow,
} from './inbox-fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`staff inbox (${engine})`, () => {
  let db: Database;
  let inbox: PostgresInbox;
  let rows: OracleRow[];
  const officers = viewers();

  before(async () => {
    db = await openTestDatabase();
    await seedInbox(db);
    inbox = new PostgresInbox({ db, clock: () => NOW });
    rows = await oracleRows(db, 'chirchik');
  });
  after(() => db.close());

  /** Every id of a list, page after page, checking that no page repeats a row. */
  async function walk(viewer: InboxViewer, query: InboxQuery, city = 'chirchik'): Promise<string[]> {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 2 * ROWS_PER_CITY; page++) {
      const result = await inbox.list(city, viewer, { ...query, ...(cursor ? { cursor } : {}) });
      expect(result.items.length).to.be.at.most(query.limit ?? 50);
      ids.push(...result.items.map((i) => i.id));
      if (result.nextCursor === null) {
        expect(new Set(ids).size, 'no row twice').to.equal(ids.length);
        return ids;
      }
      expect(result.items.length, 'a page before the last is full').to.equal(query.limit ?? 50);
      cursor = result.nextCursor;
    }
    return expect.fail('the walk never ended');
  }

  function expected(
    viewer: InboxViewer,
    query: InboxQuery,
    sort: InboxSort,
    filter: (r: OracleRow) => boolean = () => true,
  ): string[] {
    const matching = rows.filter((r) => inBucket(r, query.bucket, viewer) && filter(r));
    return sortRows(matching, sort).map((r) => r.id);
  }

  it('the seed has what the tests lean on: ties, undated, paused, breached and escalated rows', () => {
    const open = rows.filter((r) => r.open);
    const dueKeys = open.map((r) => r.due).filter((d) => d !== null);
    expect(new Set(dueKeys).size).to.be.below(dueKeys.length / 3);
    expect(new Set(rows.map((r) => r.filed)).size).to.be.at.most(rows.length / 2 + 1);
    expect(open.filter((r) => r.due === null)).to.have.length.above(10);
    for (const flag of ['paused', 'breached', 'escalated'] as const) {
      expect(
        open.filter((r) => r[flag]),
        flag,
      ).to.have.length.above(5);
    }
  });

  for (const [name, viewer] of Object.entries(viewers())) {
    it(`gives ${name} exactly the rows of each bucket, in order`, async () => {
      for (const bucket of INBOX_BUCKETS) {
        const query: InboxQuery = { bucket, dueBefore: DUE_BEFORE, limit: 200 };
        const sort = bucket === 'closed' ? 'filed' : 'due';
        const want = expected(viewer, query, sort);
        if (name === 'gasOfficer') expect(want, `${bucket} has rows to find`).to.not.be.empty;
        expect(await walk(viewer, query), bucket).to.deep.equal(want);
      }
    });
  }

  it('walks a list of tied due dates one row at a time, and a few rows at a time, without loss', async () => {
    const query: InboxQuery = { bucket: 'agency', limit: 1 };
    const want = expected(officers.supervisor!, query, 'due');
    expect(await walk(officers.supervisor!, query)).to.deep.equal(want);
    for (const limit of [7, 50]) {
      expect(await walk(officers.front!, { bucket: 'all_open', limit })).to.deep.equal(
        expected(officers.front!, { bucket: 'all_open' }, 'due'),
      );
    }
  });

  it('sorts by filing, newest first, through pairs of equal filing instants', async () => {
    for (const bucket of ['closed', 'all_open', 'mine'] as const) {
      const query: InboxQuery = { bucket, sort: 'filed', limit: 9 };
      expect(await walk(officers.gasOfficer!, query), bucket).to.deep.equal(
        expected(officers.gasOfficer!, query, 'filed'),
      );
    }
  });

  it('applies each filter, and several at once', async () => {
    const cases: [Partial<InboxQuery>, (r: OracleRow) => boolean][] = [
      [{ publicStatus: 'action_required' }, (r) => r.public_status === 'action_required'],
      [{ publicStatus: ['submitted', 'ready'] }, (r) => ['submitted', 'ready'].includes(r.public_status)],
      [{ state: 'review' }, (r) => r.state === 'review'],
      [{ serviceCode: 'gas.connection' }, (r) => r.service_code === 'gas.connection'],
      [{ agencyCode: ['tax', 'vodokanal'] }, (r) => ['tax', 'vodokanal'].includes(r.agency_code ?? '')],
      [
        { filedFrom: '2026-02-25T00:00:00Z', filedTo: new Date('2026-02-28T00:00:00Z') },
        (r) => r.filed >= '2026-02-25T00:00:00.000000Z' && r.filed < '2026-02-28T00:00:00.000000Z',
      ],
      [{ trackingNumber: 'CHR-2026-0001' }, (r) => r.tracking_number.startsWith('CHR-2026-0001')],
      [{ trackingNumber: 'CHR-2026-000017' }, (r) => r.tracking_number === 'CHR-2026-000017'],
      [{ applicantKey: '33333333333312' }, (r) => r.applicant_key === '33333333333312'],
      [
        { serviceCode: 'tax.certificate', publicStatus: 'in_progress', agencyCode: 'gorgas' },
        (r) =>
          r.service_code === 'tax.certificate' &&
          r.public_status === 'in_progress' &&
          r.agency_code === 'gorgas',
      ],
    ];
    for (const [filters, filter] of cases) {
      for (const bucket of ['all_open', 'closed'] as const) {
        const query: InboxQuery = { bucket, ...filters, limit: 25 };
        const want = expected(officers.supervisor!, query, bucket === 'closed' ? 'filed' : 'due', filter);
        expect(await walk(officers.supervisor!, query), `${bucket} ${JSON.stringify(filters)}`).to.deep.equal(
          want,
        );
      }
    }
    const some = rows.filter((r) => r.applicant_key === '33333333333312');
    expect(some, 'the applicant filed more than once').to.have.length.above(1);
  });

  it('counts every open bucket in line with its list', async () => {
    for (const [name, viewer] of Object.entries(officers)) {
      const counts = await inbox.counts('chirchik', viewer, { dueBefore: DUE_BEFORE });
      expect(Object.keys(counts)).to.deep.equal(INBOX_BUCKETS.filter((b) => b !== 'closed'));
      for (const bucket of INBOX_BUCKETS.filter((b) => b !== 'closed')) {
        const listed = await walk(viewer, { bucket, dueBefore: DUE_BEFORE, limit: 200 });
        expect(counts[bucket as keyof typeof counts], `${name} ${bucket}`).to.equal(listed.length);
      }
    }
  });

  it('describes each inquiry with what a list line needs', async () => {
    const page = await inbox.list('chirchik', officers.front!, {
      bucket: 'all_open',
      trackingNumber: 'CHR-2025-000010',
    });
    const hour = 3_600_000;
    expect(page).to.deep.equal({
      items: [
        {
          id: page.items[0]!.id,
          trackingNumber: 'CHR-2025-000010',
          serviceCode: 'water.connection',
          state: 'review',
          publicStatus: 'in_progress',
          agencyCode: 'tax',
          candidateRole: 'supervisor',
          assigneeId: STAFF['chirchik']![2],
          escalated: false,
          applicantType: 'legal_entity',
          applicantName: 'Firm 10',
          filedAt: new Date(NOW.getTime() - 74 * 60_000), // and a microsecond, which a Date drops
          dueAt: NOW, // and a microsecond
          stateDueAt: new Date(NOW.getTime() + 5 * hour),
          pausedAt: null,
          closedAt: null,
          version: 3,
        },
      ],
      nextCursor: null,
    });
    const person = await inbox.list('chirchik', officers.front!, {
      bucket: 'all_open',
      trackingNumber: 'CHR-2025-000008',
    });
    expect(person.items.map((i) => [i.applicantType, i.applicantName])).to.deep.equal([
      ['individual', 'Karimov8 Aziz Olimovich'],
    ]);
  });

  it("keeps each city's inboxes to its own inquiries", async () => {
    const djizak = viewers('djizak');
    const theirs = await oracleRows(db, 'djizak');
    const all = await walk(djizak.front!, { bucket: 'all_open', limit: 200 }, 'djizak');
    expect(all).to.have.length(theirs.filter((r) => r.open).length);
    const ours = new Set(rows.map((r) => r.id));
    expect(all.filter((id) => ours.has(id))).to.deep.equal([]);
    const page = await inbox.list('djizak', djizak.front!, { bucket: 'closed', limit: 200 });
    expect(page.items.every((i) => i.trackingNumber.startsWith('DJZ-'))).to.equal(true);
    // A Chirchik officer's id finds nothing in Djizak, and a Chirchik tracking number neither.
    expect((await inbox.list('djizak', officers.gasOfficer!, { bucket: 'mine' })).items).to.deep.equal([]);
    expect(
      (await inbox.list('djizak', djizak.front!, { bucket: 'all_open', trackingNumber: 'CHR' })).items,
    ).to.deep.equal([]);
    const counts = await inbox.counts('djizak', officers.gasOfficer!, { dueBefore: DUE_BEFORE });
    expect(counts.mine).to.equal(0);
    expect(counts.all_open).to.equal(all.length);
    expect(await walk(djizak.gasOfficer!, { bucket: 'mine', limit: 200 }, 'djizak')).to.not.be.empty;
  });

  it('lists every problem of an invalid query', async () => {
    const error = await expectCode(
      inbox.list('chirchik', officers.front!, {
        bucket: 'closed',
        sort: 'due',
        limit: 500,
        publicStatus: 'lost' as never,
        filedFrom: '2026-03-01T00:00:00Z',
        filedTo: '2026-02-01T00:00:00Z',
        trackingNumber: 'CHR%',
        applicantKey: '123',
        colour: 'red',
      } as InboxQuery),
      'DARCHA_INBOX_QUERY_INVALID',
    );
    expect(error.kind).to.equal('invalid');
    expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.have.members([
      '/limit',
      '/publicStatus',
      '/trackingNumber',
      '/applicantKey',
      '/colour',
      '/filedTo',
      '/sort',
    ]);
    expect(error.message).to.include('tenant "chirchik"');
    const noHorizon = await expectCode(
      inbox.list('chirchik', officers.front!, { bucket: 'due_soon', dueBefore: new Date(NaN) }),
      'DARCHA_INBOX_QUERY_INVALID',
    );
    expect(noHorizon.details['errors']).to.deep.equal([
      { field: '/dueBefore', message: 'must match format "date-time"' },
    ]);
    await expectCode(
      inbox.list('chirchik', officers.front!, { bucket: 'due_soon' }),
      'DARCHA_INBOX_QUERY_INVALID',
    );
    await expectCode(
      inbox.list('chirchik', officers.front!, { bucket: 'everything' as never }),
      'DARCHA_INBOX_QUERY_INVALID',
    );
  });

  it('refuses a cursor that was altered or made for the other sort', async () => {
    const page = await inbox.list('chirchik', officers.front!, { bucket: 'all_open', limit: 5 });
    const cursor = page.nextCursor!;
    const decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as Record<string, unknown>;
    const forge = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
    const tampered = [
      `${cursor}!`,
      cursor.slice(0, -3),
      'bm90IGpzb24',
      forge([1, 2]),
      forge({ ...decoded, id: "x' or 1=1 --" }),
      forge({ ...decoded, k: '2026-02-30T00:00:00.000000Z' }),
      forge({ ...decoded, k: 17 }),
      forge({ ...decoded, admin: true }),
    ];
    for (const bad of tampered) {
      const error = await expectCode(
        inbox.list('chirchik', officers.front!, { bucket: 'all_open', limit: 5, cursor: bad }),
        'DARCHA_INBOX_CURSOR_INVALID',
      );
      expect(error.kind).to.equal('invalid');
    }
    const other = await expectCode(
      inbox.list('chirchik', officers.front!, { bucket: 'all_open', sort: 'filed', cursor }),
      'DARCHA_INBOX_CURSOR_INVALID',
    );
    expect(other.message).to.include('made for sort "due", not "filed"');
  });

  it('refuses a malformed viewer as a bug of the caller', async () => {
    const error = await expectCode(
      inbox.counts(
        'chirchik',
        { id: 'officer-1', roles: ['Back Office'], agencyCodes: [], actingFor: ['x'] },
        { dueBefore: DUE_BEFORE },
      ),
      'DARCHA_INBOX_VIEWER_INVALID',
    );
    expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.deep.equal([
      '/id',
      '/roles/0',
      '/actingFor/0',
    ]);
    await expectCode(inbox.list('Chirchik!', officers.front!, { bucket: 'mine' }), 'DARCHA_TENANT_INVALID');
  });
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return error as DarchaError;
  }
  return expect.fail(`expected ${code}`);
}
