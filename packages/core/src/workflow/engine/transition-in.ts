import type { TenantTransaction } from '../../db/types.js';
import type { ContributionRegistry } from '../../plugins/contribution-registry.js';
import { historyFromRow, inquiryFromRow, type InquiryRow } from '../inquiry/inquiry-rows.js';
import type { Actor, HistoryEntry, Inquiry, TransitionInput } from '../inquiry/types.js';
import { StaleAfterCommit } from './stale-after-commit.js';
import { matchingRole, rolesOn } from './actor-roles.js';
import { allowedActions, windowEnd } from './allowed-actions.js';
import { applyChange, type EventInput, type HistoryInput, type InquiryChanges } from './apply-change.js';
import type { PinnedDefinitions } from './definitions-needed.js';
import type { PaymentCheck, StaffQueries } from './engine-types.js';
import { routeAssignee } from './routing.js';
import { clockAfterMove, plannedTimers, type InquiryClock } from './schedule.js';
import type { TenantWorkflowContext } from './tenant-workflow-context.js';
import { actionForbidden, actionNotAvailable, staleVersion, windowClosed } from './workflow.errors.js';
import { FINAL, PREPARED } from '../../db/session-client.js';
import { checkGuards, checkRequirements } from './transition-checks.js';

/** What a command inside a tenant transaction works with. */
export interface EngineRuntime {
  tenant: TenantWorkflowContext;
  definitions: PinnedDefinitions;
  staff: StaffQueries;
  contributions?: ContributionRegistry;
  payments?: PaymentCheck;
  now: Date;
}

/** How the engine itself takes an action (timers). */
export interface TransitionOptions {
  /** The overall SLA breached now: recorded with the action, so its timer is not set again. */
  overallBreachedAt?: Date;
  /**
   * The change statement is the transaction's last (see FINAL): its COMMIT goes with it. A stale
   * version found by that statement is then thrown as {@link StaleAfterCommit}, for the caller to
   * explain in a transaction of its own.
   */
  final?: boolean;
}

