import type { WorkflowDefinition } from '@darcha/core';
import { informationWorkflow } from '@darcha/service-kit';

/**
 * Every question to the information desk: answered with a comment the citizen reads, or declined
 * with the reason (not the desk's matter, personal data of someone else ...).
 */
export const informationDeskWorkflow: WorkflowDefinition = informationWorkflow(
  'agency-information/consultation',
  {
    'uz-Latn': 'Axborot xizmati maslahati',
    'uz-Cyrl': 'Ахборот хизмати маслаҳати',
    ru: 'Консультация информационной службы',
    en: 'Information desk consultation',
  },
);
