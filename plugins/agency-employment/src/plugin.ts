import { definePlugin } from '@darcha/core';
import { childAllowance } from './services/child-allowance.js';
import { EMPLOYMENT_TRANSLATIONS, employmentDocuments } from './services/employment-documents.js';
import { jobConsultation } from './services/job-consultation.js';
import { pensionConsultation } from './services/pension-consultation.js';
import { unemployedRegistration } from './services/unemployed-registration.js';
import { childAllowanceWorkflow } from './workflows/child-allowance.js';
import { employmentConsultationWorkflow } from './workflows/consultation.js';
import { unemployedRegistrationWorkflow } from './workflows/unemployed-registration.js';

/**
 * agency-employment: the service pack of the centre for employment support and social protection,
 * reusable by every city: registration as unemployed, the child allowance for low-income families,
 * and free job and pension consultations, built with @darcha/service-kit.
 */
export default definePlugin({
  id: 'agency-employment',
  // Keep equal to the version in package.json.
  version: '0.1.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  categories: [
    {
      id: 'social-protection.employment',
      names: {
        'uz-Latn': 'Bandlik',
        'uz-Cyrl': 'Бандлик',
        ru: 'Занятость',
        en: 'Employment',
      },
    },
    {
      id: 'social-protection.benefits',
      names: {
        'uz-Latn': 'Nafaqa va pensiyalar',
        'uz-Cyrl': 'Нафақа ва пенсиялар',
        ru: 'Пособия и пенсии',
        en: 'Benefits and pensions',
      },
    },
  ],
  services: [unemployedRegistration, jobConsultation, childAllowance, pensionConsultation],
  workflows: [unemployedRegistrationWorkflow, childAllowanceWorkflow, employmentConsultationWorkflow],
  templates: employmentDocuments,
  translations: EMPLOYMENT_TRANSLATIONS,
});
