import { numberParam, shown, shownList, typesOf, type MessageCatalog } from './message-catalog.js';

// Uzbek in Latin script. The letters oʻ and gʻ and the tutuq belgisi are all written with the plain
// apostrophe ' (U+0027), as in the rest of Darcha's Uzbek texts; search treats every apostrophe
// alike (i18n/search-key.ts). The test checks that no other apostrophe creeps in.

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'matn',
  number: 'son',
  integer: 'butun son',
  boolean: 'mantiqiy qiymat (true yoki false)',
  object: 'maydonlar guruhi',
  array: "ro'yxat",
  null: "bo'sh qiymat",
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  date: 'sana (YYYY-MM-DD)',
  time: 'vaqt (HH:MM:SS)',
  'date-time': 'sana va vaqt (YYYY-MM-DDTHH:MM:SSZ)',
  email: 'elektron pochta manzili',
  uri: 'veb-manzil (URI)',
  uuid: 'UUID',
};

/** Uzbek messages, Latin script. */
export const uzLatn: MessageCatalog = {
  keywords: {
    required: () => "to'ldirilishi shart",
    type: (p) =>
      `${typesOf(p)
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' yoki ')} bo'lishi kerak`,
    format: (p) => {
      const name = FORMAT_NAMES[String(p['format'])];
      return name ? `${name} bo'lishi kerak` : `"${String(p['format'])}" formatida bo'lishi kerak`;
    },
    pattern: () => "noto'g'ri formatda kiritilgan",
    minLength: (p) => `kamida ${numberParam(p, 'limit')} ta belgidan iborat bo'lishi kerak`,
    maxLength: (p) => `ko'pi bilan ${numberParam(p, 'limit')} ta belgidan iborat bo'lishi kerak`,
    minimum: (p) => `kamida ${numberParam(p, 'limit')} bo'lishi kerak`,
    maximum: (p) => `ko'pi bilan ${numberParam(p, 'limit')} bo'lishi kerak`,
    exclusiveMinimum: (p) => `${numberParam(p, 'limit')} dan katta bo'lishi kerak`,
    exclusiveMaximum: (p) => `${numberParam(p, 'limit')} dan kichik bo'lishi kerak`,
    enum: (p) => `quyidagilardan biri bo'lishi kerak: ${shownList(p['allowedValues'])}`,
    const: (p) => `aynan ${shown(p['allowedValue'])} bo'lishi kerak`,
    minItems: (p) => `kamida ${numberParam(p, 'limit')} ta elementdan iborat bo'lishi kerak`,
    maxItems: (p) => `ko'pi bilan ${numberParam(p, 'limit')} ta elementdan iborat bo'lishi kerak`,
    additionalProperties: () => "bu arizada bunday maydon yo'q; uni olib tashlang",
    multipleOf: (p) => `${numberParam(p, 'multipleOf')} ga karrali bo'lishi kerak`,
  },
  fallback: () => "noto'g'ri to'ldirilgan",
  formats: {
    pinfl: "14 xonali JSHSHIR bo'lishi kerak",
    tin: "9 xonali STIR bo'lishi kerak",
    'cadastre-number': "10:01:02:03:04:0005:0006:007 ko'rinishidagi kadastr raqami bo'lishi kerak",
    'uz-phone': "+998 va 9 ta raqamdan iborat telefon raqami bo'lishi kerak, bo'sh joysiz",
    'utility-account': "6 tadan 12 tagacha raqamdan iborat shaxsiy hisob raqami bo'lishi kerak",
    'postal-code': "6 xonali pochta indeksi bo'lishi kerak",
  },
};
