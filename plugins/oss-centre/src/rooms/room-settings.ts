import { LOCALES, type JsonSchema, type Locale } from '@darcha/core';

/** A room code: a lowercase slug (`training-room`, `hall-2`), as settings, forms and URLs write it. */
export const ROOM_CODE_PATTERN = '^[a-z][a-z0-9-]{0,39}$';

/** The most people any room may be declared for, and so the most a form may ask for. */
export const MAX_CAPACITY = 500;

/** One bookable room of a city's One-Stop-Shop (a type, so that it is a tenant setting value). */
export type Room = {
  code: string;
  names: Record<Locale, string>;
  /** How many participants the room seats. */
  capacity: number;
};

/** The plugin's settings per tenant (`tenantSettingsSchema`). */
export interface OssCentreSettings {
  /** The rooms the centre rents out; {@link DEFAULT_ROOMS} when the city sets none. */
  rooms?: Room[];
}

/**
 * The room a city has unless it says otherwise: one training room for 20 people. *Assumed*: the 2014
 * workshop says Djizak and Namangan rent out "its training room" and gives no size.
 */
export const DEFAULT_ROOMS: readonly Room[] = Object.freeze([
  {
    code: 'training-room',
    names: {
      'uz-Latn': 'O‘quv xonasi',
      'uz-Cyrl': 'Ўқув хонаси',
      ru: 'Учебный зал',
      en: 'Training room',
    },
    capacity: 20, // *assumed*
  },
]);

/** The JSON Schema of {@link OssCentreSettings}; the admin UI renders its form. */
export const OSS_CENTRE_SETTINGS_SCHEMA: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rooms: {
      type: 'array',
      minItems: 1,
      maxItems: 20,
      default: DEFAULT_ROOMS,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['code', 'names', 'capacity'],
        properties: {
          code: { type: 'string', pattern: ROOM_CODE_PATTERN },
          names: {
            type: 'object',
            additionalProperties: false,
            required: [...LOCALES],
            properties: Object.fromEntries(
              LOCALES.map((locale) => [locale, { type: 'string', minLength: 1, maxLength: 100 }]),
            ),
          },
          capacity: { type: 'integer', minimum: 1, maximum: MAX_CAPACITY },
        },
      },
    },
  },
};

/** The tenant's rooms: its settings' list, or the default room. */
export function roomsOf(settings: OssCentreSettings | undefined): readonly Room[] {
  return settings?.rooms ?? DEFAULT_ROOMS;
}
