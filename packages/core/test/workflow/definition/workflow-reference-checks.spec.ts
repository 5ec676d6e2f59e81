import { expect } from 'chai';
import { noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';
import { problemsOf } from './problems.js';

describe('workflow reference checks', () => {
  it('names a guard no plugin registers and a core guard that does not exist', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.transitions[1]!.guards = ['core/has-payment', 'agency-gas/no-debts'];
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/1/guards/0: action "issue_certificate" uses guard "core/has-payment", which is not built in (core guards: core/is-assignee, core/documents-complete)',
      '/transitions/1/guards/1: action "issue_certificate" uses guard "agency-gas/no-debts", which no active plugin registers',
    ]);
  });

  it('names an effect no plugin registers, in either form', () => {
    const workflow = registerExtractWorkflow();
    workflow.transitions[3]!.effects = [
      'agency-cadastre/record-issue',
      { name: 'agency-cadastre/stamp', params: { color: 'blue' } },
      { name: 'core/send-sms' },
    ];
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/3/effects/0: action "issue_extract" runs effect "agency-cadastre/record-issue", which no active plugin registers',
      '/transitions/3/effects/1/name: action "issue_extract" runs effect "agency-cadastre/stamp", which no active plugin registers',
      '/transitions/3/effects/2/name: action "issue_extract" runs effect "core/send-sms", which is not built in (core effects: core/create-invoice, core/issue-document, core/notify-applicant)',
    ]);
  });

  it('names a template no plugin registers, and a rendering effect without one', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.transitions[1]!.effects = [
      { name: 'core/issue-document', template: 'agency-gas/no-debt' },
      'core/notify-applicant',
      'core/create-invoice',
    ];
    expect(problemsOf(workflow)).to.deep.equal([
      '/transitions/1/effects/0/template: action "issue_certificate" renders template "agency-gas/no-debt", which no active plugin registers',
      '/transitions/1/effects/1: action "issue_certificate" runs effect "core/notify-applicant" without a template; write { "name": "core/notify-applicant", "template": "<plugin-id>/<template>" }',
    ]);
  });

  it('wants required documents declared once in the definition', () => {
    const workflow = registerExtractWorkflow();
    workflow.documents!.push({ code: 'technical-passport', names: { en: 'Technical passport' } });
    workflow.transitions[2]!.requires = { documents: ['technical-passport', 'floor-plan'] };
    expect(problemsOf(workflow)).to.deep.equal([
      '/documents/1/code: document "technical-passport" is already declared at /documents/0',
      '/transitions/2/requires/documents/1: action "submit_documents" requires document "floor-plan", which is not declared in "documents"',
    ]);
  });
});
