import type { Knex } from 'knex';
import type { TenantTransaction } from '../../db/types.js';
import type { InquiryRow } from '../inquiry/inquiry-rows.js';
import type { HistoryKind } from '../inquiry/types.js';
import type { PlannedTimer } from './schedule.js';
import { FINAL, PREPARED } from '../../db/session-client.js';

/** Columns of `inquiries` a change may set (besides `version` and `updated_at`). */
export interface InquiryChanges {
  workflow_version?: number;
  state?: string;
  public_status?: string;
  candidate_role?: string | null;
  assignee_id?: string | null;
  escalated?: boolean;
  state_entered_at?: Date;
  due_at?: Date | null;
  state_due_at?: Date | null;
  state_breached_at?: Date | null;
  overall_breached_at?: Date | null;
  paused_at?: Date | null;
  closed_at?: Date | null;
}

const CHANGEABLE: readonly (keyof InquiryChanges)[] = [
  'workflow_version',
  'state',
  'public_status',
  'candidate_role',
  'assignee_id',
  'escalated',
  'state_entered_at',
  'due_at',
  'state_due_at',
  'state_breached_at',
  'overall_breached_at',
  'paused_at',
  'closed_at',
];

/** The history entry a change appends. */
export interface HistoryInput {
  kind: HistoryKind;
  action: string | null;
  fromState: string | null;
  toState: string;
  workflowVersion: number;
  actorId: string;
  actorRole: string;
  onBehalfOf: string | null;
  comment: string | null;
  documents: readonly string[];
  public: boolean;
  details: Record<string, unknown>;
}

/** An outbox event a change writes. */
export interface EventInput {
  type: string;
  payload: Record<string, unknown>;
}

export interface ChangeInput {
  tenantId: string;
  inquiryId: string;
  expectedVersion: number;
  at: Date;
  changes: InquiryChanges;
  history: HistoryInput;
  /** The inquiry's timers after the change; its pending timers are replaced by these. */
  timers: readonly PlannedTimer[];
  events: readonly EventInput[];
}

/**
 * Applies one change to an inquiry in ONE statement: the update guarded by the expected version
 * (`version = version + 1`), the history entry numbered with the new version, the inquiry's pending
 * timers replaced by timers set for the new version, and the outbox events. Every part hangs off
 * the update's `RETURNING`, so when the version is stale nothing at all is written and the result
 * is undefined.
 */
export async function applyChange(
  trx: TenantTransaction,
  input: ChangeInput,
  options: { final?: boolean } = {},
): Promise<InquiryRow | undefined> {
  const sets: string[] = [];
  const values: Knex.Value[] = [];
  for (const column of CHANGEABLE) {
    if (!Object.hasOwn(input.changes, column)) continue;
    sets.push(`${column} = ?`);
    values.push(input.changes[column] ?? null);
  }
  const h = input.history;
  const timers = input.timers.map((t) => ({
    kind: t.kind,
    fire_at: t.fireAt.toISOString(),
    reaction: t.reaction,
  }));
  const events = input.events.map((e) => ({ type: e.type, payload: e.payload }));
  const result = await trx
    .raw<{ rows: InquiryRow[] }>(
      `with u as (
       update inquiries set ${[...sets, 'version = version + 1', 'updated_at = ?'].join(', ')}
       where tenant_id = ? and id = ? and version = ?
       returning *
     ), h as (
       insert into inquiry_history (tenant_id, inquiry_id, seq, at, kind, action, from_state, to_state,
         workflow_version, actor_id, actor_role, on_behalf_of, comment, documents, public, details)
       select u.tenant_id, u.id, u.version, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb from u
     ), d as (
       delete from inquiry_timers
       where tenant_id = ? and inquiry_id = ? and status = 'pending' and exists (select 1 from u)
     ), t as (
       insert into inquiry_timers (tenant_id, inquiry_id, kind, fire_at, inquiry_version, reaction)
       select u.tenant_id, u.id, x.kind, x.fire_at, u.version, x.reaction
       from u, jsonb_to_recordset(?::jsonb) as x(kind text, fire_at timestamptz, reaction jsonb)
     ), o as (
       insert into outbox_events (tenant_id, type, inquiry_id, payload, created_at, next_attempt_at)
       select u.tenant_id, x.type, u.id, x.payload, ?, ?
       from u, jsonb_to_recordset(?::jsonb) as x(type text, payload jsonb)
     )
     select * from u`,
      [
        ...values,
        input.at,
        input.tenantId,
        input.inquiryId,
        input.expectedVersion,
        input.at,
        h.kind,
        h.action,
        h.fromState,
        h.toState,
        h.workflowVersion,
        h.actorId,
        h.actorRole,
        h.onBehalfOf,
        h.comment,
        JSON.stringify(h.documents),
        h.public,
        JSON.stringify(h.details),
        input.tenantId,
        input.inquiryId,
        JSON.stringify(timers),
        input.at,
        input.at,
        JSON.stringify(events),
      ],
    )
    .options(PREPARED)
    .options(options.final ? FINAL : {}); // nothing follows it in the transaction (see FINAL)
  return result.rows[0];
}
