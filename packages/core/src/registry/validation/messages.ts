import type { ErrorObject } from 'ajv';
import type { Locale } from '../../i18n/locales.js';
import { isDarchaFormat } from './identifier-formats.js';
import { isWordedKeyword, type FormatMessages, type MessageCatalog } from './message-catalog.js';
import { en } from './messages.en.js';
import { ajvI18nRu, ruFormats } from './messages.ru.js';
import { uzCyrl } from './messages.uz-cyrl.js';
import { uzLatn } from './messages.uz-latn.js';

/** Locales whose messages Darcha writes itself; Russian comes from ajv-i18n. */
const CATALOGS: Readonly<Record<Exclude<Locale, 'ru'>, MessageCatalog>> = {
  en,
  'uz-Latn': uzLatn,
  'uz-Cyrl': uzCyrl,
};

const FORMAT_MESSAGES: Readonly<Record<Locale, FormatMessages>> = {
  en: en.formats,
  'uz-Latn': uzLatn.formats,
  'uz-Cyrl': uzCyrl.formats,
  ru: ruFormats,
};

/**
 * The message of one ajv error in `locale`, worded as a predicate about the field the error points at
 * ("is required", "must be a 14-digit personal number (PINFL)"). Darcha's formats have their own
 * message in every locale; other Russian messages come from ajv-i18n; en, uz-Latn and uz-Cyrl come
 * from Darcha's catalogs, with a fallback for keywords they do not word.
 *
 * @example
 * localizeError({ keyword: 'format', params: { format: 'pinfl' }, ... }, 'uz-Cyrl'); // '14 хонали ЖШШИР бўлиши керак'
 */
export function localizeError(error: ErrorObject, locale: Locale): string {
  const format: unknown = error.params['format'];
  if (error.keyword === 'format' && isDarchaFormat(format)) return FORMAT_MESSAGES[locale][format];
  if (locale === 'ru') return ajvI18nRu(error);
  const catalog = CATALOGS[locale];
  const word = isWordedKeyword(error.keyword) ? catalog.keywords[error.keyword] : catalog.fallback;
  return word(error.params);
}
