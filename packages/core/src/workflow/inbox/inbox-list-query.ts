import type { Knex } from 'knex';
import type { TenantTransaction } from '../../db/types.js';
import { bucketCondition, DUE_KEY } from './inbox-buckets.js';
import type { InboxCursor } from './inbox-cursor.js';
import type { InboxSort, ParsedInboxQuery } from './inbox-query.js';
import { APPLICANT_NAME, SUMMARY_COLUMNS } from './inquiry-summary.js';
import type { InboxViewer } from './types.js';

/** An instant as the database holds it, in UTC with microseconds: the cursor keeps it verbatim. */
const asKey = (column: string): string =>
  `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** How each sort orders rows, which column its cursor key comes from, and how a page resumes. */
const SORTS: Record<InboxSort, { orderBy: string; key: string; after: string }> = {
  due: {
    orderBy: `${DUE_KEY}, id`,
    key: asKey('due_at'),
    after: `(${DUE_KEY}, id) > (?::timestamptz, ?::uuid)`,
  },
  filed: {
    orderBy: 'filed_at desc, id desc',
    key: asKey('filed_at'),
    after: '(filed_at, id) < (?::timestamptz, ?::uuid)',
  },
};

/**
 * A tracking-number prefix as a byte range, `[prefix, prefix with its last character's successor)`,
 * served by `inquiries_tracking_prefix_idx`. Not `like 'prefix%'`: under row-level security only
 * leakproof operators may become index conditions, and `like` is not one.
 */
const PREFIX_RANGE = 'tracking_number ~>=~ ? and tracking_number ~<~ ?';

function prefixRange(prefix: string): [string, string] {
  // The query pattern admits ASCII letters, digits and dashes only, so the successor is one byte up.
  const next = String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  return [prefix, prefix.slice(0, -1) + next];
}

/**
 * The statement behind one inbox page: the bucket's condition, the filters, the keyset after the
 * cursor, the sort, and one row more than the limit (to know whether another page follows). Each
 * row carries `sort_key`, the text of its sort key for the next cursor. Run it inside `withTenant`.
 */
export function inboxListQuery(
  trx: TenantTransaction,
  tenantId: string,
  viewer: InboxViewer,
  query: ParsedInboxQuery,
  cursor: InboxCursor | null,
  now: Date,
): Knex.QueryBuilder {
  const sort = SORTS[query.sort];
  const bucket = bucketCondition(query.bucket, viewer, { now, dueBefore: query.dueBefore ?? now });
  const q = trx('inquiries')
    .select([...SUMMARY_COLUMNS])
    .select(trx.raw(`${APPLICANT_NAME} as applicant_name`))
    .select(trx.raw(`${sort.key} as sort_key`))
    .where('tenant_id', tenantId)
    .whereRaw(bucket.sql, bucket.bindings);
  if (query.publicStatus.length > 0) q.whereIn('public_status', query.publicStatus);
  if (query.state.length > 0) q.whereIn('state', query.state);
  if (query.serviceCode.length > 0) q.whereIn('service_code', query.serviceCode);
  if (query.agencyCode.length > 0) q.whereIn('agency_code', query.agencyCode);
  if (query.filedFrom) q.where('filed_at', '>=', query.filedFrom);
  if (query.filedTo) q.where('filed_at', '<', query.filedTo);
  if (query.trackingNumber) q.whereRaw(PREFIX_RANGE, prefixRange(query.trackingNumber));
  if (query.applicantKey) q.where('applicant_key', query.applicantKey);
  if (cursor) q.whereRaw(sort.after, [cursor.key ?? 'infinity', cursor.id]);
  return q.orderByRaw(sort.orderBy).limit(query.limit + 1);
}
