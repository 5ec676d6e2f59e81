import type { ServiceDefinition } from '@darcha/core';
import { infoService } from './info-service.js';

/** What a general question is about: which services the centre offers, the documents they need, its hours, a complaint. */
export const GENERAL_TOPICS = [
  'services',
  'required_documents',
  'opening_hours',
  'complaint',
  'other',
] as const;

/** General information about the One-Stop-Shop and public services. */
export const generalInfo: ServiceDefinition = infoService({
  code: 'info.general',
  topics: GENERAL_TOPICS,
  names: {
    'uz-Latn': 'Umumiy ma’lumot va maslahat',
    'uz-Cyrl': 'Умумий маълумот ва маслаҳат',
    ru: 'Общая информация и консультация',
    en: 'General information and consultation',
  },
  descriptions: {
    'uz-Latn': 'Markaz xizmatlari, kerakli hujjatlar, ish vaqti va murojaatlar haqida bepul maslahat.',
    'uz-Cyrl': 'Марказ хизматлари, керакли ҳужжатлар, иш вақти ва мурожаатлар ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация об услугах центра, нужных документах, часах работы и обращениях.',
    en: 'A free consultation on the centre’s services, the documents they need, opening hours and complaints.',
  },
  keywords: {
    'uz-Latn': ['ma’lumot', 'maslahat', 'hujjat'],
    'uz-Cyrl': ['маълумот', 'маслаҳат', 'ҳужжат'],
    ru: ['информация', 'консультация', 'документы'],
    en: ['information', 'help', 'documents'],
  },
});
