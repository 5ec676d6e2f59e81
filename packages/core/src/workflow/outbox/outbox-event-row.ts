import type { OutboxEvent, OutboxEventStatus } from './outbox-types.js';

/** A row of `outbox_events` as the `pg` driver returns it (`seq` is a bigint, so a string). */
export interface OutboxEventRow {
  tenant_id: string;
  id: string;
  seq: string;
  type: string;
  inquiry_id: string | null;
  payload: Record<string, unknown>;
  status: OutboxEventStatus;
  attempts: number;
  next_attempt_at: Date;
  locked_until: Date | null;
  delivered_to: string[];
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
}

/** The stored row as the event subscribers and admins see. */
export function toOutboxEvent(row: OutboxEventRow): OutboxEvent {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    type: row.type,
    inquiryId: row.inquiry_id,
    payload: row.payload,
    status: row.status,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    deliveredTo: row.delivered_to,
    createdAt: row.created_at,
    deliveredAt: row.delivered_at,
  };
}
