import type { Database } from '../db/database.js';

/**
 * How long finished rows are kept before the maintenance job deletes them. Only rows that no
 * longer do anything are pruned: history, audit, inquiries, payments and documents are never
 * touched.
 */
export interface RetentionPolicy {
  /** Outbox events delivered to every subscriber (dead letters stay until an admin acts). */
  deliveredEventsDays: number;
  /** Timers that fired or were skipped. */
  finishedTimersDays: number;
  /** Idempotency keys: a retry later than this is a new request. */
  idempotencyKeysDays: number;
  /** Sessions of staff and platform users, counted from when they expired or were revoked. */
  endedSessionsDays: number;
  /** Phone codes, counted from when they expired. */
  phoneChallengesDays: number;
}

/** The defaults: a week of delivered events and retries, a month of timers, a day of ended sessions. */
export const DEFAULT_RETENTION: Readonly<RetentionPolicy> = Object.freeze({
  deliveredEventsDays: 7,
  finishedTimersDays: 30,
  idempotencyKeysDays: 7,
  endedSessionsDays: 1,
  phoneChallengesDays: 1,
});

/** Rows deleted per table by one pass. */
export type PrunedCounts = Record<
  'outboxEvents' | 'timers' | 'idempotencyKeys' | 'staffSessions' | 'phoneChallenges',
  number
>;

const DAY_MS = 86_400_000;

/** At most this many rows of one table per statement, so a first pass over a big backlog stays short. */
export const PRUNE_BATCH = 5_000;

/**
 * Deletes one tenant's finished rows older than the policy allows, one bounded statement per table
 * (under `withTenant`: row-level security holds). Call it again while a count equals
 * {@link PRUNE_BATCH} to work down a backlog.
 */
export async function pruneTenant(
  db: Database,
  tenantId: string,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<PrunedCounts> {
  const before = (days: number) => new Date(now.getTime() - days * DAY_MS);
  return db.withTenant(tenantId, async (trx) => {
    const prune = async (table: string, where: string, cutoff: Date): Promise<number> => {
      const cutoffs = Array.from({ length: where.split('?').length - 1 }, () => cutoff);
      const result = await trx.raw(
        `delete from ?? where tenant_id = ? and ctid = any(array(
           select ctid from ?? where tenant_id = ? and (${where}) limit ${PRUNE_BATCH}))`,
        [table, tenantId, table, tenantId, ...cutoffs],
      );
      return (result as { rowCount?: number }).rowCount ?? 0;
    };
    return {
      outboxEvents: await prune(
        'outbox_events',
        `status = 'delivered' and delivered_at < ?`,
        before(policy.deliveredEventsDays),
      ),
      timers: await prune(
        'inquiry_timers',
        `status <> 'pending' and fired_at < ?`,
        before(policy.finishedTimersDays),
      ),
      idempotencyKeys: await prune('idempotency_keys', `created_at < ?`, before(policy.idempotencyKeysDays)),
      staffSessions: await prune(
        'staff_sessions',
        `expires_at < ? or revoked_at < ?`,
        before(policy.endedSessionsDays),
      ),
      phoneChallenges: await prune('phone_challenges', `expires_at < ?`, before(policy.phoneChallengesDays)),
    };
  });
}

/** Deletes platform users' sessions that expired longer ago than the policy allows (a host table). */
export async function pruneHost(
  db: Database,
  now: Date,
  policy: RetentionPolicy = DEFAULT_RETENTION,
): Promise<number> {
  const cutoff = new Date(now.getTime() - policy.endedSessionsDays * DAY_MS);
  return db.withHost(async (trx) => {
    const result = await trx.raw(
      `delete from platform_sessions where id = any(array(
         select id from platform_sessions where expires_at < ? or revoked_at < ? limit ${PRUNE_BATCH}))`,
      [cutoff, cutoff],
    );
    return (result as { rowCount?: number }).rowCount ?? 0;
  });
}
