import type { WorkflowDefinition } from '@darcha/core';
import { informationWorkflow } from '@darcha/service-kit';

/** The start-up consultation: answered with a comment the citizen reads, or declined with the reason. */
export const startupConsultationWorkflow: WorkflowDefinition = informationWorkflow(
  'agency-chamber/startup-consultation',
  {
    'uz-Latn': 'Biznes boshlash bo‘yicha maslahat',
    'uz-Cyrl': 'Бизнес бошлаш бўйича маслаҳат',
    ru: 'Консультация по открытию бизнеса',
    en: 'Business start-up consultation',
  },
);
