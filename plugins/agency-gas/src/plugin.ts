import { definePlugin } from '@darcha/core';
import { gasBasics } from './services/gas-basics.js';
import { cylinderSupply } from './services/cylinder-supply.js';
import { meterReadingDispute } from './services/meter-reading-dispute.js';
import { UTILITY_DOCUMENT_TRANSLATIONS } from './utility-kit/index.js';
import { cylinderSupplyWorkflow } from './workflows/cylinder-supply.js';
import { meterReadingDisputeWorkflow } from './workflows/meter-reading-dispute.js';

/**
 * agency-gas: Gorgas's service pack, reusable by every city. It also exports the utility kit (on
 * @darcha/service-kit) that the electricity and water packs build their shared services with.
 */
export default definePlugin({
  id: 'agency-gas',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'utilities.gas',
      names: {
        'uz-Latn': 'Gaz ta’minoti',
        'uz-Cyrl': 'Газ таъминоти',
        ru: 'Газоснабжение',
        en: 'Gas supply',
      },
    },
  ],
  services: [...gasBasics.services, meterReadingDispute, cylinderSupply],
  workflows: [...gasBasics.workflows, meterReadingDisputeWorkflow, cylinderSupplyWorkflow],
  templates: gasBasics.templates,
  translations: UTILITY_DOCUMENT_TRANSLATIONS,
});
