import type { LocalizedText, WorkflowDefinition, WorkflowState, WorkflowTransition } from '@darcha/core';

/** The wait for the applicant to come in person, put in front of a workflow. */
export interface VisitSpec {
  /** The waiting state's name: `awaiting_visit`. */
  state: string;
  names: LocalizedText;
  /** Working days the applicant has to come; then the inquiry is cancelled by the system. */
  workingDays: number;
  /** The front office's action when the applicant has come (`confirm_visit`) and its name. */
  confirm: { action: string; names: LocalizedText };
  /** The system's action when the applicant has not come in time (`miss_visit`) and its name. */
  miss: { action: string; names: LocalizedText };
  /** The terminal state the missed visit leads to (`visit_missed`) and its name. */
  missed: { state: string; names: LocalizedText };
}

/**
 * A workflow whose inquiry first waits for the applicant's visit: `workflow` (made by the kit's
 * `stagedWorkflow` without a payment) with its start state replaced by the waiting state. While the
 * inquiry waits the service's clock is stopped (the visit is the applicant's part); the front office
 * confirms the visit, which starts the first step; without a visit within `visit.workingDays` the
 * system cancels the inquiry. Everything else (the steps, the rejection, the appeal, the issued
 * document) is the staged workflow's, its actions leaving the old start state now leave the waiting
 * state, and the start state's `take_in_work` becomes the visit's confirmation.
 *
 * @example
 * visitFirst(stagedWorkflow({ key, names, stages: [review], issues }), { state: 'awaiting_visit', ... });
 */
export function visitFirst(workflow: WorkflowDefinition, visit: VisitSpec): WorkflowDefinition {
  const start = Object.keys(workflow.states).find((name) => workflow.states[name]!.type === 'start')!;
  const waiting: WorkflowState = {
    type: 'start',
    publicStatus: 'action_required',
    names: visit.names,
    clock: 'paused',
    candidateRole: 'front_office',
    sla: { unit: 'working_days', value: visit.workingDays, onBreach: { action: visit.miss.action } },
  };
  const states: Record<string, WorkflowState> = { [visit.state]: waiting };
  for (const [name, state] of Object.entries(workflow.states)) if (name !== start) states[name] = state;
  states[visit.missed.state] = { type: 'terminal', publicStatus: 'rejected', names: visit.missed.names };

  const transitions: WorkflowTransition[] = workflow.transitions.map((transition) => {
    const from = transition.from.map((state) => (state === start ? visit.state : state));
    if (transition.action !== 'take_in_work') return { ...transition, from };
    return {
      ...transition,
      action: visit.confirm.action,
      from,
      roles: ['front_office', 'back_office'],
      names: visit.confirm.names,
    };
  });
  transitions.push({
    action: visit.miss.action,
    from: [visit.state],
    to: visit.missed.state,
    roles: ['system'],
    public: true,
    names: visit.miss.names,
  });
  return { ...workflow, states, transitions };
}
