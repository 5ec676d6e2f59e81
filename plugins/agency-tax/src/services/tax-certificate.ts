import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { CERTIFICATE_WORKING_DAYS, taxCertificateWorkflow } from '../workflows/tax-workflows.js';
import { TAX_CERTIFICATE_FORM, TAX_CERTIFICATE_UI } from './tax-forms.js';

/**
 * The tax certificate of a legal entity (services.md): on its TIN and the period; *assumed* 3
 * working days and *assumed* free (no source gives a fee).
 */
export const taxCertificate: ServiceDefinition = defineService({
  code: 'tax.certificate',
  category: 'business.tax',
  names: {
    'uz-Latn': 'Yuridik shaxsga soliq ma’lumotnomasi',
    'uz-Cyrl': 'Юридик шахсга солиқ маълумотномаси',
    ru: 'Налоговая справка для юридического лица',
    en: 'Tax certificate for a legal entity',
  },
  descriptions: {
    'uz-Latn':
      'Soliq inspeksiyasi korxonaning byudjet bilan hisob-kitoblarini tekshiradi va ma’lumotnoma beradi.',
    'uz-Cyrl':
      'Солиқ инспекцияси корхонанинг бюджет билан ҳисоб-китобларини текширади ва маълумотнома беради.',
    ru: 'Налоговая инспекция сверяет расчёты организации с бюджетом и выдаёт справку.',
    en: "The tax inspection checks the company's settlements with the budget and issues a certificate.",
  },
  applicantTypes: ['legal_entity'],
  form: TAX_CERTIFICATE_FORM,
  ui: TAX_CERTIFICATE_UI,
  result: { document: 'tax-certificate', template: 'agency-tax/tax-certificate' },
  fee: { free: true }, // *assumed* free (services.md gives no fee for the certificate)
  sla: { unit: 'working_days', value: CERTIFICATE_WORKING_DAYS }, // *assumed* (services.md: 1-3)
  workflow: taxCertificateWorkflow.key,
  keywords: {
    'uz-Latn': ['soliq', 'ma’lumotnoma', 'STIR'],
    'uz-Cyrl': ['солиқ', 'маълумотнома', 'СТИР'],
    ru: ['налог', 'справка', 'ИНН', 'задолженность'],
    en: ['tax', 'certificate', 'TIN'],
  },
});
