import { definePlugin } from '@darcha/core';
import { eReportHelp } from './services/e-report-help.js';
import { taxCertificate } from './services/tax-certificate.js';
import { TAX_TRANSLATIONS, taxDocuments } from './services/tax-documents.js';
import { eReportHelpWorkflow, taxCertificateWorkflow } from './workflows/tax-workflows.js';

/**
 * agency-tax: the city tax inspection's service pack, reusable by every city: the tax certificate
 * of a legal entity, and the OSS's paid help with electronic reports (Djizak, Namangan), built with
 * @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-tax',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'business.tax',
      names: {
        'uz-Latn': 'Soliqlar',
        'uz-Cyrl': 'Солиқлар',
        ru: 'Налоги',
        en: 'Taxes',
      },
    },
    {
      id: 'oss-services.e-reports',
      names: {
        'uz-Latn': 'Elektron hisobotlar',
        'uz-Cyrl': 'Электрон ҳисоботлар',
        ru: 'Электронная отчётность',
        en: 'Electronic reports',
      },
    },
  ],
  services: [taxCertificate, eReportHelp],
  workflows: [taxCertificateWorkflow, eReportHelpWorkflow],
  templates: taxDocuments,
  translations: TAX_TRANSLATIONS,
});
