import type { TemplateSources, Translations } from '@darcha/core';
import { DOCUMENT_TRANSLATIONS, documentTemplate, mergeTranslations } from '@darcha/service-kit';
import { CHILD_ALLOWANCE_DECISION_TEMPLATE } from '../workflows/child-allowance.js';
import { UNEMPLOYED_DECISION_TEMPLATE } from '../workflows/unemployed-registration.js';

/** Months the child allowance is paid for, monthly (services.md: "monthly for 12 months"). */
export const CHILD_ALLOWANCE_MONTHS = 12;

/** The kit's document labels and the centre's own, by locale: the pack's `translations`. */
export const EMPLOYMENT_TRANSLATIONS: Translations = mergeTranslations(DOCUMENT_TRANSLATIONS, {
  'uz-Latn': {
    'employment.pinfl': 'JShShIR',
    'employment.last-job': 'Oxirgi ish joyi',
    'employment.children': 'Bolalar soni',
    'employment.household-size': 'Oila a’zolari soni',
    'employment.monthly-income': 'Oilaning oylik daromadi, so‘m',
  },
  'uz-Cyrl': {
    'employment.pinfl': 'ЖШШИР',
    'employment.last-job': 'Охирги иш жойи',
    'employment.children': 'Болалар сони',
    'employment.household-size': 'Оила аъзолари сони',
    'employment.monthly-income': 'Оиланинг ойлик даромади, сўм',
  },
  ru: {
    'employment.pinfl': 'ПИНФЛ',
    'employment.last-job': 'Последнее место работы',
    'employment.children': 'Количество детей',
    'employment.household-size': 'Членов семьи',
    'employment.monthly-income': 'Доход семьи в месяц, сум',
  },
  en: {
    'employment.pinfl': 'PINFL',
    'employment.last-job': 'Last job',
    'employment.children': 'Children',
    'employment.household-size': 'Household size',
    'employment.monthly-income': 'Household income per month, UZS',
  },
});

const M = CHILD_ALLOWANCE_MONTHS;

/** The registration decision and the child allowance decision, in the four locales. */
export const employmentDocuments: TemplateSources = {
  [UNEMPLOYED_DECISION_TEMPLATE]: documentTemplate(
    {
      'uz-Latn': {
        title: 'Ishsiz sifatida ro‘yxatga olish to‘g‘risida qaror',
        statement: '{{holder.name}} ishsiz sifatida ro‘yxatga olindi va unga ishsizlik nafaqasi tayinlandi.',
      },
      'uz-Cyrl': {
        title: 'Ишсиз сифатида рўйхатга олиш тўғрисида қарор',
        statement: '{{holder.name}} ишсиз сифатида рўйхатга олинди ва унга ишсизлик нафақаси тайинланди.',
      },
      ru: {
        title: 'Решение о регистрации в качестве безработного',
        statement:
          '{{holder.name}} зарегистрирован(а) в качестве безработного, назначено пособие по безработице.',
      },
      en: {
        title: 'Decision on registration as unemployed',
        statement: '{{holder.name}} is registered as unemployed and granted the unemployment benefit.',
      },
    },
    [
      { label: 'employment.pinfl', path: 'form.pinfl' },
      { label: 'employment.last-job', path: 'form.lastJob' },
    ],
  ),
  [CHILD_ALLOWANCE_DECISION_TEMPLATE]: documentTemplate(
    {
      'uz-Latn': {
        title: 'Bolalar nafaqasini tayinlash to‘g‘risida qaror',
        statement: `{{holder.name}} oilasiga bolalar nafaqasi tayinlandi: {{date issuedAt}} dan boshlab ${M} oy davomida har oy to‘lanadi.`,
      },
      'uz-Cyrl': {
        title: 'Болалар нафақасини тайинлаш тўғрисида қарор',
        statement: `{{holder.name}} оиласига болалар нафақаси тайинланди: {{date issuedAt}} дан бошлаб ${M} ой давомида ҳар ой тўланади.`,
      },
      ru: {
        title: 'Решение о назначении пособия на детей',
        statement: `Семье {{holder.name}} назначено пособие на детей: выплачивается ежемесячно в течение ${M} месяцев начиная с {{date issuedAt}}.`,
      },
      en: {
        title: 'Decision granting the child allowance',
        statement: `The family of {{holder.name}} is granted the child allowance, paid monthly for ${M} months from {{date issuedAt}}.`,
      },
    },
    [
      { label: 'employment.pinfl', path: 'form.pinfl' },
      { label: 'employment.children', path: 'form.children.length' },
      { label: 'employment.household-size', path: 'form.householdSize' },
      { label: 'employment.monthly-income', path: 'form.monthlyIncome' },
    ],
  ),
};
