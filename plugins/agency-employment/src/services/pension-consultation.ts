import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { employmentConsultationWorkflow } from '../workflows/consultation.js';
import { CONSULTATION_UI, consultationForm } from './consultation-form.js';

/** What a pension consultation is about: the age pension, disability and survivor's pensions, length of service, payments. */
export const PENSION_TOPICS = [
  'age_pension',
  'disability_pension',
  'survivor_pension',
  'work_record',
  'payments',
] as const;

/**
 * A free consultation on the benefits of the non-budgetary Pension Fund (the 2014 workshop's
 * "non-budgetary pension benefits"), recorded as an inquiry of kind `information` and answered at
 * once; its SLA, one working hour, is *assumed*.
 */
export const pensionConsultation: ServiceDefinition = defineService({
  code: 'employment.pension-consultation',
  category: 'social-protection.benefits',
  kind: 'information',
  names: {
    'uz-Latn': 'Budjetdan tashqari pensiya ta’minoti bo‘yicha maslahat',
    'uz-Cyrl': 'Бюджетдан ташқари пенсия таъминоти бўйича маслаҳат',
    ru: 'Консультация по внебюджетному пенсионному обеспечению',
    en: 'Non-budgetary pension consultation',
  },
  descriptions: {
    'uz-Latn': 'Pensiya tayinlash, ish staji va to‘lovlar haqida bepul maslahat.',
    'uz-Cyrl': 'Пенсия тайинлаш, иш стажи ва тўловлар ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация о назначении пенсии, трудовом стаже и выплатах.',
    en: 'A free consultation on pensions, the work record and payments.',
  },
  form: consultationForm(PENSION_TOPICS),
  ui: CONSULTATION_UI,
  fee: { free: true },
  sla: { unit: 'working_hours', value: 1 }, // *assumed*: answered at once, within the hour
  workflow: employmentConsultationWorkflow.key,
  keywords: {
    'uz-Latn': ['pensiya', 'staj', 'maslahat'],
    'uz-Cyrl': ['пенсия', 'стаж', 'маслаҳат'],
    ru: ['пенсия', 'стаж', 'консультация'],
    en: ['pension', 'retirement', 'consultation'],
  },
});
