import type { FieldUiHint, JsonSchema, Locale, ServiceDefinition } from '@darcha/core';
import { localized } from './open311-locale.js';
import { isStandardField } from './open311-standard-fields.js';

/** GeoReport v2's attribute datatypes. */
export type Open311Datatype =
  'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** A value a form may hold in an enum. */
export type FormScalar = string | number | boolean | null;

/** How a submitted text becomes the form's value. */
export type ValueKind = 'string' | 'number' | 'integer' | 'boolean';

/** One choice of a list attribute: `key` is what the client sends, `value` what the form stores. */
export interface Open311Choice {
  key: string;
  name: string;
  value: FormScalar;
}

/** A field a client fills as `attribute[code]` (or `attribute[code][]` for a multivaluelist). */
export interface Open311Field {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  /** What to enter, in the requested language when the service says it. */
  description: string;
  /** The constraints a value must meet, in plain words (English: they are technical). */
  datatypeDescription: string;
  choices: Open311Choice[];
  valueKind: ValueKind;
  /** Where the value goes: the form data, or only the applicant (PINFL, TIN, organisation name). */
  target: 'form' | 'applicant';
}

/** Strings longer than this (or with the `textarea` widget) are `text`. */
const TEXT_MIN_LENGTH = 256;

const FORMAT_DESCRIPTIONS: Readonly<Record<string, string>> = {
  pinfl: '14 digits (PINFL)',
  tin: '9 digits (TIN)',
  'cadastre-number': 'cadastre number AA:BB:CC:DD:EE:FFFF:GGGG:HHH',
  'uz-phone': 'phone number +998 and 9 digits',
  'utility-account': 'utility account number, 6 to 12 digits',
  'postal-code': '6 digits (postal code)',
  date: 'date YYYY-MM-DD',
  'date-time': 'ISO 8601 date and time with offset, e.g. 2026-03-02T09:00:00+05:00',
  time: 'time HH:MM:SS with offset',
  email: 'e-mail address',
  uri: 'absolute URL',
};

const YES_NO: Readonly<Record<Locale, [string, string]>> = {
  'uz-Latn': ['Ha', "Yo'q"],
  'uz-Cyrl': ['Ҳа', 'Йўқ'],
  ru: ['Да', 'Нет'],
  en: ['Yes', 'No'],
};

/**
 * The attributes of a service, generated from its form's JSON Schema and `ui` hints: one per
 * top-level property, ordered by `ui.order` and then as the form lists them. Properties named like
 * a standard Open311 parameter (`lat`, `description`, `phone` ...) are filled from that parameter
 * and are not attributes. A property Open311 cannot express (an object, a list of free values) is
 * left out.
 *
 * - `enum`, or `oneOf`/`anyOf` of `const` (with `title` as the name): `singlevaluelist`;
 * - `boolean`: `singlevaluelist` of `true` and `false`;
 * - `array` whose items are such a list: `multivaluelist`;
 * - `number`, `integer`: `number`;
 * - `string` with format `date-time` or `date`: `datetime`;
 * - `string` with the `textarea` widget or a `maxLength` of 256 or more: `text`; else `string`.
 */
export function formFields(definition: ServiceDefinition, chain: readonly Locale[]): Open311Field[] {
  const properties = asSchema(definition.form['properties']) ?? {};
  const required = new Set(stringList(definition.form['required']));
  const ui = definition.ui ?? {};
  const codes = Object.keys(properties).filter((code) => !isStandardField(code));
  const ordered = codes
    .map((code, index) => ({ code, index, order: ui[code]?.order }))
    .sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity) || a.index - b.index);
  const fields: Open311Field[] = [];
  for (const { code } of ordered) {
    const schema = asSchema(properties[code]);
    if (!schema) continue;
    const field = fieldOf(code, schema, ui[code], required.has(code), chain);
    if (field) fields.push(field);
  }
  return fields;
}

function fieldOf(
  code: string,
  schema: JsonSchema,
  hint: FieldUiHint | undefined,
  required: boolean,
  chain: readonly Locale[],
): Open311Field | undefined {
  const base = {
    code,
    required,
    description: describeField(code, schema, hint, chain),
    target: 'form' as const,
  };
  const type = primaryType(schema);
  if (type === 'array') {
    const items = asSchema(schema['items']);
    const choices = items ? choicesOf(items, chain) : undefined;
    if (!items || !choices) return undefined;
    const limits = [countLimits(schema), 'one or more of the values'].filter(Boolean).join('; ');
    return {
      ...base,
      datatype: 'multivaluelist',
      choices,
      valueKind: kindOf(items),
      datatypeDescription: limits,
    };
  }
  const choices = choicesOf(schema, chain);
  if (choices) {
    return {
      ...base,
      datatype: 'singlevaluelist',
      choices,
      valueKind: kindOf(schema),
      datatypeDescription: '',
    };
  }
  if (type === 'number' || type === 'integer') {
    const words = [type === 'integer' ? 'whole number' : 'number', rangeOf(schema)]
      .filter(Boolean)
      .join(', ');
    return { ...base, datatype: 'number', choices: [], valueKind: type, datatypeDescription: words };
  }
  if (type !== 'string' && type !== undefined) return undefined;
  if (type === undefined && schema['format'] === undefined) return undefined;
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  const datatype: Open311Datatype =
    format === 'date-time' || format === 'date'
      ? 'datetime'
      : hint?.widget === 'textarea' || (bound(schema['maxLength']) ?? 0) >= TEXT_MIN_LENGTH
        ? 'text'
        : 'string';
  return {
    ...base,
    datatype,
    choices: [],
    valueKind: 'string',
    datatypeDescription: stringConstraints(schema, hint, chain),
  };
}

