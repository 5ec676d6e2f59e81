import type {
  CatalogService,
  CompiledWorkflow,
  Locale,
  WorkflowTransition,
  WorkingCalendar,
} from '@darcha/core';
import { HISTORY_TEXTS, type TextKind } from './history-texts.js';
import type { InquiryOutcome } from './inquiry-outcome.js';
import { InquirySimulation } from './inquiry-simulation.js';
import type { SeededRandom } from './seeded-random.js';
import { SYSTEM, type HistoryActor, type StaffPool } from './staff-pool.js';
import { ASSIGNEE_GUARD, statesBefore } from './workflow-paths.js';

const MINUTE = 60_000;
const CREATE_INVOICE = 'core/create-invoice';

/** The city a history is played in. */
export interface PlayContext {
  calendar: WorkingCalendar;
  staff: StaffPool;
  random: SeededRandom;
}

/** One inquiry to play. */
export interface PlayInput {
  service: CatalogService;
  workflow: CompiledWorkflow;
  outcome: InquiryOutcome;
  filedAt: Date;
  locale: Locale;
  /** When its invoice is made (the fee quote's `invoiceAt`); null for a free inquiry. */
  invoiceAt: 'filing' | 'effect' | null;
}

/** An inquiry played to its end, with when its invoice was made and paid. */
export interface PlayedInquiry {
  sim: InquirySimulation;
  invoicedAt: Date | null;
  payment: { at: Date; cashier: HistoryActor } | null;
  /** A front-office member of the inquiry's desk (records the citizen's rating), when there is one. */
  desk: HistoryActor | undefined;
}

/** The city has no staff member who could take a step of the service. */
export class NoActorError extends Error {}

/**
 * Plays an inquiry from filing to its end: the desk files it, the cashier takes the payment
 * before a step that requires it, officers claim and work each step, the citizen collects the
 * result; each step comes at a plausible working time before its deadline, or after it when the
 * outcome says the inquiry runs late (and the SLA timers fire in between, as in the engine).
 */
export function playInquiry(ctx: PlayContext, input: PlayInput): PlayedInquiry {
  const { calendar, staff, random } = ctx;
  const { service, workflow, outcome } = input;
  const agency = service.agencyCode;
  const sim = new InquirySimulation({
    workflow,
    calendar,
    staff,
    agencyCode: agency,
    channel: 'desk',
    serviceVersion: service.version,
    overallSla: service.sla,
    timerLag: () => random.int(1, 50),
  });
  const memo = new Map<string, HistoryActor>();
  const filer = staff.filer(agency);
  if (!filer) throw new NoActorError(`nobody files ${service.serviceCode} at the desk`);
  sim.file(input.filedAt, filer);
  // The invoice is made on filing (or by a step's effect); the citizen pays it soon after.
  const money: { invoicedAt: Date | null; paidAt: Date | null } = {
    invoicedAt: input.invoiceAt === 'filing' ? seconds(input.filedAt, random.int(1, 5)) : null,
    paidAt: null,
  };
  const pay = () => {
    if (money.invoicedAt && money.paidAt === null && outcome.end !== 'expired') {
      money.paidAt = paymentTime(ctx, money.invoicedAt, autoActionDue(sim));
    }
  };
  pay();
  const late = outcome.late ? lateStep(workflow, outcome.steps, random) : -1;
  outcome.steps.forEach((step, index) => {
    const paidAt = money.paidAt;
    if (step.requires?.payment && paidAt === null) {
      throw new Error(`${service.serviceCode}: ${step.action} needs a payment that never comes`);
    }
    let at = stepTime(ctx, sim, outcome.steps, index, index === late);
    if (paidAt && step.requires?.payment && at.getTime() <= paidAt.getTime()) {
      at = calendar.addWorkingMinutes(paidAt, random.int(1, 15));
    }
    const expiry = autoActionDue(sim);
    if (paidAt && expiry && at.getTime() >= expiry.getTime()) {
      at = calendar.addWorkingMinutes(paidAt, Math.floor(calendar.workingMinutesBetween(paidAt, expiry) / 2));
    }
    const actor = actorFor(ctx, sim, step, agency, memo);
    if (actor.claims) {
      const claimAt = new Date(
        sim.lastAt.getTime() + (at.getTime() - sim.lastAt.getTime()) * random.between(0.05, 0.5),
      );
      sim.fireTimersBefore(claimAt);
      sim.claim(claimAt, actor.actor);
    }
    sim.fireTimersBefore(at);
    if (!workflow.transition(sim.clock.state, step.action)) {
      throw new Error(
        `${service.serviceCode}: a timer moved the inquiry to ${sim.clock.state} before ${step.action}`,
      );
    }
    sim.transition(step.action, at, actor.actor, comment(step, workflow, sim, input.locale, random));
    if (money.invoicedAt === null && input.invoiceAt === 'effect' && hasEffect(step, CREATE_INVOICE)) {
      money.invoicedAt = seconds(at, random.int(1, 5));
      pay();
    }
  });
  if (outcome.end === 'expired') sim.fireTimersUntilClosed();
  if (!sim.closed) throw new Error(`${service.serviceCode}: the steps end in ${sim.clock.state}, not closed`);
  const paid = money.paidAt;
  const cashier = paid ? staff.holder('cashier', agency) : undefined;
  if (paid && !cashier) throw new NoActorError(`nobody takes payments at the cash desk`);
  const closedAt = sim.clock.closedAt!;
  return {
    sim,
    invoicedAt: money.invoicedAt,
    // Paid after the inquiry closed is never paid: the invoice expires.
    payment: paid && cashier && paid <= closedAt ? { at: paid, cashier } : null,
    desk: memo.get('front_office') ?? staff.actor(['front_office'], agency),
  };
}

