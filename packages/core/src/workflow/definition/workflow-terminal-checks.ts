import type { WorkflowDefinition } from './types.js';
import { WINDOW_EVENT_STATUS } from './workflow-vocabulary.js';

const FINAL_STATUSES: readonly string[] = Object.values(WINDOW_EVENT_STATUS);

/**
 * What a terminal state may be: closed for good (no SLA, no paused clock), showing the citizen
 * `completed` or `rejected`, and left only through a windowed transition (an appeal or a reopen with
 * `within`), whose window is counted from the event the state's public status shows. Each problem
 * starts with a JSON pointer and names the state or action at fault.
 */
export function workflowTerminalProblems(definition: WorkflowDefinition): string[] {
  return [...terminalStateProblems(definition), ...windowProblems(definition)];
}

function terminalStateProblems({ states }: WorkflowDefinition): string[] {
  const problems: string[] = [];
  for (const [name, state] of Object.entries(states)) {
    if (state.type !== 'terminal') continue;
    if (!FINAL_STATUSES.includes(state.publicStatus)) {
      problems.push(
        `/states/${name}/publicStatus: terminal state "${name}" shows "${state.publicStatus}"; a closed inquiry shows the citizen "completed" or "rejected"`,
      );
    }
    if (state.clock === 'paused') {
      problems.push(
        `/states/${name}/clock: terminal state "${name}" cannot pause the clock: a closed inquiry has no clock to stop; remove "clock" or make the state normal`,
      );
    }
    if (state.sla !== undefined) {
      problems.push(
        `/states/${name}/sla: terminal state "${name}" takes no SLA: nothing is due once an inquiry is closed; remove "sla"`,
      );
    }
  }
  return problems;
}

function windowProblems({ states, transitions }: WorkflowDefinition): string[] {
  const problems: string[] = [];
  transitions.forEach(({ action, from, within }, i) => {
    from.forEach((source, j) => {
      if (!Object.hasOwn(states, source)) return; // reported by the graph checks
      const state = states[source]!;
      if (state.type === 'terminal' && within === undefined) {
        problems.push(
          `/transitions/${i}/from/${j}: action "${action}" leaves terminal state "${source}"; terminal states have no outgoing transitions, except an appeal or reopen limited by "within"`,
        );
      }
      if (within === undefined) return;
      if (state.type !== 'terminal') {
        problems.push(
          `/transitions/${i}/within: action "${action}" leaves state "${source}", which is not terminal; a "within" window only opens when an inquiry is rejected or completed`,
        );
      } else if (
        FINAL_STATUSES.includes(state.publicStatus) &&
        state.publicStatus !== WINDOW_EVENT_STATUS[within.of]
      ) {
        problems.push(
          `/transitions/${i}/within/of: action "${action}" counts its window from the ${within.of}, but state "${source}" shows "${state.publicStatus}"; use "of": "${state.publicStatus === 'rejected' ? 'rejection' : 'completion'}"`,
        );
      }
    });
  });
  return problems;
}
