import { definePlugin } from '@darcha/core';
import { accountOpening } from './services/account-opening.js';
import { mortgageConsultation } from './services/mortgage-consultation.js';
import { accountOpeningWorkflow } from './workflows/account-opening.js';
import { mortgageConsultationWorkflow } from './workflows/mortgage-consultation.js';

/**
 * agency-bank: the service pack of an IPOTEKA bank branch in the OSS hall, reusable by every city:
 * the free mortgage consultation and the appointment to open an account, built with
 * @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-bank',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'business.banking',
      names: {
        'uz-Latn': 'Bank xizmatlari',
        'uz-Cyrl': 'Банк хизматлари',
        ru: 'Банковские услуги',
        en: 'Banking',
      },
    },
  ],
  services: [mortgageConsultation, accountOpening],
  workflows: [mortgageConsultationWorkflow, accountOpeningWorkflow],
});
