import type { TenantTransaction } from '../../db/types.js';
import type { OutboxEventRow } from './outbox-event-row.js';

/** Which events to claim and for how long. */
export interface ClaimOutboxEventsInput {
  /** The dispatcher's clock: events due by now, leases expired by now. */
  now: Date;
  /** The lease: no other dispatcher takes the events before this instant. */
  leaseUntil: Date;
  limit: number;
}

/**
 * Leases up to `limit` due events of one tenant, in the caller's `withTenant` transaction: pending,
 * due (`next_attempt_at <= now`), and not leased or leased until before now (a dispatcher that
 * crashed). Rows another transaction is claiming are skipped (`FOR UPDATE SKIP LOCKED`), so
 * dispatchers in any number of processes split the work; the lease keeps the events theirs after
 * the claim commits, while they are delivered outside any transaction. Oldest first by
 * `(next_attempt_at, seq)`; `leaseUntil` doubles as the fencing token for recording the outcome.
 */
export async function claimOutboxEvents(
  trx: TenantTransaction,
  tenantId: string,
  input: ClaimOutboxEventsInput,
): Promise<OutboxEventRow[]> {
  const result = await trx.raw<{ rows: OutboxEventRow[] }>(
    `with due as materialized (
       select tenant_id, id from outbox_events
        where tenant_id = ? and status = 'pending' and next_attempt_at <= ?
          and (locked_until is null or locked_until < ?)
        order by next_attempt_at, seq
        limit ?
        for update skip locked
     )
     update outbox_events o set locked_until = ?
       from due
      where o.tenant_id = ? and o.tenant_id = due.tenant_id and o.id = due.id
     returning o.*`,
    [tenantId, input.now, input.now, input.limit, input.leaseUntil, tenantId],
  );
  return result.rows.sort(byDueThenSeq);
}

function byDueThenSeq(a: OutboxEventRow, b: OutboxEventRow): number {
  const due = a.next_attempt_at.getTime() - b.next_attempt_at.getTime();
  if (due !== 0) return due;
  const seqA = BigInt(a.seq);
  const seqB = BigInt(b.seq);
  return seqA < seqB ? -1 : seqA > seqB ? 1 : 0;
}
