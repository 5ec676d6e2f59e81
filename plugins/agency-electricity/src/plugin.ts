import { definePlugin } from '@darcha/core';
import { UTILITY_DOCUMENT_TRANSLATIONS } from '@darcha/plugin-agency-gas';
import { electricityBasics } from './services/electricity-basics.js';

/**
 * agency-electricity: Gorelektroset's service pack, reusable by every city. Its services are built
 * by the utility kit of the gas pack, hence the dependency.
 */
export default definePlugin({
  id: 'agency-electricity',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  dependsOn: [{ id: 'agency-gas', range: '^0.1.0' }],
  categories: [
    {
      id: 'utilities.electricity',
      names: {
        'uz-Latn': 'Elektr ta’minoti',
        'uz-Cyrl': 'Электр таъминоти',
        ru: 'Электроснабжение',
        en: 'Electricity supply',
      },
    },
  ],
  services: electricityBasics.services,
  workflows: electricityBasics.workflows,
  templates: electricityBasics.templates,
  translations: UTILITY_DOCUMENT_TRANSLATIONS,
});
