import type { FieldUiHint, JsonSchema } from '@darcha/core';
import { ADDRESS_FIELD, PHONE_FIELD, formUi, serviceForm } from '@darcha/service-kit';
import { NAME_FIELD } from './llc-form.js';

/**
 * An activity code of the classifier of economic activities (OKED): `47.19` or `47.19.1`. The
 * format is *assumed* (no source fixes it): class, optionally the subclass.
 */
export const ACTIVITY_CODE_FIELD: JsonSchema = { type: 'string', pattern: '^\\d{2}\\.\\d{2}(\\.\\d{1,2})?$' };

/** The individual entrepreneur's form: their PINFL, the trade name, the activity code, an address, a phone. */
export const ENTREPRENEUR_FORM: JsonSchema = serviceForm({
  identity: 'pinfl',
  properties: {
    tradeName: NAME_FIELD,
    activityCode: ACTIVITY_CODE_FIELD,
    address: ADDRESS_FIELD,
    phone: PHONE_FIELD,
  },
  required: ['tradeName', 'activityCode', 'address', 'phone'],
});

/** The entrepreneur form's display hints. */
export const ENTREPRENEUR_UI: Record<string, FieldUiHint> = formUi(
  ['pinfl', 'tradeName', 'activityCode', 'address', 'phone'],
  {
    activityCode: {
      'uz-Latn': 'IFUT bo‘yicha faoliyat kodi, masalan 47.19',
      'uz-Cyrl': 'ИФУТ бўйича фаолият коди, масалан 47.19',
      ru: 'Код вида деятельности по ОКЭД, например 47.19',
      en: 'The activity code of the classifier (OKED), e.g. 47.19',
    },
  },
);