/**
 * When the citizen pays at the cash desk: mostly within the hour, some days later; always in the
 * first half of the time before an automatic action (an unpaid inquiry's expiry) would cancel it.
 */
function paymentTime(ctx: PlayContext, invoicedAt: Date, deadline: Date | undefined): Date {
  const { calendar, random } = ctx;
  let minutes = random.chance(0.85) ? random.int(3, 60) : random.int(480, 4 * 480);
  if (deadline) {
    const half = Math.floor(calendar.workingMinutesBetween(invoicedAt, deadline) / 2);
    minutes = Math.max(1, Math.min(minutes, half));
  }
  return calendar.addWorkingMinutes(invoicedAt, minutes);
}

/** When the earliest automatic action (an expiry) is due, if one is pending. */
function autoActionDue(sim: InquirySimulation): Date | undefined {
  return sim.timers().find((t) => t.kind === 'auto_action')?.fireAt;
}

/** The step that runs late: one taken in a state of work (not waiting for a payment or the citizen). */
function lateStep(
  workflow: CompiledWorkflow,
  steps: readonly WorkflowTransition[],
  random: SeededRandom,
): number {
  const working = statesBefore(workflow, steps)
    .map((name, i) => ({ i, state: workflow.state(name) }))
    .filter(
      ({ state }) => state.clock !== 'paused' && state.type !== 'terminal' && state.publicStatus !== 'ready',
    );
  return working.length > 0 ? random.pick(working).i : -1;
}

/** Citizens who collect their result after the deadline (the overall SLA is then breached): *assumed*. */
const LATE_PICKUP_SHARE = 0.08;

/**
 * When step `index` is taken. Waiting for a payment: minutes after it. An appeal: within days of
 * the rejection (inside its window). Otherwise, before the nearest deadline (the state's own, or the
 * overall one while the clock runs): a share of the time left, split over the steps still to come;
 * past it when the step is late (by minutes for an SLA of minutes, by hours to days otherwise). With
 * no deadline ahead: taken into work within hours, or collected within days when ready.
 */
