import type { WorkflowDefinition, WorkflowReferenceLookup } from '../../../src/workflow/definition/types.js';
import { workflowDefinitionProblems } from '../../../src/workflow/definition/validate-workflow-definition.js';
import { fixtureLookup } from './fixtures.js';

/** Every problem of `definition`, published by the plugin its key names, against the fixtures' lookup. */
export function problemsOf(
  definition: WorkflowDefinition | Record<string, unknown>,
  registry: WorkflowReferenceLookup = fixtureLookup(),
): string[] {
  const key = typeof definition['key'] === 'string' ? definition['key'] : '';
  return workflowDefinitionProblems(definition, { pluginId: key.split('/')[0] ?? '', registry });
}
