import type { DarchaFormat } from './identifier-formats.js';

/** The `params` of an ajv error: `{ limit: 3 }` for `minLength`, `{ missingProperty: 'pinfl' }` for `required`. */
export type ErrorParams = Readonly<Record<string, unknown>>;

/** Words one kind of error, as a predicate about the field it points at: "must be ...", "is required". */
export type MessageFn = (params: ErrorParams) => string;

/** The ajv keywords Darcha words itself in en, uz-Latn and uz-Cyrl; any other keyword gets the fallback. */
export const WORDED_KEYWORDS = [
  'required',
  'type',
  'format',
  'pattern',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'enum',
  'const',
  'minItems',
  'maxItems',
  'additionalProperties',
  'multipleOf',
] as const;

export type WordedKeyword = (typeof WORDED_KEYWORDS)[number];

export function isWordedKeyword(keyword: string): keyword is WordedKeyword {
  return (WORDED_KEYWORDS as readonly string[]).includes(keyword);
}

/** Messages for Darcha's own formats; every locale has them, Russian too (ajv-i18n knows nothing of them). */
export type FormatMessages = Readonly<Record<DarchaFormat, string>>;

/** A locale's messages for every worded keyword, a fallback for the rest, and Darcha's formats. */
export interface MessageCatalog {
  keywords: Readonly<Record<WordedKeyword, MessageFn>>;
  fallback: MessageFn;
  formats: FormatMessages;
}

/** The JSON types a `type` error names: one, or several for a union such as `['string', 'null']`. */
export function typesOf(params: ErrorParams): string[] {
  const type = params['type'];
  if (Array.isArray(type)) return type.map(String);
  return typeof type === 'string' ? type.split(',') : [];
}

/** A value as a form shows it: JSON, so strings are quoted and `null` is visible. */
export function shown(value: unknown): string {
  return JSON.stringify(value) ?? String(value);
}

/** The allowed values of an `enum` error, comma-separated. */
export function shownList(values: unknown): string {
  return Array.isArray(values) ? values.map(shown).join(', ') : shown(values);
}

/** A numeric parameter (`limit`, `multipleOf`) as text. */
export function numberParam(params: ErrorParams, name: string): string {
  return String(params[name]);
}
