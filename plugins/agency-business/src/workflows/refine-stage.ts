import type { WorkflowDefinition } from '@darcha/core';

/** What {@link refineStage} changes on one stage of a kit workflow. */
export interface StageRefinement {
  /**
   * Drop the stage's own SLA, so that only the service's overall SLA times it: for deadlines a
   * workflow state cannot hold (a state's SLA is in working days or hours; a service's may be in
   * minutes).
   */
  dropSla?: boolean;
  /** Guards (`<plugin-id>/<name>`) the action completing the stage (`complete_<state>`) must pass too. */
  guards?: string[];
}

/**
 * A copy of a `stagedWorkflow` with one stage refined. The kit builds every stage with an SLA in
 * working days and only `core/is-assignee` on its completion; this adds what it cannot say yet.
 */
export function refineStage(
  workflow: WorkflowDefinition,
  state: string,
  refinement: StageRefinement,
): WorkflowDefinition {
  const stage = workflow.states[state];
  if (!stage) throw new TypeError(`workflow ${workflow.key} has no state "${state}" to refine`);
  const { sla: _sla, ...withoutSla } = stage;
  const complete = `complete_${state}`;
  return {
    ...workflow,
    states: { ...workflow.states, [state]: refinement.dropSla ? withoutSla : stage },
    transitions: workflow.transitions.map((transition) =>
      transition.action === complete && refinement.guards
        ? { ...transition, guards: [...(transition.guards ?? []), ...refinement.guards] }
        : transition,
    ),
  };
}
