import { definePlugin } from '@darcha/core';
import { startupConsultation } from './services/startup-consultation.js';
import { startupConsultationWorkflow } from './workflows/startup-consultation.js';

/**
 * agency-chamber: the service pack of the Chamber of Commerce and Industry's consulting centre,
 * reusable by every city: the free business start-up consultation, built with @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-chamber',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'business.consulting',
      names: {
        'uz-Latn': 'Tadbirkorlarga maslahat',
        'uz-Cyrl': 'Тадбиркорларга маслаҳат',
        ru: 'Консультации предпринимателям',
        en: 'Consulting for entrepreneurs',
      },
    },
  ],
  services: [startupConsultation],
  workflows: [startupConsultationWorkflow],
});
