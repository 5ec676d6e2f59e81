import type { Database } from '../../db/database.js';
import { assertTenantId } from '../../tenancy/tenant-id.js';
import { inboxCountsQuery, COUNTED_BUCKETS } from './inbox-counts-query.js';
import { decodeInboxCursor, encodeInboxCursor, type InboxCursor } from './inbox-cursor.js';
import { inboxCursorInvalid, inboxQueryInvalid, inboxViewerInvalid } from './inbox.errors.js';
import { inboxListQuery } from './inbox-list-query.js';
import { parseInboxQuery, type InboxQuery } from './inbox-query.js';
import { inboxViewerProblems } from './inbox-viewer.js';
import { summaryFromRow, type InquirySummaryRow } from './inquiry-summary.js';
import type { Inbox, InboxCountOptions, InboxCounts, InboxPage, InboxViewer } from './types.js';

export interface PostgresInboxOptions {
  db: Database;
  /** What time it is, for `overdue` and `due_soon`; the system clock by default. */
  clock?: () => Date;
}

/**
 * Staff inboxes over the tenant table `inquiries`, read in `withTenant` (so row-level security
 * holds) through the indexes of migration `0012_inbox_indexes`. Pages are keyset-paginated: a
 * cursor resumes after the last row's sort key and id, so rows that tie on the due date are neither
 * repeated nor skipped, and a page costs the same wherever it is in the list.
 *
 * The inbox does not authorise: it shows `role`, `mine` and `agency` as the viewer's own, and the
 * tenant-wide buckets to whoever the caller lets through.
 */
export class PostgresInbox implements Inbox {
  readonly #db: Database;
  readonly #clock: () => Date;

  constructor(options: PostgresInboxOptions) {
    this.#db = options.db;
    this.#clock = options.clock ?? (() => new Date());
  }

  async list(tenantId: string, viewer: InboxViewer, query: InboxQuery): Promise<InboxPage> {
    assertTenantId(tenantId);
    this.#checkViewer(tenantId, viewer);
    const parsed = parseInboxQuery(query);
    if ('problems' in parsed) throw inboxQueryInvalid(tenantId, parsed.problems);
    let cursor: InboxCursor | null = null;
    if (parsed.query.cursor !== null) {
      const decoded = decodeInboxCursor(parsed.query.cursor, parsed.query.sort);
      if (typeof decoded === 'string') throw inboxCursorInvalid(tenantId, decoded);
      cursor = decoded;
    }
    const now = this.#clock();
    const rows: (InquirySummaryRow & { sort_key: string | null })[] = await this.#db.withTenant(
      tenantId,
      (trx) => inboxListQuery(trx, tenantId, viewer, parsed.query, cursor, now),
    );
    const more = rows.length > parsed.query.limit;
    const page = more ? rows.slice(0, parsed.query.limit) : rows;
    const last = page.at(-1);
    return {
      items: page.map(summaryFromRow),
      nextCursor:
        more && last ? encodeInboxCursor({ sort: parsed.query.sort, key: last.sort_key, id: last.id }) : null,
    };
  }

  async counts(tenantId: string, viewer: InboxViewer, options: InboxCountOptions): Promise<InboxCounts> {
    assertTenantId(tenantId);
    this.#checkViewer(tenantId, viewer);
    const dueBefore = options?.dueBefore;
    if (!(dueBefore instanceof Date) || Number.isNaN(dueBefore.getTime())) {
      throw inboxQueryInvalid(tenantId, [{ field: '/dueBefore', message: 'must be a valid Date' }]);
    }
    const agencyCodes = options.agencyCodes;
    if (
      agencyCodes !== undefined &&
      (!Array.isArray(agencyCodes) || agencyCodes.some((c) => typeof c !== 'string' || c.length === 0))
    ) {
      throw inboxQueryInvalid(tenantId, [
        { field: '/agencyCodes', message: 'must be a list of agency codes' },
      ]);
    }
    const now = this.#clock();
    const row: Record<string, string | number> = await this.#db.withTenant(tenantId, (trx) => {
      const query = inboxCountsQuery(trx, tenantId, viewer, { now, dueBefore });
      if (agencyCodes !== undefined) query.whereIn('agency_code', [...agencyCodes]);
      return query.first();
    });
    return Object.fromEntries(COUNTED_BUCKETS.map((b) => [b, Number(row[b])])) as InboxCounts;
  }

  #checkViewer(tenantId: string, viewer: InboxViewer): void {
    const problems = inboxViewerProblems(viewer);
    if (problems.length > 0) throw inboxViewerInvalid(tenantId, problems);
  }
}
