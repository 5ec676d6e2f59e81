import type { WorkflowDefinition, WorkflowSla } from './types.js';

/**
 * An SLA whose breach runs an automatic action (`onBreach: { action }`) names an action the
 * `system` role may take: from the state itself for a state's SLA, from some state for the
 * workflow's overall SLA. Each problem starts with a JSON pointer and names the state and action.
 */
export function workflowSlaProblems({ states, transitions, sla }: WorkflowDefinition): string[] {
  const problems: string[] = [];
  const transitionsWith = (action: string, from?: string) =>
    transitions.filter((t) => t.action === action && (from === undefined || t.from.includes(from)));
  const systemMissing = `that action does not allow role "system", which runs automatic actions; add "system" to its roles`;

  for (const [name, state] of Object.entries(states)) {
    const action = automaticAction(state.sla);
    if (action === undefined) continue;
    const at = `/states/${name}/sla/onBreach/action`;
    const offered = transitionsWith(action, name);
    if (offered.length === 0) {
      problems.push(
        `${at}: state "${name}" runs action "${action}" on breach, but no such action leaves "${name}"`,
      );
    } else if (!offered.some((t) => t.roles.includes('system'))) {
      problems.push(`${at}: state "${name}" runs action "${action}" on breach, but ${systemMissing}`);
    }
  }

  const action = automaticAction(sla);
  if (action !== undefined) {
    const offered = transitionsWith(action);
    const at = '/sla/onBreach/action';
    if (offered.length === 0) {
      problems.push(
        `${at}: the workflow runs action "${action}" on breach of its SLA, but no transition has that action`,
      );
    } else if (!offered.some((t) => t.roles.includes('system'))) {
      problems.push(`${at}: the workflow runs action "${action}" on breach of its SLA, but ${systemMissing}`);
    }
  }
  return problems;
}

function automaticAction(sla: WorkflowSla | undefined): string | undefined {
  return sla !== undefined && typeof sla.onBreach === 'object' ? sla.onBreach.action : undefined;
}
