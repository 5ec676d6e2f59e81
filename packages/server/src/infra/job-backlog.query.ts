import type { Platform } from '@darcha/core';

/** Work waiting in the background jobs, summed over the active tenants. */
export interface JobBacklog {
  /** Outbox events not yet delivered (including those waiting for a retry). */
  outboxPending: number;
  /** Outbox events that failed every attempt and wait for an operator. */
  outboxDead: number;
  /** Age of the oldest timer that is due and not fired, in seconds; 0 when none is overdue. */
  timerLagSeconds: number;
}

/**
 * Reads the job backlog with one small query per active tenant, each answered from the partial
 * indexes on pending and dead rows (`outbox_events_due_idx`, `outbox_events_dead_idx`,
 * `inquiry_timers_due_idx`); core's `outboxBacklog` also counts delivered events, which grow
 * without bound, so it is too heavy to run on every scrape.
 */
export async function readJobBacklog(platform: Platform, now: Date = new Date()): Promise<JobBacklog> {
  const backlog: JobBacklog = { outboxPending: 0, outboxDead: 0, timerLagSeconds: 0 };
  for (const tenant of await platform.tenants.list({ status: 'active' })) {
    const row = await platform.db.withTenant(tenant.id, async (trx) => {
      const result = await trx.raw<{
        rows: { pending: string; dead: string; oldest_due: Date | null }[];
      }>(
        `select
           (select count(*) from outbox_events where tenant_id = ? and status = 'pending') as pending,
           (select count(*) from outbox_events where tenant_id = ? and status = 'dead') as dead,
           (select min(fire_at) from inquiry_timers
             where tenant_id = ? and status = 'pending' and fire_at <= ?) as oldest_due`,
        [tenant.id, tenant.id, tenant.id, now],
      );
      return result.rows[0]!;
    });
    backlog.outboxPending += Number(row.pending);
    backlog.outboxDead += Number(row.dead);
    if (row.oldest_due !== null) {
      const lag = Math.max(0, (now.getTime() - new Date(row.oldest_due).getTime()) / 1000);
      backlog.timerLagSeconds = Math.max(backlog.timerLagSeconds, lag);
    }
  }
  return backlog;
}
