import type { FieldUiHint, JsonSchema, ServiceDefinition } from '@darcha/core';
import { PHONE_FIELD, defineService, formUi, serviceForm } from '@darcha/service-kit';
import { JOB_WORKING_HOURS, computerServicesWorkflow } from '../workflows/computer-services-workflow.js';
import { withWidgets } from './form-widgets.js';
import { COMPUTER_JOBS, COMPUTER_SERVICES_FEE } from './oss-fees.js';

/** The most internet hours one request may buy: the centre's opening hours in a day. */
export const MAX_INTERNET_HOURS = 9;

/**
 * The form: who asks (PINFL or TIN), the kind of work, how many pages (printing, scanning, typing)
 * or hours (internet access, at most {@link MAX_INTERNET_HOURS}), what is to be done, an optional
 * phone.
 */
export const COMPUTER_SERVICES_FORM: JsonSchema = {
  ...serviceForm({
    identity: 'either',
    properties: {
      kind: { enum: Object.keys(COMPUTER_JOBS) },
      quantity: { type: 'integer', minimum: 1, maximum: 500 },
      details: { type: 'string', maxLength: 500 },
      phone: PHONE_FIELD,
    },
    required: ['kind', 'quantity'],
  }),
  allOf: [
    {
      if: { properties: { kind: { const: 'internet' } }, required: ['kind'] },
      then: { properties: { quantity: { maximum: MAX_INTERNET_HOURS } } },
    },
  ],
};

const COMPUTER_SERVICES_UI: Record<string, FieldUiHint> = withWidgets(
  formUi(['applicantType', 'pinfl', 'tin', 'kind', 'quantity', 'details', 'phone'], {
    quantity: {
      'uz-Latn': 'Sahifalar soni (chop etish, skanerlash, matn terish) yoki soatlar (internet)',
      'uz-Cyrl': 'Саҳифалар сони (чоп этиш, сканерлаш, матн териш) ёки соатлар (интернет)',
      ru: 'Число страниц (печать, сканирование, набор) или часов (интернет)',
      en: 'Pages (printing, scanning, typing) or hours (internet access)',
    },
  }),
  { kind: 'select', quantity: 'number', details: 'textarea' },
);

/**
 * Computer services of the centre (the 2014 workshop: "almost all types of computer services"):
 * printing, scanning and typing by the page, internet access by the hour; paid first, done at once,
 * the receipt being the only paper.
 */
export const computerServices: ServiceDefinition = defineService({
  code: 'oss.computer-services',
  category: 'oss-services.computer',
  names: {
    'uz-Latn': 'Kompyuter xizmatlari (chop etish, skanerlash, matn terish, internet)',
    'uz-Cyrl': 'Компьютер хизматлари (чоп этиш, сканерлаш, матн териш, интернет)',
    ru: 'Компьютерные услуги (печать, сканирование, набор текста, интернет)',
    en: 'Computer services (printing, scanning, typing, internet access)',
  },
  descriptions: {
    'uz-Latn': 'Hujjatlarni chop etish, skanerlash va terish sahifabay, internetdan foydalanish soatbay.',
    'uz-Cyrl': 'Ҳужжатларни чоп этиш, сканерлаш ва териш саҳифабай, интернетдан фойдаланиш соатбай.',
    ru: 'Печать, сканирование и набор документов постранично, доступ в интернет почасово.',
    en: 'Printing, scanning and typing of documents by the page, internet access by the hour.',
  },
  channels: ['desk'],
  form: COMPUTER_SERVICES_FORM,
  ui: COMPUTER_SERVICES_UI,
  fee: COMPUTER_SERVICES_FEE,
  sla: { unit: 'working_hours', value: JOB_WORKING_HOURS },
  workflow: computerServicesWorkflow.key,
  keywords: {
    'uz-Latn': ['chop etish', 'printer', 'skaner', 'internet', 'kompyuter'],
    'uz-Cyrl': ['чоп этиш', 'принтер', 'сканер', 'интернет', 'компьютер'],
    ru: ['печать', 'распечатать', 'сканирование', 'интернет', 'компьютер'],
    en: ['printing', 'print', 'scanning', 'typing', 'internet', 'computer'],
  },
});
