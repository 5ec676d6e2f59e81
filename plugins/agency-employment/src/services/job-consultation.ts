import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { employmentConsultationWorkflow } from '../workflows/consultation.js';
import { CONSULTATION_UI, consultationForm } from './consultation-form.js';

/** What a job consultation is about: vacancies, training and retraining, public works, starting out on one's own. */
export const JOB_TOPICS = ['vacancies', 'training', 'public_works', 'self_employment', 'other'] as const;

/**
 * A free consultation on finding work (the 2014 workshop's "employment" consultation), recorded as
 * an inquiry of kind `information` and answered at once; its SLA, one working hour, is *assumed*.
 */
export const jobConsultation: ServiceDefinition = defineService({
  code: 'employment.job-consultation',
  category: 'social-protection.employment',
  kind: 'information',
  names: {
    'uz-Latn': 'Ishga joylashish bo‘yicha maslahat',
    'uz-Cyrl': 'Ишга жойлашиш бўйича маслаҳат',
    ru: 'Консультация по трудоустройству',
    en: 'Job search consultation',
  },
  descriptions: {
    'uz-Latn': 'Bo‘sh ish o‘rinlari, kasbga o‘qitish va jamoat ishlari haqida bepul maslahat.',
    'uz-Cyrl': 'Бўш иш ўринлари, касбга ўқитиш ва жамоат ишлари ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация о вакансиях, профессиональном обучении и общественных работах.',
    en: 'A free consultation on vacancies, vocational training and public works.',
  },
  form: consultationForm(JOB_TOPICS),
  ui: CONSULTATION_UI,
  fee: { free: true },
  sla: { unit: 'working_hours', value: 1 }, // *assumed*: answered at once, within the hour
  workflow: employmentConsultationWorkflow.key,
  keywords: {
    'uz-Latn': ['ish', 'vakansiya', 'maslahat'],
    'uz-Cyrl': ['иш', 'вакансия', 'маслаҳат'],
    ru: ['работа', 'вакансии', 'консультация'],
    en: ['job', 'vacancy', 'consultation'],
  },
});
