import type { FieldUiHint, JsonSchema } from '@darcha/core';
import { ADDRESS_FIELD, PHONE_FIELD, formUi, serviceForm } from '@darcha/service-kit';

/** One child of the family: the first name and the date of birth (`YYYY-MM-DD`). */
export const CHILD_FIELD: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['firstName', 'birthDate'],
  properties: {
    firstName: { type: 'string', minLength: 1, maxLength: 100 },
    birthDate: { type: 'string', format: 'date' },
  },
};

/**
 * The application of a low-income family: the parent's PINFL, the children with their dates of
 * birth, the household's total income per month in whole soums, the number of people in the
 * household (the parent and at least one child), the address and a phone. Whether each child is
 * under the age limit, and whether the household counts its children, the centre checks in its
 * review: JSON Schema cannot compare a date with today or two fields with each other.
 */
export const CHILD_ALLOWANCE_FORM: JsonSchema = serviceForm({
  identity: 'pinfl',
  properties: {
    // *assumed*: at most 15 children on one application; no source gives a limit.
    children: { type: 'array', minItems: 1, maxItems: 15, items: CHILD_FIELD },
    monthlyIncome: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    // *assumed*: at most 30 people in one household.
    householdSize: { type: 'integer', minimum: 2, maximum: 30 },
    address: ADDRESS_FIELD,
    phone: PHONE_FIELD,
  },
  required: ['children', 'monthlyIncome', 'householdSize', 'address', 'phone'],
});

/** The form's order, with what the income counts. */
export const CHILD_ALLOWANCE_UI: Record<string, FieldUiHint> = formUi(
  ['pinfl', 'children', 'householdSize', 'monthlyIncome', 'address', 'phone'],
  {
    monthlyIncome: {
      'uz-Latn': 'Oilaning barcha a’zolari bir oyda oladigan daromad, so‘mda',
      'uz-Cyrl': 'Оиланинг барча аъзолари бир ойда оладиган даромад, сўмда',
      ru: 'Доход всех членов семьи за месяц, в сумах',
      en: 'What all members of the household earn in a month, in soums',
    },
  },
);
