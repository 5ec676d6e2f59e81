import { expect } from 'chai';
import type { Knex } from 'knex';
import type { Database } from '../../../src/db/database.js';
import { openTestDatabase } from '../../../src/db/testing.js';
import { inboxCountsQuery } from '../../../src/workflow/inbox/inbox-counts-query.js';
import { inboxListQuery } from '../../../src/workflow/inbox/inbox-list-query.js';
import {
  INBOX_BUCKETS,
  parseInboxQuery,
  type InboxBucket,
  type InboxQuery,
} from '../../../src/workflow/inbox/inbox-query.js';
import type { InboxViewer } from '../../../src/workflow/inbox/types.js';
import { DUE_BEFORE, NOW, seedInbox, viewers } from './inbox-fixtures.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/** The index each bucket's default page should be read through. */
const EXPECTED: Record<InboxBucket, string> = {
  role: 'inquiries_inbox_role_idx',
  mine: 'inquiries_inbox_assignee_idx',
  agency: 'inquiries_inbox_agency_idx',
  due_soon: 'inquiries_inbox_open_idx',
  overdue: 'inquiries_inbox_open_idx',
  escalated: 'inquiries_inbox_escalated_idx',
  all_open: 'inquiries_inbox_open_idx',
  closed: 'inquiries_inbox_filed_idx',
};
/** Where a second page of each bucket would start, somewhere inside the bucket's rows. */
const LATER_PAGE: Record<InboxBucket, string> = {
  role: '2026-03-02T09:00:00.000000Z',
  mine: '2026-03-02T09:00:00.000000Z',
  agency: '2026-03-02T09:00:00.000000Z',
  due_soon: '2026-03-02T07:00:00.000000Z',
  overdue: '2026-03-01T22:00:00.000000Z',
  escalated: '2026-03-02T09:00:00.000000Z',
  all_open: '2026-03-02T09:00:00.000000Z',
  closed: '2026-02-28T00:00:00.000000Z',
};
const OURS = new Set([...Object.values(EXPECTED), 'inquiries_tracking_prefix_idx']);

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Plans?: PlanNode[];
}

/** Every node of a plan, depth first. */
function nodesOf(node: PlanNode): PlanNode[] {
  return [node, ...(node.Plans ?? []).flatMap(nodesOf)];
}

/** Every index a plan reads, by (bitmap) index scan or index-only scan. */
function indexesIn(plan: PlanNode): string[] {
  return nodesOf(plan).flatMap((n) => (n['Index Name'] ? [n['Index Name']] : []));
}

describe(`inbox query plans (${engine})`, () => {
  let db: Database;
  // One role, one agency, no delegation: the common officer, whose queues are single index ranges.
  const officer: InboxViewer = { ...viewers().gasOfficer!, roles: ['back_office'], actingFor: [] };

  before(async () => {
    db = await openTestDatabase();
    await seedInbox(db);
    // Statistics need the table's owner, which is who runs migrations.
    await db.migrate('inbox_plans_test', [
      { name: '0001_analyze', up: (knex) => knex.raw('analyze inquiries') },
    ]);
  });
  after(() => db.close());

  /** The plan of a statement, inside `withTenant` (so under RLS) with sequential scans priced out. */
  async function explain(build: (trx: Knex.Transaction) => Knex.QueryBuilder): Promise<PlanNode> {
    return db.withTenant('chirchik', async (trx) => {
      await trx.raw('set local enable_seqscan = off');
      const { sql, bindings } = build(trx).toSQL();
      const result = await trx.raw<{ rows: { 'QUERY PLAN': [{ Plan: PlanNode }] }[] }>(
        `explain (format json) ${sql}`,
        bindings,
      );
      return result.rows[0]!['QUERY PLAN'][0].Plan;
    });
  }

  function listPlan(
    query: InboxQuery,
    cursor: { key: string | null; id: string } | null = null,
    viewer = officer,
  ): Promise<PlanNode> {
    const parsed = parseInboxQuery(query);
    if ('problems' in parsed) throw new Error(JSON.stringify(parsed.problems));
    const at = cursor && { sort: parsed.query.sort, ...cursor };
    return explain((trx) => inboxListQuery(trx, 'chirchik', viewer, parsed.query, at, NOW));
  }

  /** The first column of each index, by name. */
  async function leadingColumns(): Promise<Map<string, string>> {
    const rows = await db.withHost(async (trx) => {
      const result = await trx.raw<{ rows: { name: string; first: string }[] }>(
        `select i.relname as name, a.attname as first
           from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
           join pg_attribute a on a.attrelid = t.oid and a.attnum = x.indkey[0]
          where t.relname = 'inquiries'`,
      );
      return result.rows;
    });
    return new Map(rows.map((r) => [r.name, r.first]));
  }

  it('every inbox index leads with tenant_id, and migration 0012 made seven of them', async () => {
    const leading = await leadingColumns();
    expect([...OURS].filter((name) => leading.get(name) === 'tenant_id')).to.have.members([...OURS]);
    expect(OURS.size).to.equal(7);
  });

  for (const bucket of INBOX_BUCKETS) {
    it(`reads bucket ${bucket} through ${EXPECTED[bucket]}, and starts a later page at its cursor`, async () => {
      const query: InboxQuery = { bucket, dueBefore: DUE_BEFORE };
      const first = await listPlan(query);
      expect(indexesIn(first), JSON.stringify(first)).to.deep.equal([EXPECTED[bucket]]);
      const later = await listPlan(query, {
        key: LATER_PAGE[bucket],
        id: '00000000-0000-4000-8000-000000000000',
      });
      const scans = nodesOf(later).filter((n) => n['Index Name'] !== undefined);
      expect(
        scans.map((n) => n['Index Name']),
        JSON.stringify(later),
      ).to.deep.equal([EXPECTED[bucket]]);
      // The keyset is an index condition: the scan begins at the cursor instead of filtering up to it.
      expect(scans[0]!['Index Cond']).to.match(/ROW\(.*\) [<>] ROW\(/);
    });
  }

  it('finds tracking-number prefixes through the pattern index, whatever the collation', async () => {
    const used = indexesIn(await listPlan({ bucket: 'closed', trackingNumber: 'CHR-2026-0001' }));
    expect(used).to.include('inquiries_tracking_prefix_idx');
  });

  it('reads every bucket of an officer with several roles, agencies and delegations through our indexes', async () => {
    for (const bucket of INBOX_BUCKETS) {
      const used = indexesIn(await listPlan({ bucket, dueBefore: DUE_BEFORE }, null, viewers().gasOfficer!));
      expect(used, bucket).to.not.be.empty;
      expect(
        used.every((name) => OURS.has(name)),
        `${bucket}: ${used.join(', ')}`,
      ).to.equal(true);
    }
  });

  it('counts every bucket in one pass over an index that leads with tenant_id', async () => {
    const plan = await explain((trx) =>
      inboxCountsQuery(trx, 'chirchik', viewers().gasOfficer!, { now: NOW, dueBefore: DUE_BEFORE }),
    );
    expect(plan['Node Type']).to.equal('Aggregate');
    const used = indexesIn(plan);
    const leading = await leadingColumns();
    expect(used).to.have.length(1);
    expect(leading.get(used[0]!)).to.equal('tenant_id');
  });
});
