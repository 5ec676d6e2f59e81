import { DateTime } from 'luxon';
import type { WorkingCalendar } from '../../calendar/working-calendar.js';
import type { TransitionWindow, WorkflowTransition } from '../definition/types.js';
import type { Actor, AllowedAction, Inquiry } from '../inquiry/types.js';
import { rolesOn } from './actor-roles.js';
import type { CompiledWorkflow } from './compiled-workflow.js';

type InquiryView = Pick<Inquiry, 'id' | 'state' | 'agencyCode' | 'applicantKey' | 'assigneeId' | 'closedAt'>;

/** The last instant a windowed transition may happen: the window counted from the close. */
export function windowEnd(window: TransitionWindow, closedAt: Date, calendar: WorkingCalendar): Date {
  if (window.unit === 'working_days') return calendar.addWorkingDays(closedAt, window.days);
  return DateTime.fromJSDate(closedAt, { zone: calendar.timeZone }).plus({ days: window.days }).toJSDate();
}

/**
 * The actions the actor may take on the inquiry now, for the UI: transitions leaving its state in
 * its pinned workflow, for which the actor holds a role on this inquiry, whose window (if any) is
 * open, and — for `core/is-assignee` — whom the inquiry is assigned to (or whom the actor acts
 * for). Other guards and `requires` are checked when the action is taken; the UI shows `requires`.
 */
export function allowedActions(input: {
  workflow: CompiledWorkflow;
  inquiry: InquiryView;
  actor: Actor;
  calendar: WorkingCalendar;
  now: Date;
  /** Officers the actor currently acts for. */
  principals: readonly string[];
}): AllowedAction[] {
  const { workflow, inquiry, actor, calendar, now, principals } = input;
  const held = rolesOn(inquiry, actor);
  const allowed: AllowedAction[] = [];
  for (const transition of workflow.leaving(inquiry.state)) {
    if (!transition.roles.some((role) => held.has(role))) continue;
    if (transition.guards?.includes('core/is-assignee') && !actsAsAssignee(inquiry, actor, principals))
      continue;
    let availableUntil: Date | undefined;
    if (transition.within) {
      if (!inquiry.closedAt) continue;
      availableUntil = windowEnd(transition.within, inquiry.closedAt, calendar);
      if (now > availableUntil) continue;
    }
    allowed.push(describe(transition, availableUntil));
  }
  return allowed;
}

/** Whether the actor is the assignee, or acts for the assignee while they are away. */
export function actsAsAssignee(
  inquiry: Pick<Inquiry, 'assigneeId'>,
  actor: Actor,
  principals: readonly string[],
): boolean {
  if (inquiry.assigneeId === null) return false;
  return inquiry.assigneeId === actor.id || principals.includes(inquiry.assigneeId);
}

function describe(transition: WorkflowTransition, availableUntil: Date | undefined): AllowedAction {
  const action: AllowedAction = {
    action: transition.action,
    to: transition.to,
    names: { ...transition.names },
    requires: {
      comment: transition.requires?.comment ?? false,
      documents: [...(transition.requires?.documents ?? [])],
      payment: transition.requires?.payment ?? false,
    },
    public: transition.public ?? false,
  };
  if (availableUntil) action.availableUntil = availableUntil;
  return action;
}