function stepTime(
  ctx: PlayContext,
  sim: InquirySimulation,
  steps: readonly WorkflowTransition[],
  index: number,
  late: boolean,
): Date {
  const { calendar, random } = ctx;
  const cur = sim.lastAt;
  const state = sim.workflow.state(sim.clock.state);
  const step = steps[index]!;
  if (state.type === 'terminal') {
    const window = step.within;
    const at = calendar.addWorkingMinutes(cur, random.int(30, 5 * 480));
    if (!window) return at;
    const end =
      window.unit === 'working_days'
        ? calendar.addWorkingDays(cur, window.days)
        : new Date(cur.getTime() + (window.days - 1) * 1440 * MINUTE);
    return at < end ? at : new Date(Math.max(cur.getTime() + MINUTE, end.getTime() - 60 * MINUTE));
  }
  if (state.clock === 'paused') return calendar.addWorkingMinutes(cur, random.int(2, 30));
  const ready = state.publicStatus === 'ready';
  const deadlines = [state.sla ? sim.clock.stateDueAt : null, sim.clock.pausedAt ? null : sim.clock.dueAt]
    .filter((d): d is Date => d !== null && d.getTime() > cur.getTime())
    .map((d) => d.getTime());
  if (deadlines.length === 0 || (ready && random.chance(LATE_PICKUP_SHARE))) {
    if (!ready) return calendar.addWorkingMinutes(cur, random.int(5, 240));
    return calendar.addWorkingMinutes(
      cur,
      random.chance(0.6) ? random.int(10, 480) : random.int(480, 5 * 480),
    );
  }
  const deadline = new Date(Math.min(...deadlines));
  const left = Math.max(1, calendar.workingMinutesBetween(cur, deadline));
  if (late)
    return calendar.addWorkingMinutes(deadline, left <= 240 ? random.int(5, 60) : random.int(20, 1200));
  const toCome = steps.length - index;
  return calendar.addWorkingMinutes(
    cur,
    Math.max(1, Math.round((left * random.between(0.15, 0.9)) / toCome)),
  );
}

/**
 * Who takes a step: the assignee when they may; for a step only the assignee may take, an officer
 * of the waiting role who claims it first; otherwise the officer who worked the inquiry in that
 * role before, or one of the agency's (or the OSS's) staff; the system for a step only it may take.
 */
function actorFor(
  ctx: PlayContext,
  sim: InquirySimulation,
  step: WorkflowTransition,
  agency: string | null,
  memo: Map<string, HistoryActor>,
): { actor: HistoryActor; claims: boolean } {
  const { staff } = ctx;
  const assignee = sim.assigneeId ? staff.as(sim.assigneeId, step.roles, agency) : undefined;
  const needsAssignee = (step.guards ?? []).includes(ASSIGNEE_GUARD);
  if (needsAssignee) {
    if (assignee) return { actor: assignee, claims: false };
    const role = sim.candidateRole;
    if (sim.assigneeId !== null || role === null) throw new NoActorError(`nobody may take ${step.action}`);
    const remembered = memo.get(role);
    const able = staff.candidates(role, agency).filter((s) => staff.roleOn(s, agency, step.roles));
    const chosen =
      able.find((s) => s.id === remembered?.id) ?? (able.length > 0 ? ctx.random.pick(able) : undefined);
    if (!chosen) throw new NoActorError(`no ${role} may claim ${step.action}`);
    const actor: HistoryActor = {
      id: chosen.id,
      kind: 'staff',
      role: staff.roleOn(chosen, agency, step.roles)!,
    };
    memo.set(role, actor);
    return { actor, claims: true };
  }
  if (assignee) return { actor: assignee, claims: false };
  for (const role of step.roles) {
    const remembered = memo.get(role);
    // The role recorded is the first of the step's roles the member holds, as the engine records it.
    const again = remembered && staff.as(remembered.id, step.roles, agency);
    if (again) return { actor: again, claims: false };
  }
  const actor = staff.actor(step.roles, agency);
  if (actor) {
    memo.set(actor.role, actor);
    return { actor, claims: false };
  }
  if (step.roles.includes('system')) return { actor: SYSTEM, claims: false };
  throw new NoActorError(`nobody may take ${step.action} (${step.roles.join(', ')})`);
}

/** The comment of a step: required ones always, in the applicant's language. */
function comment(
  step: WorkflowTransition,
  workflow: CompiledWorkflow,
  sim: InquirySimulation,
  locale: Locale,
  random: SeededRandom,
): string | null {
  if (!step.requires?.comment) return null;
  const target = workflow.state(step.to);
  const source = workflow.state(sim.clock.state);
  let kind: TextKind = 'note';
  if (source.type === 'terminal') kind = 'appeal';
  else if (target.type === 'terminal' && target.publicStatus === 'rejected') {
    // A consultation is declined (nothing to say); a service is rejected with a reason.
    kind = source.sla && source.sla.unit !== 'working_days' ? 'decline' : 'reject';
  } else if (target.type === 'terminal') kind = 'answer';
  return random.pick(HISTORY_TEXTS[kind][locale]);
}

function hasEffect(step: WorkflowTransition, name: string): boolean {
  return (step.effects ?? []).some((effect) => (typeof effect === 'string' ? effect : effect.name) === name);
}

function seconds(at: Date, n: number): Date {
  return new Date(at.getTime() + n * 1000);
}
