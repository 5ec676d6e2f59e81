import { expect } from 'chai';
import { workflowDefinitionSchemaProblems } from '../../../src/workflow/definition/workflow-definition.schema.js';
import { noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';
import { problemsOf } from './problems.js';

/** A fixture as loose data, to be broken in ways its type forbids. */
function loose(): Record<string, unknown> & { states: Record<string, Record<string, unknown>> } & {
  transitions: Record<string, unknown>[];
} {
  return JSON.parse(JSON.stringify(noDebtCertificateWorkflow())) as ReturnType<typeof loose>;
}

describe('workflow definition schema', () => {
  it('accepts both example workflows', () => {
    expect(workflowDefinitionSchemaProblems(noDebtCertificateWorkflow())).to.deep.equal([]);
    expect(workflowDefinitionSchemaProblems(registerExtractWorkflow())).to.deep.equal([]);
  });

  it('points at a transition without a "to"', () => {
    const workflow = loose();
    delete workflow.transitions[1]!['to'];
    expect(problemsOf(workflow)).to.deep.equal(['/transitions/1/to: is required']);
  });

  it('points at a state with an unknown public status', () => {
    const workflow = loose();
    workflow.states['ready']!['publicStatus'] = 'done';
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/ready/publicStatus: must be one of: "submitted", "in_progress", "action_required", "ready", "completed", "rejected"',
    ]);
  });

  it('points at a badly named state, not at the states object', () => {
    const workflow = loose();
    workflow.states['In-Review'] = workflow.states['in_review']!;
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/In-Review: is not a valid state name: use at most 63 lowercase letters, digits and underscores, starting with a letter',
    ]);
  });

  it('explains a malformed breach reaction once, whichever form it takes', () => {
    const workflow = loose();
    workflow.states['in_review']!['sla'] = { unit: 'working_days', value: 1, onBreach: 'shout' };
    workflow.states['ready']!['sla'] = { unit: 'days', value: 0, onBreach: { run: 'hand_over' } };
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/in_review/sla/onBreach: must be one of: "escalate", "notify"',
      '/states/ready/sla/unit: must be one of: "working_days", "working_hours"',
      '/states/ready/sla/value: must be >= 1',
      '/states/ready/sla/onBreach/action: is required',
      '/states/ready/sla/onBreach/run: is not a known field; remove it or check its spelling',
    ]);
  });

  it('reports every structural problem at once, each with its JSON pointer', () => {
    const workflow = loose();
    workflow['version'] = 0;
    workflow['owner'] = 'gas';
    delete workflow.states['completed']!['names'];
    workflow.states['ready']!['clock'] = 'stopped';
    workflow.transitions[0]!['from'] = [];
    workflow.transitions[1]!['effects'] = ['core/issue-document', { template: 'agency-gas/x' }];
    workflow.transitions[2]!['within'] = { days: 15, unit: 'weeks', of: 'rejection' };
    workflow.transitions[3]!['roles'] = ['Back Office'];
    expect(problemsOf(workflow)).to.deep.equal([
      '/owner: is not a known field; remove it or check its spelling',
      '/version: must be >= 1',
      '/states/ready/clock: must be one of: "paused"',
      '/states/completed/names: is required',
      '/transitions/0/from: must NOT have fewer than 1 items',
      '/transitions/1/effects/1/name: is required',
      '/transitions/2/within/unit: must be one of: "calendar_days", "working_days"',
      '/transitions/3/roles/0: must match pattern "^(?:[a-z][a-z0-9_]*|[a-z][a-z0-9-]*\\/[a-z][a-z0-9_-]*)$"',
    ]);
  });

  it('holds back the semantic checks until the shape is right', () => {
    const workflow = loose();
    workflow.states['ready']!['type'] = 'start';
    workflow.transitions[0]!['public'] = 'yes';
    expect(problemsOf(workflow)).to.deep.equal(['/transitions/0/public: must be boolean']);
  });
});
