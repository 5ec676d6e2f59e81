import { expect } from 'chai';
import { informationWorkflow, stagedWorkflow, WORKFLOW_NAMES, type WorkStage } from '../src/index.js';

const names = WORKFLOW_NAMES.submitted;
const stage = (state: string, workingDays: number): WorkStage => ({ state, workingDays, names, done: names });

describe('service-kit workflows', () => {
  describe('stagedWorkflow', () => {
    it('without payment: taken into work, the stages in order, completed; reject and appeal to the first', () => {
      const wf = stagedWorkflow({ key: 'pack/x', names, stages: [stage('check', 1), stage('delivery', 12)] });
      expect(wf).to.include({ key: 'pack/x', version: 1 });
      expect(Object.keys(wf.states)).to.have.members([
        'submitted',
        'check',
        'delivery',
        'completed',
        'rejected',
      ]);
      expect(wf.states['submitted']).to.include({ type: 'start', candidateRole: 'back_office' });
      expect(wf.states['delivery']!.sla).to.deep.equal({
        unit: 'working_days',
        value: 12,
        onBreach: 'escalate',
      });
      const by = Object.fromEntries(wf.transitions.map((t) => [t.action, t]));
      expect(by['take_in_work']).to.include({ to: 'check' });
      expect(by['complete_check']).to.include({ to: 'delivery' });
      expect(by['complete_delivery']).to.include({ to: 'completed' });
      expect(by['complete_delivery']!.effects).to.equal(undefined);
      expect(by['reject']!.from).to.deep.equal(['submitted', 'check', 'delivery']);
      expect(by['appeal']).to.deep.include({ from: ['rejected'], to: 'check' });
      expect(by['appeal']!.within).to.deep.equal({ days: 15, unit: 'calendar_days', of: 'rejection' });
    });

    it('with payment and a document: waits paused for payment, expires, issues the document when ready', () => {
      const wf = stagedWorkflow({
        key: 'pack/paid',
        names,
        stages: [stage('survey', 10)],
        payment: { payableWorkingDays: 5 },
        issues: { template: 'pack/passport' },
        appealDays: 30,
      });
      expect(wf.states['awaiting_payment']).to.include({ type: 'start', clock: 'paused' });
      expect(wf.states['awaiting_payment']!.sla).to.deep.equal({
        unit: 'working_days',
        value: 5,
        onBreach: { action: 'expire' },
      });
      expect(wf.states).to.include.keys('ready', 'cancelled');
      expect(wf.states).not.to.have.key('submitted');
      const by = Object.fromEntries(wf.transitions.map((t) => [t.action, t]));
      expect(by['confirm_payment']).to.include({ to: 'survey' });
      expect(by['confirm_payment']!.requires).to.deep.equal({ payment: true });
      expect(by['expire']).to.include({ to: 'cancelled' });
      expect(by['complete_survey']).to.include({ to: 'ready' });
      expect(by['complete_survey']!.effects).to.deep.equal([
        { name: 'core/issue-document', template: 'pack/passport' },
      ]);
      expect(by['hand_over']).to.deep.include({ from: ['ready'], to: 'completed' });
      expect(by).not.to.have.key('take_in_work');
      expect(by['reject']!.from).to.deep.equal(['survey']);
      expect(by['appeal']!.within!.days).to.equal(30);
    });
  });

  it('informationWorkflow: answered or declined at once, both with a comment', () => {
    const wf = informationWorkflow('pack/info', names, 2);
    expect(wf).to.include({ key: 'pack/info', version: 2 });
    expect(wf.states['submitted']!.sla).to.deep.equal({
      unit: 'working_hours',
      value: 1,
      onBreach: 'escalate',
    });
    expect(wf.transitions.map((t) => [t.action, t.to, t.requires])).to.deep.equal([
      ['answer', 'answered', { comment: true }],
      ['decline', 'declined', { comment: true }],
    ]);
  });

  it('names every shared state and action in the four locales', () => {
    for (const [name, text] of Object.entries(WORKFLOW_NAMES)) {
      expect(Object.keys(text), name).to.have.members(['uz-Latn', 'uz-Cyrl', 'ru', 'en']);
    }
  });
});
