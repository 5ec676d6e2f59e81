import type { FieldUiHint, JsonSchema, LocalizedText } from '@darcha/core';
import { PHONE_FIELD, TIN_FIELD, formUi, serviceForm } from '@darcha/service-kit';
import { MAX_REPORTS } from './e-report-fee.js';
import { REPORT_KINDS } from './report-kinds.js';
import { MONTH_FIELD, QUARTER_FIELD, QUARTER_OR_MONTH, YEAR_FIELD } from './tax-period.js';

const TIN_HELP: LocalizedText = {
  'uz-Latn': 'Korxonaning 9 xonali STIR raqami',
  'uz-Cyrl': 'Корхонанинг 9 хонали СТИР рақами',
  ru: 'ИНН организации, 9 цифр',
  en: "The company's 9-digit TIN",
};

/**
 * The tax certificate's form: the company's TIN, the year (and optionally the quarter) the
 * certificate covers, what it is for (a bank, a tender ...), a phone.
 */
export const TAX_CERTIFICATE_FORM: JsonSchema = serviceForm({
  properties: {
    tin: TIN_FIELD,
    year: YEAR_FIELD,
    quarter: QUARTER_FIELD,
    purpose: { type: 'string', minLength: 3, maxLength: 200 },
    phone: PHONE_FIELD,
  },
  required: ['tin', 'year', 'purpose', 'phone'],
});

/** The tax certificate form's display hints. */
export const TAX_CERTIFICATE_UI: Record<string, FieldUiHint> = formUi(
  ['tin', 'year', 'quarter', 'purpose', 'phone'],
  { tin: TIN_HELP },
);

/**
 * The e-report help form: the company's TIN, the reporting period (a year with a quarter or a
 * month), the kinds of report (at least one, each once), how many report forms in all (the fee
 * counts them), a phone.
 */
export const E_REPORT_FORM: JsonSchema = {
  ...serviceForm({
    properties: {
      tin: TIN_FIELD,
      year: YEAR_FIELD,
      quarter: QUARTER_FIELD,
      month: MONTH_FIELD,
      reportKinds: {
        type: 'array',
        minItems: 1,
        uniqueItems: true,
        items: { enum: [...REPORT_KINDS] },
      },
      reports: { type: 'integer', minimum: 1, maximum: MAX_REPORTS },
      phone: PHONE_FIELD,
    },
    required: ['tin', 'year', 'reportKinds', 'reports', 'phone'],
  }),
  ...QUARTER_OR_MONTH,
};

const E_REPORT_ORDER = ['tin', 'year', 'quarter', 'month', 'reportKinds', 'reports', 'phone'];
const E_REPORT_HINTS = formUi(E_REPORT_ORDER, {
  tin: TIN_HELP,
  reports: {
    'uz-Latn': 'Jami hisobot shakllari soni (har biri uchun to‘lov olinadi)',
    'uz-Cyrl': 'Жами ҳисобот шакллари сони (ҳар бири учун тўлов олинади)',
    ru: 'Сколько всего форм отчётности (оплата за каждую)',
    en: 'How many report forms in all (each is charged)',
  },
});

/** The e-report form's display hints: the report kinds as checkboxes. */
export const E_REPORT_UI: Record<string, FieldUiHint> = {
  ...E_REPORT_HINTS,
  reportKinds: { ...E_REPORT_HINTS['reportKinds'], widget: 'checkbox' },
};
