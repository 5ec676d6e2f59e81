import type { FieldUiHint, JsonSchema, LocalizedText } from '@darcha/core';

/** A person's PINFL (14 digits, Darcha's `pinfl` format). */
export const PINFL_FIELD: JsonSchema = { type: 'string', format: 'pinfl' };
/** A legal entity's or entrepreneur's TIN (9 digits, Darcha's `tin` format). */
export const TIN_FIELD: JsonSchema = { type: 'string', format: 'tin' };
/** A contact phone, `+998` and 9 digits. */
export const PHONE_FIELD: JsonSchema = { type: 'string', format: 'uz-phone' };
/** A property's cadastre number, `AA:BB:CC:DD:EE:FFFF:GGGG:HHH`. */
export const CADASTRE_FIELD: JsonSchema = { type: 'string', format: 'cadastre-number' };
/** A postal address, one line. */
export const ADDRESS_FIELD: JsonSchema = { type: 'string', minLength: 5, maxLength: 300 };

/** What {@link serviceForm} builds. */
export interface ServiceFormSpec {
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
 *
 * @example
 * serviceForm({ identity: 'either', properties: { phone: PHONE_FIELD }, required: ['phone'] });
 */
export function serviceForm(spec: ServiceFormSpec): JsonSchema {
  const identity: Record<string, JsonSchema> =
    spec.identity === 'either'
      ? { applicantType: { enum: ['individual', 'legal_entity'] }, pinfl: PINFL_FIELD, tin: TIN_FIELD }
      : spec.identity === 'pinfl'
        ? { pinfl: PINFL_FIELD }
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

/**
 * Display hints: fields in the given order, the applicant type as radio buttons, the phone as a
 * phone; `help` adds a help text to the fields it names.
 */
export function formUi(
  order: readonly string[],
  help: Record<string, LocalizedText> = {},
): Record<string, FieldUiHint> {
  return Object.fromEntries(
    order.map((field, index): [string, FieldUiHint] => {
      const hint: FieldUiHint = { order: index + 1 };
      if (field === 'applicantType') hint.widget = 'radio';
      if (field === 'phone') {
        hint.widget = 'phone';
        hint.placeholder = { en: '+998901234567' };
      }
      const text = help[field];
      if (text) hint.help = text;
      return [field, hint];
    }),
  );
}
