import type { HelperOptions } from 'handlebars';
import type { Locale } from '../i18n/locales.js';

/**
 * The helpers every document template may call. Each reads the document's locale and the tenant's
 * time zone from the render's private data (`@locale`, `@timeZone`), so a template needs no setup.
 * Their results are plain strings: Handlebars escapes them like any other value.
 */

/** What a render passes to helpers as private data. */
export interface RenderData {
  locale: Locale;
  timeZone: string;
  /** Translations of the template's owner for `t`, in the document's locale (English fallback applied). */
  translate: (key: string) => string | undefined;
}

/** No-break space: between digit groups and before the currency, so an amount never wraps. */
export const NBSP = '\u00a0';

const CURRENCY: Record<Locale, string> = {
  'uz-Latn': "so'm",
  'uz-Cyrl': 'сўм',
  ru: 'сум',
  en: 'UZS',
};

// Documents write dates day first everywhere; English uses the British form ("3 March 2026").
const INTL_LOCALE: Record<Locale, string> = {
  'uz-Latn': 'uz-Latn',
  'uz-Cyrl': 'uz-Cyrl',
  ru: 'ru',
  en: 'en-GB',
};

/** `1234567` -> `1 234 567` with no-break spaces; a negative amount gets a leading `-`. */
export function groupDigits(amount: number): string {
  const digits = String(Math.abs(amount));
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 3) groups.unshift(digits.slice(Math.max(0, end - 3), end));
  return (amount < 0 ? '-' : '') + groups.join(NBSP);
}

/** Integer soums as printed: `1 234 567 so'm` (uz-Latn), `сўм` (uz-Cyrl), `сум` (ru), `UZS` (en). */
export function formatMoney(amount: unknown, locale: Locale): string {
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount)) {
    throw new TypeError(`money expects an integer number of soums, got ${describe(amount)}`);
  }
  return `${groupDigits(amount)}${NBSP}${CURRENCY[locale]}`;
}

/** A date (`3-mart, 2026`, `3 марта 2026 г.`, `3 March 2026`) in the tenant's time zone. */
export function formatDate(value: unknown, locale: Locale, timeZone: string, withTime = false): string {
  const date = toDate(value);
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : {}),
  }).format(date);
}

/**
 * The form of a word for a count, by the locale's plural rules (Intl.PluralRules): `one`, `few`,
 * `many`, `other` (Russian uses all four; Uzbek and English one and other). `#` in the form is
 * replaced by the count: `{{plural n one="# kun" other="# kun"}}`.
 */
export function pluralForm(count: unknown, forms: Record<string, unknown>, locale: Locale): string {
  if (typeof count !== 'number' || !Number.isFinite(count)) {
    throw new TypeError(`plural expects a number, got ${describe(count)}`);
  }
  const category = new Intl.PluralRules(INTL_LOCALE[locale]).select(count);
  const form = forms[category] ?? forms['other'];
  if (typeof form !== 'string') {
    throw new TypeError(`plural has no form for "${category}" nor "other"`);
  }
  return form.replaceAll('#', String(count));
}

/** `Aziz Karimov` -> `A. K.`: the first letter of each word, capitalised. */
export function initialsOf(name: unknown): string {
  if (typeof name !== 'string') return '';
  return name
    .split(/[\s-]+/u)
    .map((word) => [...word.replace(/^[^\p{L}]+/u, '')][0])
    .filter((letter): letter is string => letter !== undefined)
    .map((letter) => `${letter.toLocaleUpperCase()}.`)
    .join(' ');
}

/** The helpers, as Handlebars calls them (the last argument is Handlebars' options). */
export function documentHelpers(): Record<string, (...args: unknown[]) => string> {
  return {
    money: (amount, options) => formatMoney(amount, dataOf(options).locale),
    date: (value, options) => {
      const data = dataOf(options);
      return formatDate(value, data.locale, data.timeZone);
    },
    datetime: (value, options) => {
      const data = dataOf(options);
      return formatDate(value, data.locale, data.timeZone, true);
    },
    plural: (count, options) => pluralForm(count, (options as HelperOptions).hash, dataOf(options).locale),
    t: (key, options) => {
      if (typeof key !== 'string') throw new TypeError(`t expects a message key, got ${describe(key)}`);
      return dataOf(options).translate(key) ?? key;
    },
    initials: (name) => initialsOf(name),
  };
}

/** The names of the core helpers, for `knownHelpers`. */
export const DOCUMENT_HELPER_NAMES = ['money', 'date', 'datetime', 'plural', 't', 'initials'] as const;

function dataOf(options: unknown): RenderData {
  const data = (options as HelperOptions | undefined)?.data as { root?: unknown } & Partial<RenderData>;
  if (!data?.locale || !data.timeZone || !data.translate) {
    throw new TypeError('a document helper was called outside a document render');
  }
  return data as RenderData;
}

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : undefined;
  if (!date || Number.isNaN(date.getTime())) {
    throw new TypeError(`date expects a date or an ISO 8601 string, got ${describe(value)}`);
  }
  return date;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}
