import type { ServiceDefinition } from '@darcha/core';
import { PHONE_FIELD, defineService, formUi, serviceForm } from '@darcha/service-kit';
import { mortgageConsultationWorkflow } from '../workflows/mortgage-consultation.js';

/**
 * What a mortgage question is about: buying new or resale housing, the preferential programmes for
 * young families, the down payment, the documents, refinancing.
 */
export const MORTGAGE_TOPICS = [
  'new_housing',
  'resale_housing',
  'young_families',
  'down_payment',
  'documents',
  'refinancing',
  'other',
] as const;

/**
 * A free mortgage consultation at the IPOTEKA bank branch in the OSS hall (the 2014 workshop, in
 * Chirchik), recorded as an inquiry of kind `information`: the topic, the question and optionally
 * a phone; for anyone, at the desk or online. The SLA, one working hour, is *assumed* (answered at
 * once).
 */
export const mortgageConsultation: ServiceDefinition = defineService({
  code: 'bank.mortgage-consultation',
  category: 'business.banking',
  kind: 'information',
  names: {
    'uz-Latn': 'Ipoteka krediti bo‘yicha maslahat',
    'uz-Cyrl': 'Ипотека кредити бўйича маслаҳат',
    ru: 'Консультация по ипотечному кредиту',
    en: 'Mortgage consultation',
  },
  descriptions: {
    'uz-Latn': 'Uy-joy sotib olish uchun ipoteka krediti shartlari haqida bepul maslahat.',
    'uz-Cyrl': 'Уй-жой сотиб олиш учун ипотека кредити шартлари ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация об условиях ипотечного кредита на покупку жилья.',
    en: 'A free consultation on the terms of a mortgage loan to buy a home.',
  },
  form: serviceForm({
    properties: {
      topic: { enum: [...MORTGAGE_TOPICS] },
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
  workflow: mortgageConsultationWorkflow.key,
  keywords: {
    'uz-Latn': ['ipoteka', 'kredit', 'uy-joy'],
    'uz-Cyrl': ['ипотека', 'кредит', 'уй-жой'],
    ru: ['ипотека', 'кредит', 'жильё'],
    en: ['mortgage', 'loan', 'housing'],
  },
});
