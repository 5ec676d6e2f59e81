import type { BreachReaction, CompiledWorkflow, WorkingCalendar } from '@darcha/core';

/**
 * The SLA clock of an inquiry, computed as the workflow engine computes it. Core keeps these rules in
 * `packages/core/src/workflow/engine/schedule.ts` (`clockAfterMove`, `plannedTimers`), which it does
 * not export; this is a faithful copy for the demo history, checked against the real engine by
 * `test/history-fidelity.int.spec.ts`. If core's rules change, that test fails.
 */

/** An SLA in any unit a service or a workflow state uses. */
export interface AnySla {
  unit: 'working_days' | 'working_hours' | 'minutes';
  value: number;
}

/** The clock columns of an inquiry. */
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

/** A timer that changes the inquiry when it fires (reminders only write an event, so they are left out). */
export interface ClockTimer {
  kind: 'state_sla' | 'overall_sla' | 'auto_action';
  fireAt: Date;
  reaction: BreachReaction;
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
 * The clock after the inquiry moves to `to` at `now` (`before` undefined: it is being filed).
 * `overallSla` starts the overall clock at filing and when a terminal state is left (an appeal).
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
  const source = before ? workflow.state(before.state) : undefined;
  let dueAt = before?.dueAt ?? null;
  let overallBreachedAt = before?.overallBreachedAt ?? null;
  let pausedAt = before?.pausedAt ?? null;
  if (!before || (source?.type === 'terminal' && target.type !== 'terminal')) {
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
 * The timers that would be pending in this clock, earliest first (at equal times the state's
 * first): the state's SLA unless breached, and the overall SLA while the clock runs.
 */
export function pendingTimers(workflow: CompiledWorkflow, clock: InquiryClock): ClockTimer[] {
  const state = workflow.state(clock.state);
  if (state.type === 'terminal') return [];
  const timers: ClockTimer[] = [];
  if (state.sla && clock.stateDueAt && !clock.stateBreachedAt) {
    const reaction = state.sla.onBreach;
    timers.push({
      kind: typeof reaction === 'object' ? 'auto_action' : 'state_sla',
      fireAt: clock.stateDueAt,
      reaction,
    });
  }
  if (clock.dueAt && !clock.overallBreachedAt && state.clock !== 'paused') {
    timers.push({
      kind: 'overall_sla',
      fireAt: clock.dueAt,
      reaction: workflow.definition.sla?.onBreach ?? 'escalate',
    });
  }
  return timers.sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}
