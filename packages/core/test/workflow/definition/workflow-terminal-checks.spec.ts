import { expect } from 'chai';
import { noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';
import { problemsOf } from './problems.js';

describe('workflow terminal checks', () => {
  it('refuses an ordinary transition out of a terminal state', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.transitions.push({
      action: 'reopen',
      from: ['completed'],
      to: 'in_review',
      roles: ['supervisor'],
      names: { en: 'Reopen' },
    });
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/4/from/0: action "reopen" leaves terminal state "completed"; terminal states have no outgoing transitions, except an appeal or reopen limited by "within"',
    ]);
  });

  it('lets a reopen leave a completed state within a window counted from the completion', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.transitions.push({
      action: 'reopen',
      from: ['completed'],
      to: 'in_review',
      roles: ['supervisor'],
      within: { days: 10, unit: 'working_days', of: 'completion' },
      names: { en: 'Reopen' },
    });
    expect(problemsOf(workflow)).to.deep.equal([]);
  });

  it('opens a window only on terminal states, counted from what the state shows', () => {
    const workflow = registerExtractWorkflow();
    workflow.transitions[6]!.from = ['rejected', 'issued', 'waiting_for_documents'];
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/6/within/of: action "appeal" counts its window from the rejection, but state "issued" shows "completed"; use "of": "completion"',
      '/transitions/6/within: action "appeal" leaves state "waiting_for_documents", which is not terminal; a "within" window only opens when an inquiry is rejected or completed',
    ]);
  });

  it('refuses a terminal state that pauses the clock', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['rejected']!.clock = 'paused';
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/rejected/clock: terminal state "rejected" cannot pause the clock: a closed inquiry has no clock to stop; remove "clock" or make the state normal',
    ]);
  });

  it('refuses an SLA on a terminal state', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['completed']!.sla = { unit: 'working_hours', value: 4, onBreach: 'notify' };
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/completed/sla: terminal state "completed" takes no SLA: nothing is due once an inquiry is closed; remove "sla"',
    ]);
  });

  it('wants a terminal state to show the citizen a final status', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['completed']!.publicStatus = 'ready';
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/completed/publicStatus: terminal state "completed" shows "ready"; a closed inquiry shows the citizen "completed" or "rejected"',
    ]);
  });
});
