import type { ServiceDefinition } from '@darcha/core';
import { defineService } from '@darcha/service-kit';
import { E_REPORT_WORKING_DAYS, eReportHelpWorkflow } from '../workflows/tax-workflows.js';
import { E_REPORT_FEE } from './e-report-fee.js';
import { E_REPORT_FORM, E_REPORT_UI } from './tax-forms.js';

/**
 * Help preparing and submitting a company's electronic reports to the tax and statistics agencies:
 * a paid service of the Djizak and Namangan OSS (oss-workshop-2014.txt); *assumed* 0.1 BHM per
 * report and *assumed* 1 working day.
 */
export const eReportHelp: ServiceDefinition = defineService({
  code: 'tax.e-report-help',
  category: 'oss-services.e-reports',
  names: {
    'uz-Latn': 'Elektron hisobotlarni tayyorlash va topshirishda yordam',
    'uz-Cyrl': 'Электрон ҳисоботларни тайёрлаш ва топширишда ёрдам',
    ru: 'Помощь в подготовке и сдаче электронной отчётности',
    en: 'Help preparing and submitting electronic reports',
  },
  descriptions: {
    'uz-Latn':
      'Markaz xodimlari korxonaning soliq va statistika hisobotlarini tayyorlab, elektron shaklda topshiradi.',
    'uz-Cyrl':
      'Марказ ходимлари корхонанинг солиқ ва статистика ҳисоботларини тайёрлаб, электрон шаклда топширади.',
    ru: 'Сотрудники центра готовят налоговую и статистическую отчётность организации и сдают её в электронном виде.',
    en: "The centre's staff prepare the company's tax and statistical reports and submit them electronically.",
  },
  applicantTypes: ['legal_entity'],
  form: E_REPORT_FORM,
  ui: E_REPORT_UI,
  result: { document: 'e-report-confirmation', template: 'agency-tax/e-report-confirmation' },
  fee: E_REPORT_FEE,
  sla: { unit: 'working_days', value: E_REPORT_WORKING_DAYS }, // *assumed*
  workflow: eReportHelpWorkflow.key,
  keywords: {
    'uz-Latn': ['hisobot', 'soliq', 'statistika'],
    'uz-Cyrl': ['ҳисобот', 'солиқ', 'статистика'],
    ru: ['отчётность', 'декларация', 'налог', 'статистика'],
    en: ['report', 'tax return', 'statistics'],
  },
});
