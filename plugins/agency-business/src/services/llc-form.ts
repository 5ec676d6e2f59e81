import type { FieldUiHint, JsonSchema, RequiredDocument } from '@darcha/core';
import { ADDRESS_FIELD, PHONE_FIELD, PINFL_FIELD, formUi, serviceForm } from '@darcha/service-kit';
import { FOUNDERS_FIELD } from './founders.js';

/** A company's or trade name as registered: 2 to 200 characters. */
export const NAME_FIELD: JsonSchema = { type: 'string', minLength: 2, maxLength: 200 };

/**
 * The charter capital in whole soums, from 0. The upper bound (10^15) only keeps the amount exact
 * in JavaScript, so the certificate can print it as money.
 */
export const CHARTER_CAPITAL_FIELD: JsonSchema = { type: 'integer', minimum: 0, maximum: 1e15 };

/**
 * The LLC registration form: the company's name, its legal form (an LLC), the founders with their
 * shares, the charter capital, the legal address, the director's PINFL and a phone. The company has
 * no TIN yet: it is assigned at registration.
 */
export const LLC_FORM: JsonSchema = serviceForm({
  properties: {
    companyName: NAME_FIELD,
    legalForm: { enum: ['llc'] },
    founders: FOUNDERS_FIELD,
    charterCapital: CHARTER_CAPITAL_FIELD,
    address: ADDRESS_FIELD,
    directorPinfl: PINFL_FIELD,
    phone: PHONE_FIELD,
  },
  required: ['companyName', 'legalForm', 'founders', 'charterCapital', 'address', 'directorPinfl', 'phone'],
});

/** The LLC form's display hints. */
export const LLC_UI: Record<string, FieldUiHint> = formUi(
  ['companyName', 'legalForm', 'founders', 'charterCapital', 'address', 'directorPinfl', 'phone'],
  {
    founders: {
      'uz-Latn':
        'Har bir ta’sischi: JShShIR yoki STIR va ulushi (%); ulushlar yig‘indisi 100% bo‘lishi kerak',
      'uz-Cyrl': 'Ҳар бир таъсисчи: ЖШШИР ёки СТИР ва улуши (%); улушлар йиғиндиси 100% бўлиши керак',
      ru: 'Каждый учредитель: ПИНФЛ или ИНН и доля (%); доли в сумме должны составлять 100%',
      en: 'Each founder: PINFL or TIN and their share (%); the shares must add up to 100%',
    },
    charterCapital: {
      'uz-Latn': 'Ustav fondi, so‘mda',
      'uz-Cyrl': 'Устав фонди, сўмда',
      ru: 'Уставный фонд, в сумах',
      en: 'Charter capital, in soums',
    },
  },
);

/** The documents an LLC brings (services.md): the application, the charter, the founders' decision. */
export const LLC_DOCUMENTS: RequiredDocument[] = [
  {
    code: 'application',
    names: {
      'uz-Latn': 'Davlat ro‘yxatidan o‘tkazish uchun ariza',
      'uz-Cyrl': 'Давлат рўйхатидан ўтказиш учун ариза',
      ru: 'Заявление о государственной регистрации',
      en: 'Application for state registration',
    },
  },
  {
    code: 'charter',
    names: { 'uz-Latn': 'Ustav', 'uz-Cyrl': 'Устав', ru: 'Устав', en: 'Charter' },
  },
  {
    code: 'founders-decision',
    names: {
      'uz-Latn': 'Ta’sischilarning qarori (ta’sis shartnomasi)',
      'uz-Cyrl': 'Таъсисчиларнинг қарори (таъсис шартномаси)',
      ru: 'Решение (учредительный договор) учредителей',
      en: "The founders' decision (memorandum of association)",
    },
  },
].map((document) => ({
  ...document,
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 5_000_000,
}));
