import type { ServiceDefinition } from '@darcha/core';
import { PHONE_FIELD, defineService, formUi, serviceForm } from '@darcha/service-kit';
import { startupConsultationWorkflow } from '../workflows/startup-consultation.js';

/**
 * What a start-up question is about: the business plan, the legal form (sole entrepreneur, LLC ...),
 * registration, taxation, financing (loans, grants), licences and permits, export.
 */
export const STARTUP_TOPICS = [
  'business_plan',
  'legal_form',
  'registration',
  'taxation',
  'financing',
  'licences',
  'export',
  'other',
] as const;

/**
 * A free business start-up consultation by the consulting centre of the Chamber of Commerce and
 * Industry (the 2014 workshop: present in Chirchik; "business start-up" among Djizak's and Namangan's
 * free consultations), recorded as an inquiry of kind `information`: the topic, the question and
 * optionally a phone; for would-be entrepreneurs and businesses, at the desk or online. The SLA, one
 * working hour, is *assumed* (answered at once).
 */
export const startupConsultation: ServiceDefinition = defineService({
  code: 'chamber.startup-consultation',
  category: 'business.consulting',
  kind: 'information',
  names: {
    'uz-Latn': 'Biznesni boshlash bo‘yicha maslahat',
    'uz-Cyrl': 'Бизнесни бошлаш бўйича маслаҳат',
    ru: 'Консультация по открытию бизнеса',
    en: 'Business start-up consultation',
  },
  descriptions: {
    'uz-Latn':
      'Biznes-reja, tashkiliy-huquqiy shakl, ro‘yxatdan o‘tish, soliqlar va moliyalashtirish haqida bepul maslahat.',
    'uz-Cyrl':
      'Бизнес-режа, ташкилий-ҳуқуқий шакл, рўйхатдан ўтиш, солиқлар ва молиялаштириш ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация о бизнес-плане, организационно-правовой форме, регистрации, налогах и финансировании.',
    en: 'A free consultation on the business plan, the legal form, registration, taxes and financing.',
  },
  form: serviceForm({
    properties: {
      topic: { enum: [...STARTUP_TOPICS] },
      question: { type: 'string', minLength: 5, maxLength: 2000 },
      phone: PHONE_FIELD,
    },
    required: ['topic', 'question'],
  }),
  ui: {
    ...formUi(['topic', 'question', 'phone']),
    topic: { order: 1, widget: 'select' },
    question: { order: 2, widget: 'textarea' },
  },
  fee: { free: true },
  sla: { unit: 'working_hours', value: 1 }, // *assumed*: answered at once, within the hour
  workflow: startupConsultationWorkflow.key,
  keywords: {
    'uz-Latn': ['biznes', 'tadbirkorlik', 'maslahat'],
    'uz-Cyrl': ['бизнес', 'тадбиркорлик', 'маслаҳат'],
    ru: ['бизнес', 'предпринимательство', 'консультация'],
    en: ['business', 'start-up', 'entrepreneur'],
  },
});
