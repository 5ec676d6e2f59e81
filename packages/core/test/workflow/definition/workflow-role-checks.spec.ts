import { expect } from 'chai';
import { fixtureLookup, noDebtCertificateWorkflow, registerExtractWorkflow } from './fixtures.js';
import { problemsOf } from './problems.js';

const CORE = 'front_office, back_office, supervisor, citizen, system';

describe('workflow role checks', () => {
  it('names a role that is neither core nor declared, and the action or state using it', () => {
    const workflow = registerExtractWorkflow();
    workflow.roles = [];
    workflow.transitions[0]!.roles = ['system', 'front_office', 'cashier'];
    expect(problemsOf(workflow)).to.deep.equal([
      `/transitions/0/roles/2: action "confirm_payment" names role "cashier", which is neither a core role (${CORE}) nor declared in "roles"`,
      `/transitions/1/roles/0: action "request_documents" names role "agency-cadastre/registrar", which is neither a core role (${CORE}) nor declared in "roles"`,
      `/transitions/3/roles/0: action "issue_extract" names role "agency-cadastre/registrar", which is neither a core role (${CORE}) nor declared in "roles"`,
      `/transitions/4/roles/0: action "reject" names role "agency-cadastre/registrar", which is neither a core role (${CORE}) nor declared in "roles"`,
      `/states/in_review/candidateRole: state "in_review" names role "agency-cadastre/registrar", which is neither a core role (${CORE}) nor declared in "roles"`,
    ]);
  });

  it('wants declared roles to be plugin-defined and, when the lookup knows roles, registered', () => {
    const workflow = registerExtractWorkflow();
    workflow.roles = ['agency-cadastre/registrar', 'agency-cadastre/surveyor', 'clerk', 'citizen'];
    expect(problemsOf(workflow, fixtureLookup(true))).to.deep.equal([
      '/roles/1: role "agency-cadastre/surveyor" is not registered by any active plugin',
      `/roles/2: role "clerk" is not a core role (${CORE}); name a plugin-defined role "<plugin-id>/clerk"`,
    ]);
    expect(problemsOf(workflow, fixtureLookup(false))).to.deep.equal([
      `/roles/2: role "clerk" is not a core role (${CORE}); name a plugin-defined role "<plugin-id>/clerk"`,
    ]);
  });

  it('wants a candidate role that can act in its state', () => {
    const workflow = noDebtCertificateWorkflow();
    workflow.states['ready']!.candidateRole = 'back_office';
    expect(problemsOf(workflow)).to.deep.equal([
      '/states/ready/candidateRole: role "back_office" can take no action in state "ready", so inquiries would wait in its inbox for good; add the role to a transition leaving "ready" or choose another',
    ]);
  });
});
