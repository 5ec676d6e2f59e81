import type { Translations } from '@darcha/core';

/**
 * The electronic reports the OSS helps prepare and submit: tax returns to the tax inspection, and
 * statistical and financial reports to the statistics agency. The list is *assumed* (the workshop
 * names only "electronic reports to tax and statistics agencies"): the returns most small companies
 * file.
 */
export const REPORT_KINDS = [
  'vat',
  'profit-tax',
  'turnover-tax',
  'personal-income-tax',
  'social-tax',
  'property-tax',
  'land-tax',
  'financial-statements',
  'statistics',
] as const;

/** A report kind. */
export type ReportKind = (typeof REPORT_KINDS)[number];

/**
 * The report kinds' names by locale, keyed by the kind itself so that a document prints a list of
 * kinds with `{{t this}}`.
 */
export const REPORT_KIND_TRANSLATIONS: Translations = {
  'uz-Latn': {
    vat: 'QQS',
    'profit-tax': 'foyda solig‘i',
    'turnover-tax': 'aylanmadan olinadigan soliq',
    'personal-income-tax': 'jismoniy shaxslar daromad solig‘i',
    'social-tax': 'ijtimoiy soliq',
    'property-tax': 'mol-mulk solig‘i',
    'land-tax': 'yer solig‘i',
    'financial-statements': 'moliyaviy hisobot',
    statistics: 'statistik hisobot',
  },
  'uz-Cyrl': {
    vat: 'ҚҚС',
    'profit-tax': 'фойда солиғи',
    'turnover-tax': 'айланмадан олинадиган солиқ',
    'personal-income-tax': 'жисмоний шахслар даромад солиғи',
    'social-tax': 'ижтимоий солиқ',
    'property-tax': 'мол-мулк солиғи',
    'land-tax': 'ер солиғи',
    'financial-statements': 'молиявий ҳисобот',
    statistics: 'статистик ҳисобот',
  },
  ru: {
    vat: 'НДС',
    'profit-tax': 'налог на прибыль',
    'turnover-tax': 'налог с оборота',
    'personal-income-tax': 'НДФЛ',
    'social-tax': 'социальный налог',
    'property-tax': 'налог на имущество',
    'land-tax': 'земельный налог',
    'financial-statements': 'финансовая отчётность',
    statistics: 'статистическая отчётность',
  },
  en: {
    vat: 'VAT',
    'profit-tax': 'profit tax',
    'turnover-tax': 'turnover tax',
    'personal-income-tax': 'personal income tax',
    'social-tax': 'social tax',
    'property-tax': 'property tax',
    'land-tax': 'land tax',
    'financial-statements': 'financial statements',
    statistics: 'statistical report',
  },
};
