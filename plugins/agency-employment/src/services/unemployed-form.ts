import type { FieldUiHint, JsonSchema, RequiredDocument } from '@darcha/core';
import { PHONE_FIELD, formUi, serviceForm } from '@darcha/service-kit';

/**
 * The applicant's highest completed education, by the levels of the Uzbek education system:
 * incomplete secondary, general secondary (school), secondary specialised or vocational (college,
 * technical school), higher (bachelor, master).
 */
export const EDUCATION_LEVELS = [
  'incomplete_secondary',
  'general_secondary',
  'vocational',
  'bachelor',
  'master',
] as const;

/**
 * Why the applicant left the last job, or `never_employed` for a first-job seeker (who has no last
 * job to give). *Assumed*: the grounds of the Labour Code grouped as a citizen would pick them.
 */
export const LEAVING_REASONS = [
  'staff_reduction',
  'employer_closed',
  'contract_ended',
  'own_will',
  'health',
  'never_employed',
] as const;

/**
 * The online application (services.md: "online form, visit within 3 days"): the applicant's PINFL,
 * the last job (employer and position; not asked of a first-job seeker), the education level, why
 * the job ended, and a phone the centre calls back on.
 */
export const UNEMPLOYED_FORM: JsonSchema = {
  ...serviceForm({
    identity: 'pinfl',
    properties: {
      lastJob: { type: 'string', minLength: 3, maxLength: 200 },
      educationLevel: { enum: [...EDUCATION_LEVELS] },
      leavingReason: { enum: [...LEAVING_REASONS] },
      phone: PHONE_FIELD,
    },
    required: ['educationLevel', 'leavingReason', 'phone'],
  }),
  // Whoever has worked names the last job.
  if: { properties: { leavingReason: { not: { const: 'never_employed' } } }, required: ['leavingReason'] },
  then: { required: ['lastJob'] },
};

/** The form's order, with where the last job is asked for. */
export const UNEMPLOYED_UI: Record<string, FieldUiHint> = formUi(
  ['pinfl', 'leavingReason', 'lastJob', 'educationLevel', 'phone'],
  {
    lastJob: {
      'uz-Latn': 'Oxirgi ish joyi va lavozim (birinchi marta ish qidirayotganlar to‘ldirmaydi)',
      'uz-Cyrl': 'Охирги иш жойи ва лавозим (биринчи марта иш қидираётганлар тўлдирмайди)',
      ru: 'Последнее место работы и должность (не заполняют впервые ищущие работу)',
      en: 'Last employer and position (left empty by first-job seekers)',
    },
  },
);

const SCANS = { accept: ['application/pdf', 'image/jpeg', 'image/png'], maxBytes: 5_000_000 };

/** Shown at the visit: the identity card, and the diploma when the applicant has one. */
export const UNEMPLOYED_DOCUMENTS: RequiredDocument[] = [
  {
    code: 'id-card',
    names: {
      'uz-Latn': 'Shaxsni tasdiqlovchi hujjat (ID-karta)',
      'uz-Cyrl': 'Шахсни тасдиқловчи ҳужжат (ID-карта)',
      ru: 'Документ, удостоверяющий личность (ID-карта)',
      en: 'Identity document (ID card)',
    },
    ...SCANS,
  },
  {
    code: 'education-document',
    names: {
      'uz-Latn': 'Ma’lumoti haqida hujjat (diplom)',
      'uz-Cyrl': 'Маълумоти ҳақида ҳужжат (диплом)',
      ru: 'Документ об образовании (диплом)',
      en: 'Education document (diploma)',
    },
    ...SCANS,
    optional: true,
  },
];
