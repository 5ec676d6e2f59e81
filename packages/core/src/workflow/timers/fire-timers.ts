import type { TenantTransaction } from '../../db/types.js';
import { isDarchaError } from '../../errors/darcha-error.js';
import type { BreachReaction } from '../definition/types.js';
import { inquiryFromRow, type InquiryRow } from '../inquiry/inquiry-rows.js';
import { SYSTEM_ACTOR } from '../inquiry/types.js';
import { applyChange, type InquiryChanges } from '../engine/apply-change.js';
import { transitionAndPropagate } from '../engine/composite.js';
import { plannedTimers, type TimerReaction } from '../engine/schedule.js';
import { clockOf, readInquiryRow, type EngineRuntime } from '../engine/transition-in.js';

/** A claimed timer row. */
export interface TimerRow {
  tenant_id: string;
  id: string;
  inquiry_id: string;
  kind: 'state_sla' | 'overall_sla' | 'reminder' | 'auto_action';
  fire_at: Date;
  inquiry_version: number;
  reaction: TimerReaction;
}

/** How long a timer that failed unexpectedly waits before it is tried again. */
const RETRY_DELAY_MS = 5 * 60_000;

/** What firing one timer did. */
export type TimerOutcome =
  | 'escalated'
  | 'notified'
  | 'reminded'
  | `action:${string}`
  | 'stale'
  | `failed:${string}`
  | `retry:${string}`;

/**
 * Claims the tenant's due timers and fires them, all in the caller's transaction. The claim locks
 * each timer AND its inquiry with `SKIP LOCKED`, so a timer whose inquiry another scheduler or a
 * user is changing is left for the next pass, and no two schedulers ever fire the same timer. A
 * timer fires only while its inquiry is still at the version it was set for; it is marked fired in
 * the same transaction as its effect, so it fires exactly once even across restarts.
 */
export async function fireDueTimers(
  trx: TenantTransaction,
  rt: EngineRuntime,
  limit: number,
): Promise<{ timerId: string; inquiryId: string; outcome: TimerOutcome }[]> {
  const tenantId = rt.tenant.tenantId;
  const due = await trx.raw<{ rows: TimerRow[] }>(
    `select t.tenant_id, t.id, t.inquiry_id, t.kind, t.fire_at, t.inquiry_version, t.reaction
     from inquiry_timers t
     join inquiries i on i.tenant_id = t.tenant_id and i.id = t.inquiry_id
     where t.tenant_id = ? and t.status = 'pending' and t.fire_at <= ?
     order by t.fire_at, t.id
     limit ?
     for update of t, i skip locked`,
    [tenantId, rt.now, limit],
  );
  const results: { timerId: string; inquiryId: string; outcome: TimerOutcome }[] = [];
  for (const timer of due.rows) {
    // A change made while firing an earlier timer of the same inquiry may have replaced this one.
    const marked = await trx('inquiry_timers')
      .where({ tenant_id: tenantId, id: timer.id, status: 'pending' })
      .update({ status: 'fired', fired_at: rt.now });
    if (marked === 0) continue;
    let outcome: TimerOutcome;
    try {
      // Each timer in its own savepoint: a failure undoes this timer's work only, never the batch.
      outcome = await trx.transaction(async (savepoint) => {
        const row = await readInquiryRow(savepoint, tenantId, timer.inquiry_id);
        if (!row || row.version !== timer.inquiry_version) return 'stale';
        return react(savepoint, rt, timer, row);
      });
    } catch (error) {
      // Unexpected (a plugin guard or the payments module down): try again later, the rest go on.
      outcome = `retry:${isDarchaError(error) ? error.code : (error as Error).message}`.slice(
        0,
        500,
      ) as TimerOutcome;
      await trx('inquiry_timers')
        .where({ tenant_id: tenantId, id: timer.id })
        .update({
          status: 'pending',
          fired_at: null,
          outcome,
          fire_at: new Date(rt.now.getTime() + RETRY_DELAY_MS),
        });
      results.push({ timerId: timer.id, inquiryId: timer.inquiry_id, outcome });
      continue;
    }
    await trx('inquiry_timers')
      .where({ tenant_id: tenantId, id: timer.id })
      .update({ status: outcome === 'stale' ? 'skipped' : 'fired', outcome });
    results.push({ timerId: timer.id, inquiryId: timer.inquiry_id, outcome });
  }
  return results;
}

