import type { ServiceDefinition } from '@darcha/core';
import { infoService } from './info-service.js';

/** What an education question is about: first-grade enrolment, a change of school, the school certificate, kindergartens. */
export const EDUCATION_TOPICS = [
  'first_grade_enrolment',
  'school_transfer',
  'school_certificate',
  'preschool',
  'other',
] as const;

/** Information on primary and secondary education (the 2014 workshop's "primary and secondary education"). */
export const educationInfo: ServiceDefinition = infoService({
  code: 'info.education',
  topics: EDUCATION_TOPICS,
  names: {
    'uz-Latn': 'Boshlang‘ich va o‘rta ta’lim bo‘yicha ma’lumot',
    'uz-Cyrl': 'Бошланғич ва ўрта таълим бўйича маълумот',
    ru: 'Информация о начальном и среднем образовании',
    en: 'Primary and secondary education information',
  },
  descriptions: {
    'uz-Latn': 'Birinchi sinfga qabul, maktabni almashtirish, attestat va bog‘chalar haqida bepul maslahat.',
    'uz-Cyrl': 'Биринчи синфга қабул, мактабни алмаштириш, аттестат ва боғчалар ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация о приёме в первый класс, переводе в другую школу, аттестате и детских садах.',
    en: 'A free consultation on first-grade enrolment, changing schools, the school certificate and kindergartens.',
  },
  keywords: {
    'uz-Latn': ['maktab', 'ta’lim', 'bog‘cha'],
    'uz-Cyrl': ['мактаб', 'таълим', 'боғча'],
    ru: ['школа', 'образование', 'детский сад'],
    en: ['school', 'education', 'kindergarten'],
  },
});
