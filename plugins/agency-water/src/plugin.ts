import { definePlugin } from '@darcha/core';
import { UTILITY_DOCUMENT_TRANSLATIONS } from '@darcha/plugin-agency-gas';
import { meterVerification } from './services/meter-verification.js';
import { waterBasics } from './services/water-basics.js';
import { waterDocuments } from './services/water-documents.js';
import { wellMeterSealing } from './services/well-meter-sealing.js';
import { meterVerificationWorkflow, wellMeterSealingWorkflow } from './workflows/paid-meter-work.js';

/**
 * agency-water: Gorvodokanal's service pack, reusable by every city. Its connection, no-debt
 * certificate and debt information are built by the utility kit of the gas pack, hence the dependency.
 */
export default definePlugin({
  id: 'agency-water',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  dependsOn: [{ id: 'agency-gas', range: '^0.1.0' }],
  categories: [
    {
      id: 'utilities.water',
      names: {
        'uz-Latn': 'Suv ta’minoti',
        'uz-Cyrl': 'Сув таъминоти',
        ru: 'Водоснабжение',
        en: 'Water supply',
      },
    },
  ],
  services: [...waterBasics.services, meterVerification, wellMeterSealing],
  workflows: [...waterBasics.workflows, meterVerificationWorkflow, wellMeterSealingWorkflow],
  templates: { ...waterBasics.templates, ...waterDocuments },
  translations: UTILITY_DOCUMENT_TRANSLATIONS,
});
