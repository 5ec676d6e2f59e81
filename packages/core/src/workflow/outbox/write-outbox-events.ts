import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { TenantTransaction } from '../../db/types.js';
import type { FieldError } from '../../errors/field-error.js';
import { assertTenantId } from '../../tenancy/tenant-id.js';
import { outboxErrors } from './outbox.errors.js';
import { OUTBOX_EVENT_TYPE_PATTERN, type NewOutboxEvent } from './outbox-types.js';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TYPE_MAX_LENGTH = 100;

/**
 * Writes events into the tenant's outbox inside the caller's `withTenant` transaction, in one
 * statement; they become visible to the dispatcher only when that transaction commits, and vanish
 * with it when it rolls back. Resolves with the new events' ids, in the order given. Call
 * `OutboxDispatcher.wake()` after the commit so they go out at once instead of at the next poll.
 *
 * @example
 * await db.withTenant('chirchik', async (trx) => {
 *   await trx('inquiries').update(...);
 *   await writeOutboxEvents(trx, 'chirchik', [
 *     { type: 'inquiry.transitioned', inquiryId: id, payload: { inquiryId: id, from: 'review', to: 'ready' } },
 *   ]);
 * });
 * dispatcher.wake();
 */
export async function writeOutboxEvents(
  trx: TenantTransaction,
  tenantId: string,
  events: readonly NewOutboxEvent[],
): Promise<string[]> {
  if (events.length === 0) return [];
  const { query, ids } = outboxInsertQuery(trx, tenantId, events);
  await query;
  return ids;
}

/**
 * The insert of {@link writeOutboxEvents} as a knex query builder, not yet run, so the engine can
 * put it in a CTE of a larger statement (`trx.with('events', query)...`). The ids are made here,
 * so they are known before the statement runs. At least one event is required.
 */
export function outboxInsertQuery(
  trx: TenantTransaction | Knex,
  tenantId: string,
  events: readonly NewOutboxEvent[],
): { query: Knex.QueryBuilder; ids: string[] } {
  assertTenantId(tenantId);
  const errors = eventProblems(events);
  if (errors.length > 0) throw outboxErrors.eventInvalid(tenantId, errors);
  const ids = events.map(() => randomUUID());
  const rows = events.map((event, i) => ({
    tenant_id: tenantId,
    id: ids[i],
    type: event.type,
    inquiry_id: event.inquiryId ?? null,
    payload: JSON.stringify(event.payload),
  }));
  return { query: trx('outbox_events').insert(rows), ids };
}

/** Every problem of a list of events, by index: `/0/type`, `/2/payload`. */
function eventProblems(events: readonly NewOutboxEvent[]): FieldError[] {
  if (events.length === 0) return [{ field: '/', message: 'must hold at least one event' }];
  const errors: FieldError[] = [];
  events.forEach((event, i) => {
    const { type, inquiryId, payload } = (event ?? {}) as Partial<NewOutboxEvent>;
    if (typeof type !== 'string' || type.length > TYPE_MAX_LENGTH || !OUTBOX_EVENT_TYPE_PATTERN.test(type)) {
      errors.push({
        field: `/${i}/type`,
        message: `must be dotted lowercase slugs of at most ${TYPE_MAX_LENGTH} characters, like "inquiry.filed"`,
      });
    }
    if (
      inquiryId !== undefined &&
      inquiryId !== null &&
      !(typeof inquiryId === 'string' && UUID_PATTERN.test(inquiryId))
    ) {
      errors.push({ field: `/${i}/inquiryId`, message: 'must be a uuid' });
    }
    if (!isJsonObject(payload)) {
      errors.push({
        field: `/${i}/payload`,
        message: 'must be a JSON object (not an array, null or a cyclic value)',
      });
    }
  });
  return errors;
}

function isJsonObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}
