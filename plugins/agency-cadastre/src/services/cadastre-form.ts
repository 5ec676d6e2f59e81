import type { FieldUiHint, JsonSchema } from '@darcha/core';
import { ADDRESS_FIELD, CADASTRE_FIELD, PHONE_FIELD, formUi, serviceForm } from '@darcha/service-kit';

/** What the property is used for: housing, or anything else (shops, offices, warehouses ...). */
export const PROPERTY_TYPES = ['housing', 'non_residential'] as const;

/** The total floor area in square metres, as the title documents give it. */
export const AREA_FIELD: JsonSchema = { type: 'number', exclusiveMinimum: 0, maximum: 1_000_000 };

/**
 * The application form of both cadastre services: who applies (PINFL or TIN), the property's
 * cadastre number, its type and floor area (the extract's fee depends on both), its address, a phone.
 */
export const CADASTRE_FORM: JsonSchema = serviceForm({
  identity: 'either',
  properties: {
    cadastreNumber: CADASTRE_FIELD,
    propertyType: { enum: [...PROPERTY_TYPES] },
    area: AREA_FIELD,
    address: ADDRESS_FIELD,
    phone: PHONE_FIELD,
    purpose: { type: 'string', maxLength: 200 },
  },
  required: ['cadastreNumber', 'propertyType', 'area', 'address', 'phone'],
});

/** The form's display hints, in order, with where to find the cadastre number. */
export const CADASTRE_UI: Record<string, FieldUiHint> = formUi(
  ['applicantType', 'pinfl', 'tin', 'cadastreNumber', 'propertyType', 'area', 'address', 'phone', 'purpose'],
  {
    cadastreNumber: {
      'uz-Latn': 'Kadastr raqami mulk huquqini tasdiqlovchi hujjatda yozilgan (AA:BB:CC:DD:EE:FFFF:GGGG:HHH)',
      'uz-Cyrl': 'Кадастр рақами мулк ҳуқуқини тасдиқловчи ҳужжатда ёзилган (AA:BB:CC:DD:EE:FFFF:GGGG:HHH)',
      ru: 'Кадастровый номер указан в правоустанавливающем документе (AA:BB:CC:DD:EE:FFFF:GGGG:HHH)',
      en: 'The cadastre number is printed on the title document (AA:BB:CC:DD:EE:FFFF:GGGG:HHH)',
    },
  },
);

/** Both services ask for the title document. */
export const TITLE_DOCUMENT = {
  code: 'title-document',
  names: {
    'uz-Latn': 'Mulk huquqini tasdiqlovchi hujjat',
    'uz-Cyrl': 'Мулк ҳуқуқини тасдиқловчи ҳужжат',
    ru: 'Правоустанавливающий документ',
    en: 'Title document',
  },
  accept: ['application/pdf', 'image/jpeg', 'image/png'],
  maxBytes: 5_000_000,
};
