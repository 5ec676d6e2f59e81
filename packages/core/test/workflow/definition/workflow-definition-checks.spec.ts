import { expect } from 'chai';
import { workflowDefinitionCheckProblems } from '../../../src/workflow/definition/workflow-definition-checks.js';
import { fixtureLookup, noDebtCertificateWorkflow } from './fixtures.js';

describe('workflow definition checks', () => {
  it('wants the key to start with the id of the plugin that publishes it', () => {
    const problems = workflowDefinitionCheckProblems(noDebtCertificateWorkflow(), {
      pluginId: 'agency-water',
      registry: fixtureLookup(),
    });
    expect(problems).to.deep.equal([
      '/key: workflow "agency-gas/no-debt-certificate" must be named "agency-water/<name>": a plugin publishes workflows under its own id, here "agency-water"',
    ]);
  });

  it('does not take a plugin id that merely begins the same way', () => {
    const problems = workflowDefinitionCheckProblems(noDebtCertificateWorkflow(), {
      pluginId: 'agency',
      registry: fixtureLookup(),
    });
    expect(problems).to.have.length(1);
    expect(problems[0]).to.match(
      /^\/key: workflow "agency-gas\/no-debt-certificate" must be named "agency\/<name>"/,
    );
  });
});
