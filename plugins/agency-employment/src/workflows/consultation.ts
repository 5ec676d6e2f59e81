import type { WorkflowDefinition } from '@darcha/core';
import { informationWorkflow } from '@darcha/service-kit';

/**
 * The centre's free consultations (jobs, pensions): answered with a comment the citizen reads, or
 * declined with the reason.
 */
export const employmentConsultationWorkflow: WorkflowDefinition = informationWorkflow(
  'agency-employment/consultation',
  {
    'uz-Latn': 'Bandlik markazi maslahati',
    'uz-Cyrl': 'Бандлик маркази маслаҳати',
    ru: 'Консультация центра занятости',
    en: 'Employment centre consultation',
  },
);
