import {
  plannedTimers,
  type BreachReaction,
  type CompiledWorkflow,
  type InquiryClock,
  type PlannedTimer,
} from '@darcha/core';

/** A timer that changes the inquiry when it fires (reminders only write an event, so they are left out). */
export type ClockTimer = PlannedTimer & {
  kind: 'state_sla' | 'overall_sla' | 'auto_action';
  reaction: BreachReaction;
};

/**
 * The timers the engine would keep pending in this clock that change the inquiry, earliest first (at
 * equal times the state's first): core's own `plannedTimers` without the reminders.
 */
export function pendingTimers(workflow: CompiledWorkflow, clock: InquiryClock): ClockTimer[] {
  return plannedTimers(workflow, clock, clock.stateEnteredAt)
    .filter((timer): timer is ClockTimer => timer.kind !== 'reminder')
    .sort((a, b) => a.fireAt.getTime() - b.fireAt.getTime());
}
