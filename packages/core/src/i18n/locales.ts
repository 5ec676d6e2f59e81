/** The locales every Darcha text comes in: Uzbek in Latin and Cyrillic script, Russian, English. */
export const LOCALES = ['uz-Latn', 'uz-Cyrl', 'ru', 'en'] as const;

export type Locale = (typeof LOCALES)[number];

/** A text in one or more locales, e.g. a tenant's or a service's name. */
export type LocalizedText = Partial<Record<Locale, string>>;

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}
