import { expect } from 'chai';
import { noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';
import { problemsOf } from './problems.js';

describe('workflow SLA checks', () => {
  it('wants a breach action that leaves the state', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['ready']!.sla = { unit: 'working_days', value: 30, onBreach: { action: 'expire' } };
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/ready/sla/onBreach/action: state "ready" runs action "expire" on breach, but no such action leaves "ready"',
    ]);
  });

  it('wants a breach action the system role may take', () => {
    const workflow = registerExtractWorkflow();
    workflow.states['waiting_for_documents']!.sla!.onBreach = { action: 'reject' };
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/waiting_for_documents/sla/onBreach/action: state "waiting_for_documents" runs action "reject" on breach, but that action does not allow role "system", which runs automatic actions; add "system" to its roles',
    ]);
  });

  it('checks the automatic action of the overall SLA too', () => {
    const workflow = registerExtractWorkflow();
    workflow.sla = { unit: 'working_days', value: 5, onBreach: { action: 'close' } };
    expect(problemsOf(workflow)).to.deep.equal([
      '/sla/onBreach/action: the workflow runs action "close" on breach of its SLA, but no transition has that action',
    ]);
    workflow.sla.onBreach = { action: 'reject' };
    expect(problemsOf(workflow)).to.deep.equal([
      '/sla/onBreach/action: the workflow runs action "reject" on breach of its SLA, but that action does not allow role "system", which runs automatic actions; add "system" to its roles',
    ]);
  });
});
