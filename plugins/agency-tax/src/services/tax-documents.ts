import type { TemplateSources, Translations } from '@darcha/core';
import {
  DOCUMENT_TRANSLATIONS,
  documentTemplate,
  mergeTranslations,
  type DocumentField,
} from '@darcha/service-kit';
import { REPORT_KIND_TRANSLATIONS } from './report-kinds.js';

/** The period lines both documents print (the quarter or month only when given). */
const PERIOD_FIELDS: DocumentField[] = [
  { label: 'tax.tin', path: 'form.tin' },
  { label: 'tax.year', path: 'form.year' },
  { label: 'tax.quarter', path: 'form.quarter' },
  { label: 'tax.month', path: 'form.month' },
];

/** The report kinds of the form, by their translated names, comma separated. */
const KINDS = '{{#each form.reportKinds}}{{t this}}{{#unless @last}}, {{/unless}}{{/each}}';

/** The kit's document labels, the pack's own and the report kinds' names: the pack's `translations`. */
export const TAX_TRANSLATIONS: Translations = mergeTranslations(
  DOCUMENT_TRANSLATIONS,
  REPORT_KIND_TRANSLATIONS,
  {
    'uz-Latn': {
      'tax.tin': 'STIR',
      'tax.year': 'Yil',
      'tax.quarter': 'Chorak',
      'tax.month': 'Oy',
      'tax.purpose': 'Taqdim etish uchun',
      'tax.reports': 'Hisobotlar soni',
    },
    'uz-Cyrl': {
      'tax.tin': 'СТИР',
      'tax.year': 'Йил',
      'tax.quarter': 'Чорак',
      'tax.month': 'Ой',
      'tax.purpose': 'Тақдим этиш учун',
      'tax.reports': 'Ҳисоботлар сони',
    },
    ru: {
      'tax.tin': 'ИНН',
      'tax.year': 'Год',
      'tax.quarter': 'Квартал',
      'tax.month': 'Месяц',
      'tax.purpose': 'Для представления',
      'tax.reports': 'Количество отчётов',
    },
    en: {
      'tax.tin': 'TIN',
      'tax.year': 'Year',
      'tax.quarter': 'Quarter',
      'tax.month': 'Month',
      'tax.purpose': 'Requested for',
      'tax.reports': 'Number of reports',
    },
  },
);

/** The tax certificate and the confirmation of submitted e-reports, in the four locales. */
export const taxDocuments: TemplateSources = {
  'agency-tax/tax-certificate': documentTemplate(
    {
      'uz-Latn': {
        title: 'Byudjet bilan hisob-kitoblar holati to‘g‘risida ma’lumotnoma',
        statement:
          '{{form.tin}} STIR raqamli soliq to‘lovchining {{form.year}} yil uchun byudjet bilan hisob-kitoblari soliq inspeksiyasida tekshirildi.',
      },
      'uz-Cyrl': {
        title: 'Бюджет билан ҳисоб-китоблар ҳолати тўғрисида маълумотнома',
        statement:
          '{{form.tin}} СТИР рақамли солиқ тўловчининг {{form.year}} йил учун бюджет билан ҳисоб-китоблари солиқ инспекциясида текширилди.',
      },
      ru: {
        title: 'Справка о состоянии расчётов с бюджетом',
        statement:
          'Расчёты с бюджетом налогоплательщика с ИНН {{form.tin}} за {{form.year}} год проверены налоговой инспекцией.',
      },
      en: {
        title: 'Tax certificate: settlements with the budget',
        statement:
          'The tax inspection has checked the settlements with the budget of the taxpayer with TIN {{form.tin}} for {{form.year}}.',
      },
    },
    [...PERIOD_FIELDS, { label: 'tax.purpose', path: 'form.purpose' }],
  ),
  'agency-tax/e-report-confirmation': documentTemplate(
    {
      'uz-Latn': {
        title: 'Elektron hisobotlar topshirilganligi to‘g‘risida tasdiqnoma',
        statement: `{{form.tin}} STIR raqamli soliq to‘lovchining hisobotlari (${KINDS}) tayyorlandi va soliq hamda statistika organlariga elektron shaklda topshirildi.`,
      },
      'uz-Cyrl': {
        title: 'Электрон ҳисоботлар топширилганлиги тўғрисида тасдиқнома',
        statement: `{{form.tin}} СТИР рақамли солиқ тўловчининг ҳисоботлари (${KINDS}) тайёрланди ва солиқ ҳамда статистика органларига электрон шаклда топширилди.`,
      },
      ru: {
        title: 'Подтверждение представления электронной отчётности',
        statement: `Отчёты налогоплательщика с ИНН {{form.tin}} (${KINDS}) подготовлены и представлены в налоговые органы и органы статистики в электронном виде.`,
      },
      en: {
        title: 'Confirmation of electronic report submission',
        statement: `The reports of the taxpayer with TIN {{form.tin}} (${KINDS}) have been prepared and submitted electronically to the tax and statistics agencies.`,
      },
    },
    [...PERIOD_FIELDS, { label: 'tax.reports', path: 'form.reports' }],
  ),
};
