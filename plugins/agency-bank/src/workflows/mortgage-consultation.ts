import type { WorkflowDefinition } from '@darcha/core';
import { informationWorkflow } from '@darcha/service-kit';

/** The mortgage consultation: answered with a comment the citizen reads, or declined with the reason. */
export const mortgageConsultationWorkflow: WorkflowDefinition = informationWorkflow(
  'agency-bank/mortgage-consultation',
  {
    'uz-Latn': 'Ipoteka bo‘yicha maslahat',
    'uz-Cyrl': 'Ипотека бўйича маслаҳат',
    ru: 'Консультация по ипотеке',
    en: 'Mortgage consultation',
  },
);
