import type { ServiceDefinition } from '@darcha/core';
import { infoService } from './info-service.js';

/** What an insurance question is about: compulsory motor insurance, property, health, life, a claim. */
export const INSURANCE_TOPICS = ['motor', 'property', 'health', 'life', 'claim', 'other'] as const;

/** Information on insurance (the 2014 workshop's "insurance"). */
export const insuranceInfo: ServiceDefinition = infoService({
  code: 'info.insurance',
  topics: INSURANCE_TOPICS,
  names: {
    'uz-Latn': 'Sug‘urta bo‘yicha ma’lumot',
    'uz-Cyrl': 'Суғурта бўйича маълумот',
    ru: 'Информация о страховании',
    en: 'Insurance information',
  },
  descriptions: {
    'uz-Latn':
      'Avtotransport, mulk, sog‘liq va hayot sug‘urtasi hamda sug‘urta hodisasi haqida bepul maslahat.',
    'uz-Cyrl': 'Автотранспорт, мулк, соғлиқ ва ҳаёт суғуртаси ҳамда суғурта ҳодисаси ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация об автостраховании, страховании имущества, здоровья и жизни и о страховом случае.',
    en: 'A free consultation on motor, property, health and life insurance and on making a claim.',
  },
  keywords: {
    'uz-Latn': ['sug‘urta', 'polis'],
    'uz-Cyrl': ['суғурта', 'полис'],
    ru: ['страхование', 'полис', 'ОСАГО'],
    en: ['insurance', 'policy', 'claim'],
  },
});
