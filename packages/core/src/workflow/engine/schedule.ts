import type { WorkingCalendar } from '../../calendar/working-calendar.js';
import type { ServiceSla } from '../../registry/types.js';
import type { BreachReaction, WorkflowSla, WorkflowState } from '../definition/types.js';
import type { CompiledWorkflow } from './compiled-workflow.js';

/** An SLA in any unit the registry or a workflow uses. */
export type AnySla = Pick<ServiceSla, 'unit' | 'value'> | Pick<WorkflowSla, 'unit' | 'value'>;

/** What a timer does when it fires: a breach reaction, or a reminder to the applicant. */
export type TimerReaction = BreachReaction | 'remind';

/** A timer to (re)write for the inquiry's new version. */
export interface PlannedTimer {
  kind: 'state_sla' | 'overall_sla' | 'reminder' | 'auto_action';
  fireAt: Date;
  reaction: TimerReaction;
}

/** The clock-related columns of an inquiry. */
export interface InquiryClock {
  state: string;
  stateEnteredAt: Date;
  dueAt: Date | null;
  stateDueAt: Date | null;
  stateBreachedAt: Date | null;
  overallBreachedAt: Date | null;
  pausedAt: Date | null;
  closedAt: Date | null;
}

/** Adds an SLA to an instant on the tenant's working calendar. */
export function addSla(calendar: WorkingCalendar, start: Date, sla: AnySla): Date {
  switch (sla.unit) {
    case 'working_days':
      return calendar.addWorkingDays(start, sla.value);
    case 'working_hours':
      return calendar.addWorkingHours(start, sla.value);
    case 'minutes':
      return calendar.addWorkingMinutes(start, sla.value);
  }
}

/**
 * The clock after the inquiry moves from `from` (undefined when it is being filed) to `to` at
 * `now`: the state's due date, the overall due date moved by a pause that ends, the pause that
 * starts, and the close or reopen. `overallSla` sets the overall due date at filing and on reopen.
 */
export function clockAfterMove(input: {
  workflow: CompiledWorkflow;
  calendar: WorkingCalendar;
  before: InquiryClock | undefined;
  to: string;
  now: Date;
  overallSla: AnySla | undefined;
}): InquiryClock {
  const { workflow, calendar, before, to, now, overallSla } = input;
  const target = workflow.state(to);
  const source: WorkflowState | undefined = before ? workflow.state(before.state) : undefined;
  let dueAt = before?.dueAt ?? null;
  let overallBreachedAt = before?.overallBreachedAt ?? null;
  let pausedAt = before?.pausedAt ?? null;
  if (!before || (source?.type === 'terminal' && target.type !== 'terminal')) {
    // Filed, or reopened (an appeal, a reopen): the overall clock starts again.
    dueAt = overallSla ? addSla(calendar, now, overallSla) : null;
    overallBreachedAt = null;
    pausedAt = null;
  }
  const wasPaused = source?.clock === 'paused' && pausedAt !== null;
  const pauses = target.clock === 'paused';
  if (wasPaused && !pauses) {
    if (dueAt) dueAt = calendar.dueAfterPause(dueAt, pausedAt!, now);
    pausedAt = null;
  } else if (!wasPaused && pauses) {
    pausedAt = now;
  }
  const terminal = target.type === 'terminal';
  return {
    state: to,
    stateEnteredAt: now,
    dueAt,
    stateDueAt: target.sla && !terminal ? addSla(calendar, now, target.sla) : null,
    stateBreachedAt: null,
    overallBreachedAt,
    pausedAt: terminal ? null : pausedAt,
    closedAt: terminal ? now : null,
  };
}

/**
 * The timers an inquiry has in this clock: its state's SLA (or the applicant's deadline in a paused
 * state, with a reminder halfway), and the overall SLA while the clock runs. A breached SLA gets no
 * new timer, so a breach fires once.
 */
export function plannedTimers(workflow: CompiledWorkflow, clock: InquiryClock, now: Date): PlannedTimer[] {
  const state = workflow.state(clock.state);
  if (state.type === 'terminal') return [];
  const timers: PlannedTimer[] = [];
  if (state.sla && clock.stateDueAt && !clock.stateBreachedAt) {
    const reaction = state.sla.onBreach;
    timers.push({
      kind: typeof reaction === 'object' ? 'auto_action' : 'state_sla',
      fireAt: clock.stateDueAt,
      reaction,
    });
    if (state.clock === 'paused') {
      const halfway = new Date((clock.stateEnteredAt.getTime() + clock.stateDueAt.getTime()) / 2);
      if (halfway > now) timers.push({ kind: 'reminder', fireAt: halfway, reaction: 'remind' });
    }
  }
  if (clock.dueAt && !clock.overallBreachedAt && state.clock !== 'paused') {
    timers.push({
      kind: 'overall_sla',
      fireAt: clock.dueAt,
      reaction: workflow.definition.sla?.onBreach ?? 'escalate',
    });
  }
  return timers;
}
