import { expect } from 'chai';
import { workflowDefinitionProblems } from '../../../src/workflow/definition/validate-workflow-definition.js';
import { COMPOSITE_WORKFLOW, COMPOSITE_WORKFLOW_V1 } from '../../../src/workflow/engine/composite.js';

describe('the core composite workflow', () => {
  const registry = { hasGuard: () => false, hasEffect: () => false, hasTemplate: () => false };

  it('passes the same checks as any plugin workflow, in both versions', () => {
    for (const definition of [COMPOSITE_WORKFLOW_V1, COMPOSITE_WORKFLOW]) {
      expect(
        workflowDefinitionProblems(definition, { pluginId: 'core', registry }),
        `v${definition.version}`,
      ).to.deep.equal([]);
    }
  });

  it('adds reopen in version 2 only, leaving version 1 as it was published', () => {
    expect(COMPOSITE_WORKFLOW_V1.transitions.map((t) => t.action)).to.deep.equal(['complete', 'reject']);
    expect(COMPOSITE_WORKFLOW.transitions.map((t) => t.action)).to.deep.equal([
      'complete',
      'reject',
      'reopen',
      'reopen',
    ]);
  });
});
