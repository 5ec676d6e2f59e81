import type { TenantTransaction } from '../../db/types.js';
import type { InquiryRow } from '../inquiry/inquiry-rows.js';
import type { Applicant, InquiryKind } from '../inquiry/types.js';
import type { EventInput, HistoryInput } from './apply-change.js';
import type { InquiryClock, PlannedTimer } from './schedule.js';
import { FINAL, PREPARED } from '../../db/session-client.js';

/** Everything a new inquiry row holds, besides its tracking number and id. */
export interface NewInquiry {
  tenantId: string;
  trackingPrefix: string;
  year: number;
  kind: InquiryKind;
  serviceCode: string;
  serviceVersion: number;
  workflowKey: string;
  workflowVersion: number;
  parentId: string | null;
  applicant: Applicant;
  applicantKey: string;
  locale: string;
  formData: Record<string, unknown>;
  channel: string;
  agencyCode: string | null;
  publicStatus: string;
  candidateRole: string | null;
  assigneeId: string | null;
  filedAt: Date;
  filedBy: string;
  overallSla: { unit: string; value: number } | null;
  clock: InquiryClock;
  history: Omit<HistoryInput, 'workflowVersion'>;
  timers: readonly PlannedTimer[];
  /** Events to write; `inquiryId` and `trackingNumber` are added to each payload. */
  events: readonly EventInput[];
}

/**
 * Files an inquiry in ONE statement: the tenant's counter for the prefix and year is incremented
 * (its row lock serialises concurrent filings, and a rollback undoes the increment, so numbers have
 * no gaps), the inquiry is inserted with the next number, and its first history entry, timers and
 * outbox events are written with it. `final`: nothing follows it in the transaction (see FINAL).
 */
export async function insertInquiry(
  trx: TenantTransaction,
  input: NewInquiry,
  options: { final?: boolean } = {},
): Promise<InquiryRow> {
  const h = input.history;
  const c = input.clock;
  const timers = input.timers.map((t) => ({
    kind: t.kind,
    fire_at: t.fireAt.toISOString(),
    reaction: t.reaction,
  }));
  const events = input.events.map((e) => ({ type: e.type, payload: e.payload }));
  const result = await trx
    .raw<{ rows: InquiryRow[] }>(
      `with c as (
       insert into tracking_counters (tenant_id, prefix, year, last_value) values (?, ?, ?, 1)
       on conflict (tenant_id, prefix, year) do update set last_value = tracking_counters.last_value + 1
       returning last_value
     ), i as (
       insert into inquiries (tenant_id, tracking_number, kind, service_code, service_version,
         workflow_key, workflow_version, parent_id, applicant_type, applicant, applicant_key, locale,
         form_data, channel, agency_code, state, public_status, candidate_role, assignee_id,
         filed_at, filed_by, state_entered_at, due_at, state_due_at, paused_at, closed_at,
         version, updated_at, overall_sla)
       select ?, ? || '-' || ? || '-' || lpad(c.last_value::text, greatest(6, length(c.last_value::text)), '0'),
         ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?::jsonb
       from c
       returning *
     ), h as (
       insert into inquiry_history (tenant_id, inquiry_id, seq, at, kind, action, from_state, to_state,
         workflow_version, actor_id, actor_role, on_behalf_of, comment, documents, public, details)
       select i.tenant_id, i.id, 1, ?, ?, ?, ?, ?, i.workflow_version, ?, ?, ?, ?, ?::jsonb, ?, ?::jsonb from i
     ), t as (
       insert into inquiry_timers (tenant_id, inquiry_id, kind, fire_at, inquiry_version, reaction)
       select i.tenant_id, i.id, x.kind, x.fire_at, 1, x.reaction
       from i, jsonb_to_recordset(?::jsonb) as x(kind text, fire_at timestamptz, reaction jsonb)
     ), o as (
       insert into outbox_events (tenant_id, type, inquiry_id, payload, created_at, next_attempt_at)
       select i.tenant_id, x.type, i.id,
         x.payload || jsonb_build_object('inquiryId', i.id, 'trackingNumber', i.tracking_number), ?, ?
       from i, jsonb_to_recordset(?::jsonb) as x(type text, payload jsonb)
     )
     select * from i`,
      [
        input.tenantId,
        input.trackingPrefix,
        input.year,
        input.tenantId,
        input.trackingPrefix,
        String(input.year),
        input.kind,
        input.serviceCode,
        input.serviceVersion,
        input.workflowKey,
        input.workflowVersion,
        input.parentId,
        input.applicant.type,
        JSON.stringify(input.applicant),
        input.applicantKey,
        input.locale,
        JSON.stringify(input.formData),
        input.channel,
        input.agencyCode,
        c.state,
        input.publicStatus,
        input.candidateRole,
        input.assigneeId,
        input.filedAt,
        input.filedBy,
        c.stateEnteredAt,
        c.dueAt,
        c.stateDueAt,
        c.pausedAt,
        c.closedAt,
        input.filedAt,
        input.overallSla === null ? null : JSON.stringify(input.overallSla),
        input.filedAt,
        h.kind,
        h.action,
        h.fromState,
        h.toState,
        h.actorId,
        h.actorRole,
        h.onBehalfOf,
        h.comment,
        JSON.stringify(h.documents),
        h.public,
        JSON.stringify(h.details),
        JSON.stringify(timers),
        input.filedAt,
        input.filedAt,
        JSON.stringify(events),
      ],
    )
    .options(PREPARED)
    // The last statement of a filing: its COMMIT follows it at once, so the counter's row lock is
    // not held over a round trip through Node (concurrent filings of the city wait for it).
    .options(options.final ? FINAL : {});
  return result.rows[0]!;
}
