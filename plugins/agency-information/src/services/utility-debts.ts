import type { ServiceDefinition } from '@darcha/core';
import { infoService } from './info-service.js';

/** Which utility the debt is owed to. */
export const UTILITY_DEBT_TOPICS = ['gas', 'electricity', 'water', 'heating', 'waste', 'other'] as const;

/**
 * Information on utility debts (services.md: "utility debt information (consultation)", any
 * applicant, free, immediate). The account number on the bill is optional: with it the desk can
 * look the debt up (Darcha's `utility-account` format, 6 to 12 digits).
 */
export const utilityDebtsInfo: ServiceDefinition = infoService({
  code: 'info.utility-debts',
  topics: UTILITY_DEBT_TOPICS,
  fields: { account: { type: 'string', format: 'utility-account' } },
  names: {
    'uz-Latn': 'Kommunal xizmatlar bo‘yicha qarzdorlik haqida ma’lumot',
    'uz-Cyrl': 'Коммунал хизматлар бўйича қарздорлик ҳақида маълумот',
    ru: 'Информация о задолженности за коммунальные услуги',
    en: 'Utility debt information',
  },
  descriptions: {
    'uz-Latn': 'Gaz, elektr, suv, issiqlik va chiqindi uchun qarz haqida bepul maslahat.',
    'uz-Cyrl': 'Газ, электр, сув, иссиқлик ва чиқинди учун қарз ҳақида бепул маслаҳат.',
    ru: 'Бесплатная консультация о долгах за газ, электричество, воду, отопление и вывоз мусора.',
    en: 'A free consultation on what is owed for gas, electricity, water, heating and waste collection.',
  },
  keywords: {
    'uz-Latn': ['qarz', 'kommunal', 'hisob'],
    'uz-Cyrl': ['қарз', 'коммунал', 'ҳисоб'],
    ru: ['долг', 'задолженность', 'коммунальные'],
    en: ['debt', 'utilities', 'bill'],
  },
});
