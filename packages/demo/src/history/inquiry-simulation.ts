import {
  clockAfterMove,
  type AnySla,
  type CompiledWorkflow,
  type HistoryKind,
  type InquiryClock,
  type PublicStatus,
  type WorkingCalendar,
} from '@darcha/core';
import { pendingTimers, type ClockTimer } from './inquiry-clock.js';
import { SYSTEM, type HistoryActor, type StaffPool } from './staff-pool.js';

/** One history entry as the engine appends it. */
export interface HistoryEntryRow {
  seq: number;
  at: Date;
  kind: HistoryKind;
  action: string | null;
  fromState: string | null;
  toState: string;
  workflowVersion: number;
  actorId: string;
  actorRole: string;
  comment: string | null;
  public: boolean;
  details: Record<string, unknown>;
}

/** What the simulation needs to know of the inquiry and its city. */
export interface SimulationInput {
  workflow: CompiledWorkflow;
  calendar: WorkingCalendar;
  staff: StaffPool;
  agencyCode: string | null;
  channel: string;
  serviceVersion: number;
  /** The overall SLA the inquiry is filed with (the city's catalog value). */
  overallSla: AnySla;
  /** Seconds between a timer's due time and the scheduler's pass that fires it. */
  timerLag: () => number;
}

/**
 * One inquiry's life replayed with the workflow engine's rules, without a database: filing (routed
 * by the city's policy), claims, transitions (clock, routing, escalation flag), and the SLA timers
 * that fire between them (breaches and automatic actions), each change appending a history entry
 * and raising the version. The caller decides what happens when; the simulation records it exactly
 * as the engine would have.
 */
export class InquirySimulation {
  readonly history: HistoryEntryRow[] = [];
  clock!: InquiryClock;
  publicStatus!: PublicStatus;
  candidateRole: string | null = null;
  assigneeId: string | null = null;
  escalated = false;
  filedAt!: Date;
  readonly #input: SimulationInput;

  constructor(input: SimulationInput) {
    this.#input = input;
  }

  get workflow(): CompiledWorkflow {
    return this.#input.workflow;
  }

  get version(): number {
    return this.history.length;
  }

  /** When the last change happened. */
  get lastAt(): Date {
    return this.history[this.history.length - 1]!.at;
  }

  get closed(): boolean {
    return this.clock.closedAt !== null;
  }

