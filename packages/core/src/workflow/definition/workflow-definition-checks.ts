import type { WorkflowDefinition, WorkflowValidationContext } from './types.js';
import { workflowGraphProblems } from './workflow-graph-checks.js';
import { workflowReferenceProblems } from './workflow-reference-checks.js';
import { workflowRoleProblems } from './workflow-role-checks.js';
import { workflowSlaProblems } from './workflow-sla-checks.js';
import { workflowTerminalProblems } from './workflow-terminal-checks.js';

/**
 * The rules of a workflow definition that a schema cannot say, all of them at once: the key belongs
 * to the publishing plugin; the state graph is sound (one start, every state reachable, a terminal
 * state reachable from each, actions unique per state); terminal states are closed (no SLA, no
 * paused clock, only windowed exits); every role, guard, effect, template and document named is
 * known; automatic actions on breach exist and allow `system`. Each problem starts with a JSON
 * pointer and names the state or action at fault. Run it on a definition whose shape is valid.
 */
export function workflowDefinitionCheckProblems(
  definition: WorkflowDefinition,
  { pluginId, registry }: WorkflowValidationContext,
): string[] {
  return [
    ...keyProblems(definition, pluginId),
    ...workflowGraphProblems(definition),
    ...workflowTerminalProblems(definition),
    ...workflowRoleProblems(definition, registry),
    ...workflowReferenceProblems(definition, registry),
    ...workflowSlaProblems(definition),
  ];
}

function keyProblems({ key }: WorkflowDefinition, pluginId: string): string[] {
  const prefix = `${pluginId}/`;
  if (key.startsWith(prefix)) return [];
  return [
    `/key: workflow "${key}" must be named "${prefix}<name>": a plugin publishes workflows under its own id, here "${pluginId}"`,
  ];
}
