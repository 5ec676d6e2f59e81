import { expect } from 'chai';
import { noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';
import { problemsOf } from './problems.js';

describe('workflow graph checks', () => {
  it('wants a start state', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['submitted']!.type = 'normal';
    expect(problemsOf(workflow)).to.deep.equal([
      '/states: no state is the start state; mark exactly one state "type": "start"',
    ]);
  });

  it('refuses two start states and names both', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['in_review']!.type = 'start';
    expect(problemsOf(workflow)).to.deep.equal([
      '/states: states "submitted", "in_review" are all start states; exactly one state may be "type": "start"',
    ]);
  });

  it('names a state that cannot be reached from the start', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['archived'] = { type: 'terminal', publicStatus: 'completed', names: { en: 'Archived' } };
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/archived: state "archived" cannot be reached from the start state "submitted"; add a transition to it or remove it',
    ]);
  });

  it('names each state from which no terminal state can be reached', () => {
    const workflow = noDebtCertificateWorkflow();
    // Review and "ready" now only lead to each other.
    workflow.transitions[2]!.to = 'in_review';
    workflow.transitions[3]!.from = ['submitted'];
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/completed: state "completed" cannot be reached from the start state "submitted"; add a transition to it or remove it',
      '/states/in_review: no terminal state can be reached from state "in_review"; add a transition that leads towards one',
      '/states/ready: no terminal state can be reached from state "ready"; add a transition that leads towards one',
    ]);
  });

  it('names transitions from or to states that do not exist', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.transitions[3]!.from = ['submitted', 'in_reveiw'];
    workflow.transitions.push({
      action: 'archive',
      from: ['completed_'],
      to: 'archive',
      roles: ['system'],
      names: { en: 'Archive' },
    });
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/3/from/1: action "reject" leaves "in_reveiw", which is not a state of this workflow',
      '/transitions/4/from/0: action "archive" leaves "completed_", which is not a state of this workflow',
      '/transitions/4/to: action "archive" leads to "archive", which is not a state of this workflow',
    ]);
  });

  it('refuses the same action twice from one state', () => {
    const workflow = registerExtractWorkflow();
    workflow.transitions.push({
      action: 'reject',
      from: ['awaiting_payment', 'in_review'],
      to: 'cancelled',
      roles: ['front_office'],
      names: { en: 'Reject' },
    });
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/7/action: action "reject" already leaves state "in_review" (/transitions/4); an action must be unique among the transitions leaving a state',
    ]);
  });

  it('allows one action name from different states in different transitions', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.transitions[3]!.from = ['submitted'];
    workflow.transitions.push({ ...workflow.transitions[3]!, from: ['in_review'], roles: ['supervisor'] });
    expect(problemsOf(workflow)).to.deep.equal([]);
  });
});
