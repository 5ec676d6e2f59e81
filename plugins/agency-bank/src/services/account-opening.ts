import type { FieldUiHint, JsonSchema, ServiceDefinition } from '@darcha/core';
import { PHONE_FIELD, defineService, formUi, serviceForm } from '@darcha/service-kit';
import { APPOINTMENT_WORKING_DAYS, accountOpeningWorkflow } from '../workflows/account-opening.js';

/** The kind of account: a current (settlement) account, a deposit, a card account, a foreign-currency account. */
export const ACCOUNT_KINDS = ['current', 'deposit', 'card', 'foreign_currency'] as const;

/**
 * The request: who applies (PINFL or TIN), the preferred date (`YYYY-MM-DD`; a date in the past is
 * not refused by the form, the branch proposes another), the kind of account, and a phone the
 * branch confirms on.
 */
export const ACCOUNT_OPENING_FORM: JsonSchema = serviceForm({
  identity: 'either',
  properties: {
    preferredDate: { type: 'string', format: 'date' },
    accountKind: { enum: [...ACCOUNT_KINDS] },
    phone: PHONE_FIELD,
  },
  required: ['preferredDate', 'accountKind', 'phone'],
});

const UI = formUi(['applicantType', 'pinfl', 'tin', 'accountKind', 'preferredDate', 'phone']);
const ACCOUNT_OPENING_UI: Record<string, FieldUiHint> = {
  ...UI,
  accountKind: { ...UI['accountKind'], widget: 'select' },
  preferredDate: { ...UI['preferredDate'], widget: 'date' },
};

/**
 * An appointment at the IPOTEKA bank branch to open an account, for individuals and legal
 * entities: the branch confirms it within *assumed* 1 working day; free; no certificate (the account
 * is opened at the appointment).
 */
export const accountOpening: ServiceDefinition = defineService({
  code: 'bank.account-opening',
  category: 'business.banking',
  names: {
    'uz-Latn': 'Bankda hisob raqam ochish uchun yozilish',
    'uz-Cyrl': 'Банкда ҳисоб рақам очиш учун ёзилиш',
    ru: 'Запись на открытие банковского счёта',
    en: 'Appointment to open a bank account',
  },
  descriptions: {
    'uz-Latn': 'Filial qulay sanada uchrashuvni tasdiqlaydi va qanday hujjatlar kerakligini aytadi.',
    'uz-Cyrl': 'Филиал қулай санада учрашувни тасдиқлайди ва қандай ҳужжатлар кераклигини айтади.',
    ru: 'Филиал подтверждает запись на удобную дату и сообщает, какие документы взять с собой.',
    en: 'The branch confirms an appointment on a convenient date and tells which documents to bring.',
  },
  form: ACCOUNT_OPENING_FORM,
  ui: ACCOUNT_OPENING_UI,
  fee: { free: true }, // opening the account may carry the bank's own tariff, not charged through Darcha
  sla: { unit: 'working_days', value: APPOINTMENT_WORKING_DAYS }, // *assumed* 1 working day
  workflow: accountOpeningWorkflow.key,
  keywords: {
    'uz-Latn': ['bank', 'hisob raqam', 'karta'],
    'uz-Cyrl': ['банк', 'ҳисоб рақам', 'карта'],
    ru: ['банк', 'счёт', 'карта'],
    en: ['bank', 'account', 'card'],
  },
});
