import type { CompiledWorkflow, WorkflowTransition } from '@darcha/core';

/** The ways through a workflow the history uses. */
export interface WorkflowPaths {
  /** From the start state to a terminal state shown as completed. */
  happy: WorkflowTransition[];
  /** Rejections by staff: taken in the state reached after `happy[0..at)`. */
  rejections: { at: number; transition: WorkflowTransition }[];
  /** The start state's automatic action on its deadline (unpaid inquiries expire), when it has one. */
  expiry: string | null;
}

/** The guard the history meets by having the officer claim the inquiry first. */
export const ASSIGNEE_GUARD = 'core/is-assignee';

/** A plugin's guard (`<plugin-id>/<name>`): the history asks it about each application. */
export function isPluginGuard(guard: string): boolean {
  return !guard.startsWith('core/');
}

/**
 * Whether staff (or a citizen at the desk) can take the transition in the history: someone other
 * than the system may, it needs no attached documents, and its guards are the assignee guard or
 * plugins' guards (asked per application; see `plugin-guards.ts`).
 */
export function playable(transition: WorkflowTransition): boolean {
  if (!transition.roles.some((role) => role !== 'system')) return false;
  if ((transition.requires?.documents?.length ?? 0) > 0) return false;
  return (transition.guards ?? []).every((guard) => guard === ASSIGNEE_GUARD || isPluginGuard(guard));
}

/**
 * The shortest playable path from `from` to a terminal state whose public status is `completed`
 * (transitions in definition order break ties); undefined when there is none.
 */
export function pathToCompletion(workflow: CompiledWorkflow, from: string): WorkflowTransition[] | undefined {
  const previous = new Map<string, { state: string; transition: WorkflowTransition } | null>([[from, null]]);
  const queue = [from];
  while (queue.length > 0) {
    const state = queue.shift()!;
    const here = workflow.state(state);
    if (here.type === 'terminal' && here.publicStatus === 'completed' && state !== from) {
      const path: WorkflowTransition[] = [];
      for (let at = state; previous.get(at); at = previous.get(at)!.state)
        path.unshift(previous.get(at)!.transition);
      return path;
    }
    if (here.type === 'terminal' && state !== from) continue;
    for (const transition of workflow.leaving(state)) {
      if (!playable(transition) || previous.has(transition.to)) continue;
      if (
        workflow.state(transition.to).type === 'terminal' &&
        workflow.state(transition.to).publicStatus !== 'completed'
      )
        continue;
      previous.set(transition.to, { state, transition });
      queue.push(transition.to);
    }
  }
  return undefined;
}

/** A way out of a rejection back into work (an appeal or a reopen), when the workflow has one. */
export function appealFrom(workflow: CompiledWorkflow, rejected: string): WorkflowTransition | undefined {
  return workflow
    .leaving(rejected)
    .find((t) => playable(t) && workflow.state(t.to).type !== 'terminal' && pathToCompletion(workflow, t.to));
}

/** The paths of a workflow; undefined when nothing playable leads to completion. */
export function workflowPaths(workflow: CompiledWorkflow): WorkflowPaths | undefined {
  const happy = pathToCompletion(workflow, workflow.startState);
  if (!happy) return undefined;
  const rejections: WorkflowPaths['rejections'] = [];
  const states = [workflow.startState, ...happy.map((t) => t.to)];
  states.slice(0, -1).forEach((state, at) => {
    const transition = rejectionFrom(workflow, state);
    if (transition) rejections.push({ at, transition });
  });
  const start = workflow.state(workflow.startState);
  const reaction = start.sla?.onBreach;
  const expiry =
    typeof reaction === 'object' && workflow.transition(workflow.startState, reaction.action)
      ? reaction.action
      : null;
  return { happy, rejections, expiry };
}

/** A rejection staff may take from `state` (not a citizen's withdrawal), when there is one. */
export function rejectionFrom(workflow: CompiledWorkflow, state: string): WorkflowTransition | undefined {
  return workflow
    .leaving(state)
    .find((t) => playable(t) && isRejection(workflow, t.to) && t.roles.some((r) => r !== 'citizen'));
}

/** The state the inquiry is in before each step. */
export function statesBefore(workflow: CompiledWorkflow, steps: readonly WorkflowTransition[]): string[] {
  return [workflow.startState, ...steps.map((s) => s.to)].slice(0, steps.length);
}

function isRejection(workflow: CompiledWorkflow, state: string): boolean {
  const target = workflow.state(state);
  return target.type === 'terminal' && target.publicStatus === 'rejected';
}