  /** Files the inquiry at `at` by `filer`: the start state, its clock, its routed assignee. */
  file(at: Date, filer: HistoryActor): void {
    const { workflow, calendar, staff, agencyCode } = this.#input;
    const start = workflow.state(workflow.startState);
    this.filedAt = at;
    this.clock = clockAfterMove({
      workflow,
      calendar,
      before: undefined,
      to: workflow.startState,
      now: at,
      overallSla: this.#input.overallSla,
    });
    this.publicStatus = start.publicStatus;
    this.candidateRole = start.candidateRole ?? null;
    this.assigneeId = staff.route(this.candidateRole, agencyCode, at);
    this.#append({
      at,
      kind: 'filed',
      action: null,
      fromState: null,
      toState: workflow.startState,
      actorId: filer.id,
      actorRole: filer.role,
      comment: null,
      public: true,
      details: { channel: this.#input.channel, serviceVersion: this.#input.serviceVersion },
    });
  }

  /** The timers pending now, earliest first. */
  timers(): ClockTimer[] {
    return pendingTimers(this.workflow, this.clock);
  }

  /** Fires, in order, every timer due before `until` (each on the scheduler's next pass after it). */
  fireTimersBefore(until: Date): void {
    for (;;) {
      const timer = this.timers()[0];
      if (!timer || timer.fireAt.getTime() >= until.getTime()) return;
      const firedAt = this.#passAfter(timer);
      // If the next action came before the scheduler's pass, the timer found a newer version.
      if (firedAt.getTime() >= until.getTime()) return;
      this.#fire(timer, firedAt);
    }
  }

  /** Fires timers until the inquiry closes (an automatic action such as `expire` closes it). */
  fireTimersUntilClosed(): void {
    while (!this.closed) {
      const timer = this.timers()[0];
      if (!timer) throw new Error(`inquiry in ${this.clock.state} has no timer that could close it`);
      this.#fire(timer, this.#passAfter(timer));
    }
  }

  /**
   * When the scheduler fires a due timer: on its first pass after the due time, and after the last
   * change (a change rewrites the timers, so a timer due meanwhile waits for the next pass: of two
   * timers due at once, one fires per pass).
   */
  #passAfter(timer: ClockTimer): Date {
    const due = Math.max(timer.fireAt.getTime(), this.lastAt.getTime());
    return new Date(due + this.#input.timerLag() * 1000);
  }

  /** An officer takes the inquiry from the role's inbox (`claim`). */
  claim(at: Date, actor: HistoryActor): void {
    const before = this.assigneeId;
    this.assigneeId = actor.id;
    this.#append({
      at,
      kind: 'assignment',
      action: 'claim',
      fromState: this.clock.state,
      toState: this.clock.state,
      actorId: actor.id,
      actorRole: this.candidateRole ?? 'staff',
      comment: null,
      public: false,
      details: { from: before, to: actor.id },
    });
  }

  /** Takes a workflow action at `at` (the caller checked the actor may). */
  transition(
    action: string,
    at: Date,
    actor: HistoryActor,
    comment: string | null,
    options: { overallBreachedAt?: Date } = {},
  ): void {
    const { workflow, calendar, staff, agencyCode } = this.#input;
    const from = this.clock.state;
    const transition = workflow.transition(from, action);
    if (!transition) throw new Error(`no action ${action} from ${from} in ${workflow.key}`);
    const source = workflow.state(from);
    const target = workflow.state(transition.to);
    const reopens = source.type === 'terminal' && target.type !== 'terminal';
    const clock = clockAfterMove({
      workflow,
      calendar,
      before: this.clock,
      to: transition.to,
      now: at,
      overallSla: reopens ? this.#input.overallSla : undefined,
    });
    if (options.overallBreachedAt && clock.overallBreachedAt === null)
      clock.overallBreachedAt = options.overallBreachedAt;
    const terminal = target.type === 'terminal';
    const candidateRole = terminal ? null : (target.candidateRole ?? null);
    let assigneeId = this.assigneeId;
    if (!terminal && candidateRole !== this.candidateRole && candidateRole !== 'citizen') {
      const keeps =
        this.candidateRole === 'citizen' &&
        assigneeId !== null &&
        candidateRole !== null &&
        staff.candidates(candidateRole, agencyCode).some((s) => s.id === assigneeId);
      if (!keeps) assigneeId = staff.route(candidateRole, agencyCode, at);
    }
    this.escalated = !terminal && clock.overallBreachedAt !== null && this.escalated;
    this.clock = clock;
    this.publicStatus = target.publicStatus;
    this.candidateRole = candidateRole;
    this.assigneeId = assigneeId;
    this.#append({
      at,
      kind: 'transition',
      action,
      fromState: from,
      toState: transition.to,
      actorId: actor.id,
      actorRole: actor.role,
      comment: comment?.trim() || null,
      public: transition.public ?? false,
      details: {},
    });
  }

  #fire(timer: ClockTimer, at: Date): void {
    const reaction = timer.reaction;
    if (typeof reaction === 'object') {
      this.transition(
        reaction.action,
        at,
        SYSTEM,
        `Automatic: ${timer.kind.replace('_', ' ')} reached`,
        timer.kind === 'overall_sla' ? { overallBreachedAt: at } : {},
      );
      return;
    }
    const overall = timer.kind === 'overall_sla';
    if (overall) this.clock = { ...this.clock, overallBreachedAt: at };
    else this.clock = { ...this.clock, stateBreachedAt: at };
    if (reaction === 'escalate') this.escalated = true;
    this.#append({
      at,
      kind: reaction === 'escalate' ? 'escalation' : 'breach',
      action: null,
      fromState: this.clock.state,
      toState: this.clock.state,
      actorId: SYSTEM.id,
      actorRole: SYSTEM.role,
      comment: null,
      public: false,
      details: { timer: timer.kind, dueAt: timer.fireAt.toISOString(), reaction },
    });
  }

  #append(entry: Omit<HistoryEntryRow, 'seq' | 'workflowVersion'>): void {
    this.history.push({ ...entry, seq: this.history.length + 1, workflowVersion: this.workflow.version });
  }
}
