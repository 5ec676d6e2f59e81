import type { Knex } from 'knex';
import type { TenantTransaction } from '../../db/types.js';
import { bucketCondition, type BucketClock } from './inbox-buckets.js';
import { INBOX_BUCKETS } from './inbox-query.js';
import type { InboxCounts, InboxViewer } from './types.js';

/** The buckets counted: every open one. */
export const COUNTED_BUCKETS = INBOX_BUCKETS.filter((b) => b !== 'closed') as (keyof InboxCounts)[];

/**
 * One statement that sizes every open bucket: a single pass over the tenant's open inquiries with
 * `count(*) filter (where <bucket>)` per bucket, the same conditions the lists use. Each count comes
 * back as a bigint column named after its bucket. Run it inside `withTenant`.
 */
export function inboxCountsQuery(
  trx: TenantTransaction,
  tenantId: string,
  viewer: InboxViewer,
  clock: BucketClock,
): Knex.QueryBuilder {
  const q = trx('inquiries').where('tenant_id', tenantId).whereNull('closed_at');
  for (const bucket of COUNTED_BUCKETS) {
    const condition = bucketCondition(bucket, viewer, clock);
    q.select(trx.raw(`count(*) filter (where ${condition.sql}) as ??`, [...condition.bindings, bucket]));
  }
  return q;
}
