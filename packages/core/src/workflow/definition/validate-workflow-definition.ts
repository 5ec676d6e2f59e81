import type { WorkflowDefinition, WorkflowValidationContext } from './types.js';
import { workflowDefinitionCheckProblems } from './workflow-definition-checks.js';
import { workflowDefinitionInvalid } from './workflow-definition.errors.js';
import { workflowDefinitionSchemaProblems } from './workflow-definition.schema.js';

/**
 * Everything wrong with a would-be workflow definition (a plugin's `WorkflowDefinitionData`, or any
 * value): its shape first, every structural problem at once; then, if the shape is right, every
 * semantic problem at once. Semantic checks wait for a sound shape because a malformed transition
 * would only echo as false "unreachable" states. An empty list means it may be published.
 * `darcha plugin verify` lists these.
 */
export function workflowDefinitionProblems(data: unknown, context: WorkflowValidationContext): string[] {
  const shape = workflowDefinitionSchemaProblems(data);
  return shape.length > 0 ? shape : workflowDefinitionCheckProblems(data as WorkflowDefinition, context);
}

/**
 * Narrows a plugin's workflow data to a {@link WorkflowDefinition} (the same object, not a copy), or throws
 * `DARCHA_WORKFLOW_DEFINITION_INVALID` naming the key, version and plugin and listing every problem.
 *
 * @example
 * const definition = validateWorkflowDefinition(plugin.workflows[0], {
 *   pluginId: plugin.id,
 *   registry: contributionLookup(contributions),
 * });
 */
export function validateWorkflowDefinition(
  data: unknown,
  context: WorkflowValidationContext,
): WorkflowDefinition {
  const problems = workflowDefinitionProblems(data, context);
  if (problems.length > 0) throw workflowDefinitionInvalid(context.pluginId, data, problems);
  return data as WorkflowDefinition;
}
