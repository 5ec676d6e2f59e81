import { LOCALES, type Locale, type LocalizedText, type Tenant } from '@darcha/core';
import { parameterInvalid } from './open311.errors.js';

/**
 * The language of names and descriptions: the `locale` parameter (an extension: `uz-Latn`,
 * `uz-Cyrl`, `ru`, `en`, in any letter case), else the tenant's default locale.
 */
export function localeOf(param: string | undefined, tenant: Tenant): Locale {
  if (param === undefined || param === '') return tenant.defaultLocale;
  const locale = LOCALES.find((l) => l.toLowerCase() === param.toLowerCase());
  if (!locale) throw parameterInvalid([{ field: 'locale', message: `must be one of ${LOCALES.join(', ')}` }]);
  return locale;
}

/** Where a text is looked up: the chosen locale, then the tenant's, then English, Russian, Uzbek. */
export function localeChain(locale: Locale, tenantLocale: Locale): Locale[] {
  return [...new Set<Locale>([locale, tenantLocale, 'en', 'ru', 'uz-Latn', 'uz-Cyrl'])];
}

/** The text in the first locale of the chain that has it, else the empty string. */
export function localized(text: LocalizedText | undefined, chain: readonly Locale[]): string {
  for (const locale of chain) {
    const value = text?.[locale];
    if (value) return value;
  }
  return '';
}
