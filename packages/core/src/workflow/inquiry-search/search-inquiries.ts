import type { Database } from '../../db/database.js';
import { assertTenantId } from '../../tenancy/tenant-id.js';
import { inquiryFromRow, type InquiryRow } from '../inquiry/inquiry-rows.js';
import { inquirySearchInvalid } from './inquiry-search.errors.js';
import {
  parseInquirySearch,
  type InquirySearchPage,
  type InquirySearchQuery,
} from './inquiry-search-query.js';

/**
 * The comment of the latest public history entry, when that entry is a transition: what the
 * applicant's public history shows last. Read through the history's primary key.
 */
const LAST_PUBLIC_COMMENT = `(select case when h.kind = 'transition' then h.comment end
   from inquiry_history h
  where h.tenant_id = inquiries.tenant_id and h.inquiry_id = inquiries.id and h.public
  order by h.seq desc limit 1) as last_public_comment`;

/**
 * Finds a tenant's inquiries by tracking numbers, services, public statuses, channels and a filing window,
 * newest filing first, one page at a time (`offset` and `limit`). Runs in `withTenant`, so
 * row-level security holds; the filing window and the order are served by
 * `inquiries_inbox_filed_idx`. Throws `DARCHA_INQUIRY_SEARCH_INVALID` listing every bad filter.
 *
 * @example
 * const page = await searchInquiries(platform.db, 'chirchik', {
 *   publicStatuses: ['completed', 'rejected'], filedFrom: ninetyDaysAgo, limit: 1000,
 * });
 */
export async function searchInquiries(
  db: Database,
  tenantId: string,
  query: InquirySearchQuery,
): Promise<InquirySearchPage> {
  assertTenantId(tenantId);
  const parsed = parseInquirySearch(query);
  if ('problems' in parsed) throw inquirySearchInvalid(tenantId, parsed.problems);
  const q = parsed.query;
  const rows: (InquiryRow & { last_public_comment: string | null })[] = await db.withTenant(
    tenantId,
    (trx) => {
      const select = trx('inquiries')
        .select('inquiries.*')
        .select(trx.raw(LAST_PUBLIC_COMMENT))
        .where('tenant_id', tenantId);
      if (q.trackingNumbers.length > 0) select.whereIn('tracking_number', q.trackingNumbers);
      if (q.serviceCodes.length > 0) select.whereIn('service_code', q.serviceCodes);
      if (q.publicStatuses.length > 0) select.whereIn('public_status', q.publicStatuses);
      if (q.channels.length > 0) select.whereIn('channel', q.channels);
      if (q.filedFrom) select.where('filed_at', '>=', q.filedFrom);
      if (q.filedUntil) select.where('filed_at', '<=', q.filedUntil);
      return select
        .orderBy([
          { column: 'filed_at', order: 'desc' },
          { column: 'id', order: 'desc' },
        ])
        .offset(q.offset)
        .limit(q.limit + 1);
    },
  );
  const page = rows.slice(0, q.limit);
  return {
    items: page.map((row) => ({ inquiry: inquiryFromRow(row), lastPublicComment: row.last_public_comment })),
    hasMore: rows.length > q.limit,
  };
}
