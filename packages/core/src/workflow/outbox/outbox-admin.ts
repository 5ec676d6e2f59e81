import { appendAudit } from '../../audit/audit-log.js';
import type { Database } from '../../db/database.js';
import type { FieldError } from '../../errors/field-error.js';
import { assertTenantId } from '../../tenancy/tenant-id.js';
import { toOutboxEvent, type OutboxEventRow } from './outbox-event-row.js';
import { outboxErrors } from './outbox.errors.js';
import type { OutboxEvent } from './outbox-types.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Most dead events per page. */
export const DEAD_EVENTS_MAX_LIMIT = 500;

/** A page of dead events: `limit` (default 50, at most 500), after the event of id `after`. */
export interface DeadEventsQuery {
  limit?: number;
  /** The `nextAfter` of the previous page. */
  after?: string;
}

/** One page of events, newest first, and the cursor of the next page (null on the last). */
export interface OutboxEventPage {
  events: OutboxEvent[];
  nextAfter: string | null;
}

/** How much work waits in a tenant's outbox. */
export interface OutboxBacklog {
  pending: number;
  /** Pending and due now: what the dispatcher would take next. */
  due: number;
  delivered: number;
  dead: number;
  /** When the oldest pending event was written, or null when none is pending. */
  oldestPendingAt: Date | null;
  /** `now` minus `oldestPendingAt`, in ms. */
  oldestPendingAgeMs: number | null;
}

/**
 * A tenant's dead events (failed `maxAttempts` times), newest first, a page at a time. The cursor
 * is an event id, so a page stays stable while new events die or old ones are retried.
 */
export async function listDeadEvents(
  db: Database,
  tenantId: string,
  query: DeadEventsQuery = {},
): Promise<OutboxEventPage> {
  assertTenantId(tenantId);
  const limit = query.limit ?? 50;
  const errors: FieldError[] = [];
  if (!Number.isInteger(limit) || limit < 1 || limit > DEAD_EVENTS_MAX_LIMIT) {
    errors.push({ field: 'limit', message: `must be a whole number from 1 to ${DEAD_EVENTS_MAX_LIMIT}` });
  }
  if (query.after !== undefined && !(typeof query.after === 'string' && UUID_PATTERN.test(query.after))) {
    errors.push({ field: 'after', message: 'must be the id (a uuid) of an event' });
  }
  if (errors.length > 0) throw outboxErrors.queryInvalid(tenantId, errors);
  const rows = await db.withTenant(tenantId, async (trx) => {
    const page = trx<OutboxEventRow>('outbox_events')
      .where({ tenant_id: tenantId, status: 'dead' })
      .orderBy([
        { column: 'created_at', order: 'desc' },
        { column: 'seq', order: 'desc' },
      ])
      .limit(limit + 1);
    if (query.after !== undefined) {
      const cursor: { id: string } | undefined = await trx('outbox_events')
        .where({ tenant_id: tenantId, id: query.after })
        .first('id');
      if (!cursor) throw outboxErrors.eventNotFound(tenantId, query.after);
      // Compared in SQL: created_at has microseconds, which a JS Date would lose.
      page.whereRaw(
        '(created_at, seq) < (select c.created_at, c.seq from outbox_events c where c.tenant_id = ? and c.id = ?)',
        [tenantId, query.after],
      );
    }
    return (await page) as OutboxEventRow[];
  });
  const events = rows.slice(0, limit).map(toOutboxEvent);
  return { events, nextAfter: rows.length > limit ? (events.at(-1)?.id ?? null) : null };
}

/**
 * Puts a dead event back in line: pending, due at `now`, attempts back to 0. Subscribers that
 * already had it (`deliveredTo`) are not called again; `lastError` stays until the next attempt.
 * Recorded in the tenant's audit log as `outbox.retry`.
 */
export async function retryDeadEvent(
  db: Database,
  tenantId: string,
  id: string,
  options: { now?: Date; actor?: string } = {},
): Promise<OutboxEvent> {
  assertTenantId(tenantId);
  if (typeof id !== 'string' || !UUID_PATTERN.test(id))
    throw outboxErrors.eventNotFound(tenantId, String(id));
  const row = await db.withTenant(tenantId, async (trx) => {
    const current: Pick<OutboxEventRow, 'status' | 'type' | 'attempts'> | undefined = await trx(
      'outbox_events',
    )
      .where({ tenant_id: tenantId, id })
      .forUpdate()
      .first('status', 'type', 'attempts');
    if (!current) throw outboxErrors.eventNotFound(tenantId, id);
    if (current.status !== 'dead') throw outboxErrors.eventNotDead(tenantId, id, current.status);
    const [updated]: OutboxEventRow[] = await trx('outbox_events')
      .where({ tenant_id: tenantId, id })
      .update({
        status: 'pending',
        attempts: 0,
        next_attempt_at: options.now ?? new Date(),
        locked_until: null,
      })
      .returning('*');
    await appendAudit(trx, tenantId, {
      ...(options.actor === undefined ? {} : { actor: options.actor }),
      action: 'outbox.retry',
      subjectType: 'outbox_event',
      subjectId: id,
      details: { type: current.type, attempts: current.attempts },
    });
    return updated!;
  });
  return toOutboxEvent(row);
}

/** Counts of a tenant's events by status, and the age of its oldest pending one (for `/metrics`). */
export async function outboxBacklog(
  db: Database,
  tenantId: string,
  options: { now?: Date } = {},
): Promise<OutboxBacklog> {
  assertTenantId(tenantId);
  const now = options.now ?? new Date();
  const row = await db.withTenant(tenantId, async (trx) => {
    const result = await trx.raw<{
      rows: {
        pending: string;
        due: string;
        delivered: string;
        dead: string;
        oldest_pending_at: Date | null;
      }[];
    }>(
      `select
         (select count(*) from outbox_events where tenant_id = ? and status = 'pending') as pending,
         (select count(*) from outbox_events
           where tenant_id = ? and status = 'pending' and next_attempt_at <= ?) as due,
         (select count(*) from outbox_events where tenant_id = ? and status = 'delivered') as delivered,
         (select count(*) from outbox_events where tenant_id = ? and status = 'dead') as dead,
         (select min(created_at) from outbox_events where tenant_id = ? and status = 'pending') as oldest_pending_at`,
      [tenantId, tenantId, now, tenantId, tenantId, tenantId],
    );
    return result.rows[0]!;
  });
  const oldest = row.oldest_pending_at;
  return {
    pending: Number(row.pending),
    due: Number(row.due),
    delivered: Number(row.delivered),
    dead: Number(row.dead),
    oldestPendingAt: oldest,
    oldestPendingAgeMs: oldest === null ? null : Math.max(0, now.getTime() - oldest.getTime()),
  };
}