/** The choices of an enum, of `oneOf`/`anyOf` consts, or of a boolean; undefined for anything else. */
function choicesOf(schema: JsonSchema, chain: readonly Locale[]): Open311Choice[] | undefined {
  const values = schema['enum'];
  if (Array.isArray(values) && values.length > 0 && values.every(isScalar)) {
    return values.map((value) => ({ key: String(value), name: String(value), value }));
  }
  for (const keyword of ['oneOf', 'anyOf']) {
    const options = schema[keyword];
    if (!Array.isArray(options) || options.length === 0) continue;
    const choices: Open311Choice[] = [];
    for (const option of options) {
      const constant = asSchema(option);
      if (!constant || !('const' in constant) || !isScalar(constant['const'])) return undefined;
      const value = constant['const'];
      const title = typeof constant['title'] === 'string' ? constant['title'] : String(value);
      choices.push({ key: String(value), name: title, value });
    }
    return choices;
  }
  if (primaryType(schema) === 'boolean') {
    const [yes, no] = YES_NO[chain[0] ?? 'en'];
    return [
      { key: 'true', name: yes, value: true },
      { key: 'false', name: no, value: false },
    ];
  }
  return undefined;
}

/** What to enter: the title, then the `ui` help (or the schema's description); else the code. */
function describeField(
  code: string,
  schema: JsonSchema,
  hint: FieldUiHint | undefined,
  chain: readonly Locale[],
): string {
  const title = typeof schema['title'] === 'string' ? schema['title'] : '';
  const help =
    localized(hint?.help, chain) || (typeof schema['description'] === 'string' ? schema['description'] : '');
  if (title && help) return `${title}: ${help}`;
  return title || help || code;
}

function stringConstraints(
  schema: JsonSchema,
  hint: FieldUiHint | undefined,
  chain: readonly Locale[],
): string {
  const parts: string[] = [];
  const format = typeof schema['format'] === 'string' ? schema['format'] : undefined;
  if (format) parts.push(FORMAT_DESCRIPTIONS[format] ?? `format ${format}`);
  if (typeof schema['pattern'] === 'string') parts.push(`matches ${schema['pattern']}`);
  parts.push(between(bound(schema['minLength']), bound(schema['maxLength']), 'characters'));
  const example = localized(hint?.placeholder, chain);
  if (example) parts.push(`e.g. ${example}`);
  return parts.filter(Boolean).join('; ');
}

function rangeOf(schema: JsonSchema): string {
  const min = bound(schema['minimum']);
  const max = bound(schema['maximum']);
  if (min !== undefined && max !== undefined) return `from ${min} to ${max}`;
  if (min !== undefined) return `at least ${min}`;
  if (max !== undefined) return `at most ${max}`;
  return '';
}

function countLimits(schema: JsonSchema): string {
  return between(bound(schema['minItems']), bound(schema['maxItems']), 'values');
}

/** `2 to 5 values`, `at most 5 values`, `at least 2 values`, or nothing; a minimum of 0 says nothing. */
function between(min: number | undefined, max: number | undefined, unit: string): string {
  const least = min !== undefined && min > 0 ? min : undefined;
  const units = (n: number) => (n === 1 ? unit.replace(/s$/, '') : unit);
  if (least !== undefined && max !== undefined) return `${least} to ${max} ${units(max)}`;
  if (max !== undefined) return `at most ${max} ${units(max)}`;
  if (least !== undefined) return `at least ${least} ${units(least)}`;
  return '';
}

/** How a submitted text is stored: by the schema's type. */
export function kindOf(schema: JsonSchema): ValueKind {
  const type = primaryType(schema);
  if (type === 'number' || type === 'integer' || type === 'boolean') return type;
  return 'string';
}

/** The schema's type, or the first non-null one of a type list. */
function primaryType(schema: JsonSchema): string | undefined {
  const type = schema['type'];
  if (typeof type === 'string') return type;
  if (Array.isArray(type)) return type.find((t): t is string => typeof t === 'string' && t !== 'null');
  return undefined;
}

export function asSchema(value: unknown): JsonSchema | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as JsonSchema)
    : undefined;
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function bound(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/**
 * The form value of a submitted text: a list key becomes its choice's value, a number or boolean is
 * converted when it reads as one; anything else stays text, for the form's validation to report.
 */
export function formValue(kind: ValueKind, choices: readonly Open311Choice[], text: string): FormScalar {
  const choice = choices.find((c) => c.key === text);
  if (choice) return choice.value;
  if ((kind === 'number' || kind === 'integer') && NUMBER.test(text)) return Number(text);
  if (kind === 'boolean' && (text === 'true' || text === 'false')) return text === 'true';
  return text;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][-+]?\d+)?$/;

function isScalar(value: unknown): value is FormScalar {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
}
