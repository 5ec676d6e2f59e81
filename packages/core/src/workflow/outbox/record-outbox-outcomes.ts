import type { TenantTransaction } from '../../db/types.js';
import type { OutboxEventUpdate } from './outbox-outcome.js';

/**
 * Writes the outcome of a claimed batch in one statement, in the caller's `withTenant` transaction,
 * and frees the lease. Only rows still pending and still under this dispatcher's lease
 * (`locked_until = leaseUntil`) change: if the lease ran out and another dispatcher re-claimed an
 * event, its outcome wins. Resolves with the ids that were written; the others lost their lease.
 */
export async function recordOutboxOutcomes(
  trx: TenantTransaction,
  tenantId: string,
  leaseUntil: Date,
  updates: readonly OutboxEventUpdate[],
): Promise<Set<string>> {
  if (updates.length === 0) return new Set();
  const result = await trx.raw<{ rows: { id: string }[] }>(
    `update outbox_events o
        set status = r.status,
            attempts = r.attempts,
            delivered_to = r.delivered_to,
            last_error = r.last_error,
            next_attempt_at = r.next_attempt_at,
            delivered_at = r.delivered_at,
            locked_until = null
       from jsonb_to_recordset(cast(? as jsonb)) as r(
              id uuid, status text, attempts int, delivered_to jsonb, last_error text,
              next_attempt_at timestamptz, delivered_at timestamptz)
      where o.tenant_id = ? and o.id = r.id and o.status = 'pending' and o.locked_until = ?
     returning o.id`,
    [JSON.stringify(updates), tenantId, leaseUntil],
  );
  return new Set(result.rows.map((row) => row.id));
}
