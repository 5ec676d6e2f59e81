import { expect } from 'chai';
import { isDarchaError } from '../../../src/errors/darcha-error.js';
import type { WorkflowDefinitionData } from '../../../src/plugins/contributions.js';
import {
  validateWorkflowDefinition,
  workflowDefinitionProblems,
} from '../../../src/workflow/definition/validate-workflow-definition.js';
import { fixtureLookup, noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';

describe('validateWorkflowDefinition', () => {
  it('accepts the no-debt certificate and the register extract workflows', () => {
    for (const workflow of [noDebtCertificateWorkflow(), registerExtractWorkflow()]) {
      // A WorkflowDefinition is a plugin's WorkflowDefinitionData as it stands.
      const data: WorkflowDefinitionData = workflow;
      const pluginId = workflow.key.split('/')[0]!;
      expect(workflowDefinitionProblems(data, { pluginId, registry: fixtureLookup(true) })).to.deep.equal([]);
      expect(validateWorkflowDefinition(data, { pluginId, registry: fixtureLookup() })).to.deep.equal(
        workflow,
      );
    }
  });

  it('throws DARCHA_WORKFLOW_DEFINITION_INVALID naming the workflow, its version, the plugin and every problem', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['ready']!.type = 'start';
    workflow.transitions[2]!.roles = ['front_office', 'cashier'];
    let thrown: unknown;
    try {
      validateWorkflowDefinition(workflow, { pluginId: 'agency-gas', registry: fixtureLookup() });
    } catch (error) {
      thrown = error;
    }
    expect(isDarchaError(thrown, 'DARCHA_WORKFLOW_DEFINITION_INVALID')).to.equal(true);
    if (!isDarchaError(thrown)) return;
    expect(thrown.kind).to.equal('invalid');
    expect(thrown.message).to.equal(
      'Workflow "agency-gas/no-debt-certificate" version 1 of plugin "agency-gas" is invalid:\n' +
        '  - /states: states "submitted", "ready" are all start states; exactly one state may be "type": "start"\n' +
        '  - /transitions/2/roles/1: action "hand_over" names role "cashier", which is neither a core role (front_office, back_office, supervisor, citizen, system) nor declared in "roles"',
    );
    expect(thrown.hint).to.contain('darcha plugin verify');
    expect(thrown.details).to.deep.include({
      pluginId: 'agency-gas',
      workflowKey: 'agency-gas/no-debt-certificate',
      version: 1,
    });
    expect(thrown.details['problems']).to.have.length(2);
  });

  it('names a definition without a usable key or version as such', () => {
    expect(() =>
      validateWorkflowDefinition({ version: 'one' }, { pluginId: 'agency-gas', registry: fixtureLookup() }),
    )
      .to.throw()
      .with.property('message')
      .that.matches(/^Workflow without a key of plugin "agency-gas" is invalid:\n {2}- \/key: is required\n/);
  });

  it('reports every semantic problem of a definition at once', () => {
    const workflow = registerExtractWorkflow();
    workflow.key = 'agency-gas/register-extract';
    workflow.states['issued']!.sla = { unit: 'working_days', value: 1, onBreach: 'notify' };
    workflow.transitions[2]!.to = 'in_reveiw';
    workflow.transitions[3]!.guards = ['agency-cadastre/object-exists'];
    workflow.transitions[6]!.within = { days: 15, unit: 'calendar_days', of: 'completion' };
    const problems = workflowDefinitionProblems(workflow, {
      pluginId: 'agency-cadastre',
      registry: fixtureLookup(),
    });
    expect(problems).to.deep.equal([
      '/key: workflow "agency-gas/register-extract" must be named "agency-cadastre/<name>": a plugin publishes workflows under its own id, here "agency-cadastre"',
      '/transitions/2/to: action "submit_documents" leads to "in_reveiw", which is not a state of this workflow',
      '/states/issued/sla: terminal state "issued" takes no SLA: nothing is due once an inquiry is closed; remove "sla"',
      '/transitions/6/within/of: action "appeal" counts its window from the completion, but state "rejected" shows "rejected"; use "of": "rejection"',
      '/transitions/3/guards/0: action "issue_extract" uses guard "agency-cadastre/object-exists", which no active plugin registers',
    ]);
  });
});
