import type { FieldUiHint, JsonSchema } from '@darcha/core';

/** The customer account printed on the utility bill (Darcha's `utility-account` format: 6 to 12 digits). */
export const ACCOUNT_FIELD: JsonSchema = { type: 'string', format: 'utility-account' };
/** A contact phone, `+998` and 9 digits. */
export const PHONE_FIELD: JsonSchema = { type: 'string', format: 'uz-phone' };
/** A property's cadastre number, `AA:BB:CC:DD:EE:FFFF:GGGG:HHH`. */
export const CADASTRE_FIELD: JsonSchema = { type: 'string', format: 'cadastre-number' };
/** A meter's serial number as stamped on it. */
export const METER_SERIAL_FIELD: JsonSchema = { type: 'string', pattern: '^[A-Z0-9-]{4,20}$' };
/** A postal address, one line. */
export const ADDRESS_FIELD: JsonSchema = { type: 'string', minLength: 5, maxLength: 300 };

/** What {@link utilityForm} builds. */
export interface UtilityFormSpec {
  properties: Record<string, JsonSchema>;
  required: string[];
  /**
   * Ask who applies: `applicantType`, and a PINFL for an individual or a TIN for a legal entity.
   * Services for individuals only ask for the PINFL alone (`'pinfl'`).
   */
  identity?: 'either' | 'pinfl';
}

/**
 * A closed application form (JSON Schema 2020-12) with Darcha's formats; with `identity: 'either'`
 * an individual must give a PINFL and a legal entity its TIN.
 */
export function utilityForm(spec: UtilityFormSpec): JsonSchema {
  const identity: Record<string, JsonSchema> =
    spec.identity === 'either'
      ? {
          applicantType: { enum: ['individual', 'legal_entity'] },
          pinfl: { type: 'string', format: 'pinfl' },
          tin: { type: 'string', format: 'tin' },
        }
      : spec.identity === 'pinfl'
        ? { pinfl: { type: 'string', format: 'pinfl' } }
        : {};
  const required = [
    ...(spec.identity === 'either' ? ['applicantType'] : spec.identity === 'pinfl' ? ['pinfl'] : []),
    ...spec.required,
  ];
  return {
    type: 'object',
    additionalProperties: false,
    required,
    properties: { ...identity, ...spec.properties },
    ...(spec.identity === 'either'
      ? {
          if: { properties: { applicantType: { const: 'individual' } } },
          then: { required: ['pinfl'] },
          else: { required: ['tin'] },
        }
      : {}),
  };
}

/** Display hints: fields in the given order, the account with where to find it, the phone as a phone. */
export function utilityUi(order: readonly string[]): Record<string, FieldUiHint> {
  return Object.fromEntries(
    order.map((field, index): [string, FieldUiHint] => {
      const hint: FieldUiHint = { order: index + 1 };
      if (field === 'applicantType') hint.widget = 'radio';
      if (field === 'phone') {
        hint.widget = 'phone';
        hint.placeholder = { en: '+998901234567' };
      }
      if (field === 'account') {
        hint.help = {
          'uz-Latn': "Hisob raqami to'lov kvitansiyasida yozilgan",
          'uz-Cyrl': 'Ҳисоб рақами тўлов квитанциясида ёзилган',
          ru: 'Лицевой счёт указан в квитанции',
          en: 'The account number is printed on the bill',
        };
      }
      return [field, hint];
    }),
  );
}
