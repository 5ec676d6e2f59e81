import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import {
  CHILD_ALLOWANCE_DECISION_TEMPLATE,
  CHILD_ALLOWANCE_WORKING_DAYS,
  childAllowanceWorkflow,
} from '../workflows/child-allowance.js';
import { CHILD_ALLOWANCE_FORM, CHILD_ALLOWANCE_UI } from './child-allowance-form.js';

/**
 * The child allowance for low-income families (services.md, baraka.gov.uz): for individuals; an
 * application with the children and the household's income and size; free, the allowance itself
 * being paid monthly for 12 months; reviewed in *assumed* 10 working days; the result is the
 * decision granting it.
 */
export const childAllowance: ServiceDefinition = defineService({
  code: 'employment.child-allowance',
  category: 'social-protection.benefits',
  names: {
    'uz-Latn': 'Kam ta’minlangan oilalarga bolalar nafaqasi',
    'uz-Cyrl': 'Кам таъминланган оилаларга болалар нафақаси',
    ru: 'Пособие на детей малообеспеченным семьям',
    en: 'Child allowance for low-income families',
  },
  descriptions: {
    'uz-Latn': 'Oila daromadi tekshiriladi va nafaqa 12 oy davomida har oy to‘lanadi.',
    'uz-Cyrl': 'Оила даромади текширилади ва нафақа 12 ой давомида ҳар ой тўланади.',
    ru: 'Доходы семьи проверяются, пособие выплачивается ежемесячно в течение 12 месяцев.',
    en: 'The household income is checked; the allowance is paid monthly for 12 months.',
  },
  applicantTypes: ['individual'],
  form: CHILD_ALLOWANCE_FORM,
  ui: CHILD_ALLOWANCE_UI,
  result: { document: 'allowance-decision', template: CHILD_ALLOWANCE_DECISION_TEMPLATE },
  fee: { free: true }, // services.md: free, the benefit is paid to the family
  sla: { unit: 'working_days', value: CHILD_ALLOWANCE_WORKING_DAYS }, // *assumed* 10 working days
  workflow: childAllowanceWorkflow.key,
  keywords: {
    'uz-Latn': ['bola', 'nafaqa', 'kam ta’minlangan'],
    'uz-Cyrl': ['бола', 'нафақа'],
    ru: ['пособие', 'дети', 'малообеспеченные'],
    en: ['child', 'allowance', 'benefit'],
  },
});