async function react(
  trx: TenantTransaction,
  rt: EngineRuntime,
  timer: TimerRow,
  row: InquiryRow,
): Promise<TimerOutcome> {
  const reaction = timer.reaction;
  if (reaction === 'remind') {
    await trx('outbox_events').insert({
      tenant_id: rt.tenant.tenantId,
      type: 'inquiry.reminder',
      inquiry_id: row.id,
      payload: JSON.stringify({
        inquiryId: row.id,
        trackingNumber: row.tracking_number,
        state: row.state,
        dueAt: row.state_due_at,
        locale: row.locale,
      }),
      created_at: rt.now,
      next_attempt_at: rt.now,
    });
    return 'reminded';
  }
  if (typeof reaction === 'object') {
    try {
      // Its own savepoint: an action refused halfway (a composite parent, a guard) leaves nothing.
      await trx.transaction((action) =>
        transitionAndPropagate(
          action,
          rt,
          row,
          {
            action: reaction.action,
            expectedVersion: row.version,
            comment: `Automatic: ${timer.kind.replace('_', ' ')} reached`,
          },
          SYSTEM_ACTOR,
          timer.kind === 'overall_sla' ? { overallBreachedAt: rt.now } : {},
        ),
      );
      return `action:${reaction.action}`;
    } catch (error) {
      if (!isDarchaError(error)) throw error;
      // The automatic action could not run (a guard, a requirement): supervisors must see it.
      await breach(trx, rt, timer, row, 'escalate', error.code);
      return `failed:${error.code}`;
    }
  }
  await breach(trx, rt, timer, row, reaction, null);
  return reaction === 'escalate' ? 'escalated' : 'notified';
}

/** Records a breach as a versioned change: flagged (escalate) or not (notify), with an event. */
async function breach(
  trx: TenantTransaction,
  rt: EngineRuntime,
  timer: TimerRow,
  row: InquiryRow,
  reaction: Exclude<BreachReaction, { action: string }>,
  failure: string | null,
): Promise<void> {
  const inquiry = inquiryFromRow(row);
  const workflow = rt.definitions.workflow(inquiry.workflowKey, inquiry.workflowVersion);
  const overall = timer.kind === 'overall_sla';
  const changes: InquiryChanges = overall ? { overall_breached_at: rt.now } : { state_breached_at: rt.now };
  if (reaction === 'escalate') changes.escalated = true;
  const clock = {
    ...clockOf(row),
    ...(overall ? { overallBreachedAt: rt.now } : { stateBreachedAt: rt.now }),
  };
  await applyChange(trx, {
    tenantId: rt.tenant.tenantId,
    inquiryId: inquiry.id,
    expectedVersion: inquiry.version,
    at: rt.now,
    changes,
    history: {
      kind: reaction === 'escalate' ? 'escalation' : 'breach',
      action: null,
      fromState: inquiry.state,
      toState: inquiry.state,
      workflowVersion: inquiry.workflowVersion,
      actorId: 'system',
      actorRole: 'system',
      onBehalfOf: null,
      comment: null,
      documents: [],
      public: false,
      details: {
        timer: timer.kind,
        dueAt: timer.fire_at,
        reaction,
        ...(failure ? { failedAction: failure } : {}),
      },
    },
    timers: plannedTimers(workflow, clock, rt.now),
    events: [
      {
        type: 'inquiry.breached',
        payload: {
          inquiryId: inquiry.id,
          trackingNumber: inquiry.trackingNumber,
          sla: overall ? 'overall' : 'state',
          state: inquiry.state,
          dueAt: timer.fire_at,
          reaction,
          agencyCode: inquiry.agencyCode,
          assigneeId: inquiry.assigneeId,
          candidateRole: inquiry.candidateRole,
          version: inquiry.version + 1,
        },
      },
    ],
  });
}
