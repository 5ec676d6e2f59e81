import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';

export const CHILD_ALLOWANCE_WORKFLOW_KEY = 'agency-employment/child-allowance';
export const CHILD_ALLOWANCE_DECISION_TEMPLATE = 'agency-employment/child-allowance-decision';

/** Working days to check the family's income and decide: *assumed* 10 (no source gives the deadline). */
export const CHILD_ALLOWANCE_WORKING_DAYS = 10;

/**
 * The child allowance: the centre takes the application in, checks the family's income and size
 * against the social protection register, and issues the decision (the allowance for 12 months),
 * handed over at the desk. A refusal gives the reason; the family may appeal within 15 days.
 */
export const childAllowanceWorkflow: WorkflowDefinition = stagedWorkflow({
  key: CHILD_ALLOWANCE_WORKFLOW_KEY,
  names: {
    'uz-Latn': 'Bolalar nafaqasi',
    'uz-Cyrl': 'Болалар нафақаси',
    ru: 'Пособие на детей',
    en: 'Child allowance',
  },
  stages: [
    {
      state: 'income_check',
      workingDays: CHILD_ALLOWANCE_WORKING_DAYS,
      names: {
        'uz-Latn': 'Oila daromadini tekshirish',
        'uz-Cyrl': 'Оила даромадини текшириш',
        ru: 'Проверка доходов семьи',
        en: 'Household income check',
      },
      done: {
        'uz-Latn': 'Nafaqa tayinlandi',
        'uz-Cyrl': 'Нафақа тайинланди',
        ru: 'Пособие назначено',
        en: 'Allowance granted',
      },
    },
  ],
  issues: { template: CHILD_ALLOWANCE_DECISION_TEMPLATE },
});
