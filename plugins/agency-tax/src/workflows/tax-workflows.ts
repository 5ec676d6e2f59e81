import type { WorkflowDefinition } from '@darcha/core';
import { stagedWorkflow } from '@darcha/service-kit';

/** Working days to check the settlements and issue the tax certificate: *assumed* 3 (services.md gives 1-3). */
export const CERTIFICATE_WORKING_DAYS = 3;
/** Working days to prepare and submit the reports: *assumed* 1. */
export const E_REPORT_WORKING_DAYS = 1;

/**
 * The tax certificate (free): taken into work by the inspection's back office, the settlements
 * checked, the certificate issued and handed over; a rejected company may appeal within 15 days.
 */
export const taxCertificateWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-tax/tax-certificate',
  names: {
    'uz-Latn': 'Soliq ma’lumotnomasi',
    'uz-Cyrl': 'Солиқ маълумотномаси',
    ru: 'Налоговая справка',
    en: 'Tax certificate',
  },
  stages: [
    {
      state: 'settlement_check',
      workingDays: CERTIFICATE_WORKING_DAYS,
      names: {
        'uz-Latn': 'Hisob-kitoblarni tekshirish',
        'uz-Cyrl': 'Ҳисоб-китобларни текшириш',
        ru: 'Сверка расчётов с бюджетом',
        en: 'Settlement check',
      },
      done: {
        'uz-Latn': 'Ma’lumotnoma tayyorlandi',
        'uz-Cyrl': 'Маълумотнома тайёрланди',
        ru: 'Справка подготовлена',
        en: 'Certificate prepared',
      },
    },
  ],
  issues: { template: 'agency-tax/tax-certificate' },
});

/**
 * Help with electronic reports (paid): the tariff paid at the OSS's cash desk, the reports prepared
 * and submitted, the confirmation issued and handed over; a rejected company may appeal within 15
 * days.
 */
export const eReportHelpWorkflow: WorkflowDefinition = stagedWorkflow({
  key: 'agency-tax/e-report-help',
  names: {
    'uz-Latn': 'Elektron hisobotlar bo‘yicha yordam',
    'uz-Cyrl': 'Электрон ҳисоботлар бўйича ёрдам',
    ru: 'Помощь с электронной отчётностью',
    en: 'E-report help',
  },
  payment: {},
  stages: [
    {
      state: 'submission',
      workingDays: E_REPORT_WORKING_DAYS,
      names: {
        'uz-Latn': 'Tayyorlash va topshirish',
        'uz-Cyrl': 'Тайёрлаш ва топшириш',
        ru: 'Подготовка и представление',
        en: 'Preparation and submission',
      },
      done: {
        'uz-Latn': 'Hisobotlar topshirildi',
        'uz-Cyrl': 'Ҳисоботлар топширилди',
        ru: 'Отчёты представлены',
        en: 'Reports submitted',
      },
    },
  ],
  issues: { template: 'agency-tax/e-report-confirmation' },
});
