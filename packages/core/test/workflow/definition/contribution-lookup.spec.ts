import { expect } from 'chai';
import { ContributionRegistry } from '../../../src/plugins/contribution-registry.js';
import { definePlugin } from '../../../src/plugins/define-plugin.js';
import { contributionLookup } from '../../../src/workflow/definition/contribution-lookup.js';
import { validateWorkflowDefinition } from '../../../src/workflow/definition/validate-workflow-definition.js';
import { noDebtCertificateWorkflow } from './fixtures.js';

describe('contributionLookup', () => {
  const gas = definePlugin({
    id: 'agency-gas',
    version: '0.1.0',
    kind: 'agency',
    engines: { darcha: '^1.0.0' },
    workflows: [noDebtCertificateWorkflow()],
    guards: { 'no-debt': () => true },
    templates: {
      'agency-gas/no-debt-certificate': { ru: '<h1>Справка</h1>' },
      'agency-gas/certificate-ready': { 'uz-Latn': "Ma'lumotnoma tayyor" },
      'agency-gas/rejected': { en: 'Your application was rejected.' },
    },
  });

  it("validates a plugin's workflow against what active plugins contribute", () => {
    const registry = new ContributionRegistry();
    registry.add(gas);
    const [data] = registry.workflows();
    const definition = validateWorkflowDefinition(data, {
      pluginId: 'agency-gas',
      registry: contributionLookup(registry),
    });
    expect(definition.states['in_review']?.sla?.value).to.equal(1);
  });

  it('forgets the guards and templates of a plugin that stopped', () => {
    const registry = new ContributionRegistry();
    registry.add(gas);
    const lookup = contributionLookup(registry);
    expect([lookup.hasGuard('agency-gas/no-debt'), lookup.hasTemplate('agency-gas/rejected')]).to.deep.equal([
      true,
      true,
    ]);
    registry.remove('agency-gas');
    expect([lookup.hasGuard('agency-gas/no-debt'), lookup.hasTemplate('agency-gas/rejected')]).to.deep.equal([
      false,
      false,
    ]);
    expect(lookup.hasEffect('agency-gas/no-debt')).to.equal(false);
  });
});
