import type { FieldUiHint, JsonSchema } from '@darcha/core';
import { formUi } from '@darcha/service-kit';

/** The customer account printed on the utility bill (Darcha's `utility-account` format: 6 to 12 digits). */
export const ACCOUNT_FIELD: JsonSchema = { type: 'string', format: 'utility-account' };
/** A meter's serial number as stamped on it. */
export const METER_SERIAL_FIELD: JsonSchema = { type: 'string', pattern: '^[A-Z0-9-]{4,20}$' };

/** Display hints of a utility form: {@link formUi}, and the account with where to find it. */
export function utilityUi(order: readonly string[]): Record<string, FieldUiHint> {
  return formUi(order, {
    account: {
      'uz-Latn': "Hisob raqami to'lov kvitansiyasida yozilgan",
      'uz-Cyrl': 'Ҳисоб рақами тўлов квитанциясида ёзилган',
      ru: 'Лицевой счёт указан в квитанции',
      en: 'The account number is printed on the bill',
    },
  });
}