/** A change applied in the caller's transaction. */
export interface AppliedChange {
  row: InquiryRow;
  entry: HistoryEntry;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Reads an inquiry row of the tenant, or undefined. `lock`: `FOR UPDATE`. `alone`: the read is the
 * transaction's only statement, so its `COMMIT` is written right behind it (see FINAL).
 */
export async function readInquiryRow(
  trx: TenantTransaction,
  tenantId: string,
  inquiryId: string,
  lock = false,
  alone = false,
): Promise<InquiryRow | undefined> {
  // A malformed id names no inquiry (and must not reach PostgreSQL's uuid parser as an error).
  if (typeof inquiryId !== 'string' || !UUID.test(inquiryId)) return undefined;
  // Every command and every delivered event reads this way: its text is written out rather than
  // built by knex's query builder, which cost about 40 µs of CPU per read (11% of a read's transaction).
  const { rows } = await trx
    .raw<{ rows: InquiryRow[] }>(lock ? READ_FOR_UPDATE : READ, [tenantId, inquiryId])
    .options(PREPARED)
    .options(alone ? FINAL : {});
  return rows[0];
}

const READ = 'select * from inquiries where tenant_id = ? and id = ? limit 1';
const READ_FOR_UPDATE = `${READ} for update`;

/** The clock columns of a row. */
export function clockOf(row: InquiryRow): InquiryClock {
  return {
    state: row.state,
    stateEnteredAt: row.state_entered_at,
    dueAt: row.due_at,
    stateDueAt: row.state_due_at,
    stateBreachedAt: row.state_breached_at,
    overallBreachedAt: row.overall_breached_at,
    pausedAt: row.paused_at,
    closedAt: row.closed_at,
  };
}

/** The clock columns as changes. */
export function clockChanges(clock: InquiryClock): InquiryChanges {
  return {
    state: clock.state,
    state_entered_at: clock.stateEnteredAt,
    due_at: clock.dueAt,
    state_due_at: clock.stateDueAt,
    state_breached_at: clock.stateBreachedAt,
    overall_breached_at: clock.overallBreachedAt,
    paused_at: clock.pausedAt,
    closed_at: clock.closedAt,
  };
}

/** Officers the actor acts for now (only staff can be delegates). */
export async function principalsOf(
  trx: TenantTransaction,
  rt: EngineRuntime,
  actor: Actor,
): Promise<string[]> {
  if (actor.kind !== 'staff') return [];
  return rt.staff.principalsFor(trx, rt.tenant.tenantId, actor.id, rt.now);
}

/** Throws the stale-version refusal with the inquiry's current state and the actor's actions. */
export async function throwStale(
  trx: TenantTransaction,
  rt: EngineRuntime,
  inquiryId: string,
  expectedVersion: number,
  actor: Actor,
): Promise<never> {
  const current = await readInquiryRow(trx, rt.tenant.tenantId, inquiryId);
  const inquiry = inquiryFromRow(current!);
  const workflow = rt.definitions.workflow(inquiry.workflowKey, inquiry.workflowVersion);
  const actions = allowedActions({
    workflow,
    inquiry,
    actor,
    calendar: rt.tenant.calendar,
    now: rt.now,
    principals: await principalsOf(trx, rt, actor),
  });
  throw staleVersion(rt.tenant.tenantId, {
    inquiryId,
    expectedVersion,
    currentVersion: inquiry.version,
    currentState: inquiry.state,
    publicStatus: inquiry.publicStatus,
    allowedActions: actions,
  });
}

/**
 * Takes one workflow action on an inquiry, in the caller's transaction: checks the action leaves
 * the current state in the pinned version, the actor's role on this inquiry, the window, what the
 * transition requires and its guards; computes the new clock, routing and timers; and applies the
 * change in one statement guarded by the expected version.
 */
export async function transitionIn(
  trx: TenantTransaction,
  rt: EngineRuntime,
  row: InquiryRow,
  input: TransitionInput,
  actor: Actor,
  options: TransitionOptions = {},
): Promise<AppliedChange> {
  const tenantId = rt.tenant.tenantId;
  const inquiry = inquiryFromRow(row);
  const workflow = rt.definitions.workflow(inquiry.workflowKey, inquiry.workflowVersion);
  if (inquiry.version !== input.expectedVersion)
    await throwStale(trx, rt, inquiry.id, input.expectedVersion, actor);
  const transition = workflow.transition(inquiry.state, input.action);
  if (!transition) {
    const here = workflow.leaving(inquiry.state).map((t) => t.action);
    throw actionNotAvailable(tenantId, inquiry.id, input.action, inquiry.state, here);
  }
  const role = matchingRole(rolesOn(inquiry, actor), transition.roles);
  if (!role) throw actionForbidden(tenantId, inquiry.id, input.action, transition.roles);
  if (transition.within) {
    const until = windowEnd(transition.within, inquiry.closedAt ?? rt.now, rt.tenant.calendar);
    if (rt.now > until)
      throw windowClosed(tenantId, inquiry.id, input.action, inquiry.closedAt ?? rt.now, until);
  }
  let onBehalfOf: string | null = null;
  if (actor.kind === 'staff' && inquiry.assigneeId !== null && inquiry.assigneeId !== actor.id) {
    const principals = await principalsOf(trx, rt, actor);
    if (principals.includes(inquiry.assigneeId)) onBehalfOf = inquiry.assigneeId;
  }
  await checkRequirements(trx, rt, inquiry, transition, input);
  await checkGuards(trx, rt, inquiry, transition, input, actor, onBehalfOf);

  const target = workflow.state(transition.to);
  const clock = clockAfterMove({
    workflow,
    calendar: rt.tenant.calendar,
    before: clockOf(row),
    to: transition.to,
    now: rt.now,
    overallSla: undefined,
  });
  if (workflow.state(inquiry.state).type === 'terminal' && target.type !== 'terminal') {
    // A reopen or an appeal: the whole inquiry gets the time it was promised at filing again.
    const overallSla =
      inquiry.overallSla ?? rt.definitions.service(inquiry.serviceCode, inquiry.serviceVersion).sla;
    Object.assign(
      clock,
      clockAfterMove({
        workflow,
        calendar: rt.tenant.calendar,
        before: clockOf(row),
        to: transition.to,
        now: rt.now,
        overallSla,
      }),
    );
  }
  if (options.overallBreachedAt && clock.overallBreachedAt === null)
    clock.overallBreachedAt = options.overallBreachedAt;
  const changes: InquiryChanges = { ...clockChanges(clock), public_status: target.publicStatus };
  const candidateRole = target.type === 'terminal' ? null : (target.candidateRole ?? null);
  const assigneeId = await nextAssignee(trx, rt, inquiry, candidateRole, target.type === 'terminal');
  changes.candidate_role = candidateRole;
  changes.assignee_id = assigneeId;
  // A new state ends the old state's escalation; an escalation for the whole inquiry's SLA stays.
  changes.escalated = target.type !== 'terminal' && clock.overallBreachedAt !== null && inquiry.escalated;

  const history: HistoryInput = {
    kind: 'transition',
    action: transition.action,
    fromState: inquiry.state,
    toState: transition.to,
    workflowVersion: inquiry.workflowVersion,
    actorId: actor.id,
    actorRole: role,
    onBehalfOf,
    comment: input.comment?.trim() || null,
    documents: input.documents ?? [],
    public: transition.public ?? false,
    details: input.data ? { data: input.data } : {},
  };
  const newVersion = inquiry.version + 1;
  const events: EventInput[] = [
    {
      type: 'inquiry.transitioned',
      payload: {
        inquiryId: inquiry.id,
        trackingNumber: inquiry.trackingNumber,
        serviceCode: inquiry.serviceCode,
        action: transition.action,
        from: inquiry.state,
        to: transition.to,
        publicStatus: target.publicStatus,
        public: transition.public ?? false,
        version: newVersion,
        actorId: actor.id,
        locale: inquiry.locale,
      },
    },
    ...(transition.effects ?? []).map((effect) => ({
      type: 'workflow.effect',
      payload: {
        ...(typeof effect === 'string'
          ? { effect }
          : { effect: effect.name, template: effect.template ?? null, params: effect.params ?? {} }),
        inquiryId: inquiry.id,
        trackingNumber: inquiry.trackingNumber,
        action: transition.action,
        version: newVersion,
        data: input.data ?? {},
      },
    })),
  ];
  if (assigneeId !== inquiry.assigneeId && assigneeId !== null) {
    events.push({
      type: 'inquiry.assigned',
      payload: { inquiryId: inquiry.id, assigneeId, version: newVersion },
    });
  }
  const updated = await applyChange(
    trx,
    {
      tenantId,
      inquiryId: inquiry.id,
      expectedVersion: input.expectedVersion,
      at: rt.now,
      changes,
      history,
      timers: plannedTimers(workflow, clock, rt.now),
      events,
    },
    { final: options.final === true },
  );
  if (!updated && options.final) throw new StaleAfterCommit(inquiry.id, input.expectedVersion, actor);
  if (!updated) return throwStale(trx, rt, inquiry.id, input.expectedVersion, actor);
  return { row: updated, entry: entryOf(updated, history, rt.now) };
}

/**
 * Who works the inquiry in its new state. Terminal states and states of the same candidate role
 * keep the assignee. While the applicant has the move (`citizen`) the officer stays assigned, and
 * gets the inquiry back when the applicant answers, if the officer may still take that role. Any
 * other change of role is routed by the tenant's policy.
 */
async function nextAssignee(
  trx: TenantTransaction,
  rt: EngineRuntime,
  inquiry: Inquiry,
  candidateRole: string | null,
  terminal: boolean,
): Promise<string | null> {
  if (terminal || candidateRole === inquiry.candidateRole) return inquiry.assigneeId;
  if (candidateRole === 'citizen') return inquiry.assigneeId;
  const tenantId = rt.tenant.tenantId;
  if (inquiry.candidateRole === 'citizen' && inquiry.assigneeId !== null && candidateRole !== null) {
    const candidates = await rt.staff.routingCandidates(trx, tenantId, {
      role: candidateRole,
      agencyCode: inquiry.agencyCode,
      at: rt.now,
    });
    if (candidates.some((c) => c.staffId === inquiry.assigneeId)) return inquiry.assigneeId;
  }
  return routeAssignee(trx, rt.staff, {
    tenantId,
    policy: rt.tenant.routing,
    role: candidateRole,
    agencyCode: inquiry.agencyCode,
    at: rt.now,
  });
}

/** The history entry a change appended, without reading it back. */
export function entryOf(row: InquiryRow, history: HistoryInput, at: Date): HistoryEntry {
  return historyFromRow({
    tenant_id: row.tenant_id,
    inquiry_id: row.id,
    seq: row.version,
    at,
    kind: history.kind,
    action: history.action,
    from_state: history.fromState,
    to_state: history.toState,
    workflow_version: history.workflowVersion,
    actor_id: history.actorId,
    actor_role: history.actorRole,
    on_behalf_of: history.onBehalfOf,
    comment: history.comment,
    documents: [...history.documents],
    public: history.public,
    details: history.details,
  });
}
