import type { Applicant, JsonSchema } from '@darcha/core';
import { samplePattern } from './pattern-sample.js';
import type { SeededRandom } from './seeded-random.js';

/** What a sampled form is filled from. */
export interface FormContext {
  applicant: Applicant;
  random: SeededRandom;
  /** The local filing date `YYYY-MM-DD`: dates in the form fall around it. */
  filingDate: string;
  /** The city's name in Latin letters, for addresses. */
  cityName: string;
}

/** Optional fields are filled this often. */
const OPTIONAL_SHARE = 0.35;
const STREETS = ['Amir Temur', 'Navoiy', 'Mustaqillik', 'Yoshlik', 'Bog‘ishamol', 'Gagarin', 'Toshkent'];
const PURPOSES = ['uy-joy oldi-sotdisi uchun', 'для банка', 'ijara shartnomasi uchun', 'для нотариуса'];

/**
 * Application data that a service's form (JSON Schema 2020-12 with Darcha's formats) accepts, for
 * the given applicant: identity fields (`applicantType`, `pinfl`, `tin`, `phone`) are the
 * applicant's own, other fields are made from their type, format, enum, pattern and bounds, with
 * plausible values for the common names (addresses, floor areas). The caller validates the result
 * with the registry: a form this cannot fill is left out of the history, not filed wrong.
 */
export function sampleForm(schema: JsonSchema, ctx: FormContext): Record<string, unknown> {
  const value = sampleValue(schema, ctx, '');
  return isRecord(value) ? value : {};
}

function sampleValue(schema: JsonSchema, ctx: FormContext, name: string): unknown {
  const { random } = ctx;
  if ('const' in schema) return schema['const'];
  const identity = identityValue(schema, ctx, name);
  if (identity !== undefined) return identity;
  if (Array.isArray(schema['enum'])) return random.pick(schema['enum'] as unknown[]);
  const branches = (schema['oneOf'] ?? schema['anyOf']) as JsonSchema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) return sampleValue(random.pick(branches), ctx, name);
  const type = Array.isArray(schema['type']) ? (schema['type'] as string[])[0] : schema['type'];
  if (type === 'object' || (type === undefined && isRecord(schema['properties']))) {
    return sampleObject(schema, ctx);
  }
  if (type === 'array') return sampleArray(schema, ctx, name);
  if (type === 'boolean') return random.chance(0.5);
  if (type === 'integer' || type === 'number') return sampleNumber(schema, ctx, name, type === 'integer');
  return sampleString(schema, ctx, name);
}

function sampleObject(schema: JsonSchema, ctx: FormContext): Record<string, unknown> {
  const properties: Record<string, JsonSchema> = { ...((schema['properties'] as object) ?? {}) };
  const required = new Set<string>((schema['required'] as string[] | undefined) ?? []);
  const conditionals: JsonSchema[] = schema['if'] ? [schema] : [];
  for (const part of (schema['allOf'] as JsonSchema[] | undefined) ?? []) {
    if (part['if']) conditionals.push(part);
    else mergeInto(part, properties, required);
  }
  const data: Record<string, unknown> = {};
  const fill = (name: string) => {
    const field = properties[name];
    if (field !== undefined && !(name in data)) data[name] = sampleValue(field, ctx, name);
  };
  // The applicant type first: conditions (`if applicantType is individual then pinfl`) read it.
  if (required.has('applicantType')) fill('applicantType');
  for (const name of required) fill(name);
  for (const name of Object.keys(properties)) {
    if (IDENTITY_FIELDS.has(name) || name in data) continue;
    if (ctx.random.chance(OPTIONAL_SHARE)) fill(name);
  }
  // Conditions last, each on the data so far: what a branch requires is added, what it forbids
  // (`quarter: false`) is removed, and a field it narrows (`quantity: { maximum: 8 }`) is drawn again.
  for (const conditional of conditionals) {
    const branch = (
      matches(conditional['if'] as JsonSchema, data) ? conditional['then'] : conditional['else']
    ) as JsonSchema | undefined;
    if (!branch) continue;
    for (const [name, rule] of Object.entries((branch['properties'] as Record<string, unknown>) ?? {})) {
      if (rule === false) {
        delete data[name];
      } else if (isRecord(rule) && properties[name]) {
        properties[name] = { ...properties[name], ...rule };
        if (name in data) data[name] = sampleValue(properties[name]!, ctx, name);
      }
    }
    for (const name of (branch['required'] as string[] | undefined) ?? []) fill(name);
  }
  return data;
}

function sampleArray(schema: JsonSchema, ctx: FormContext, name: string): unknown[] {
  const items = (schema['items'] as JsonSchema | undefined) ?? {};
  const min = Number(schema['minItems'] ?? 0);
  const options = Array.isArray(items['enum']) ? (items['enum'] as unknown[]) : undefined;
  const cap = Number(schema['maxItems'] ?? (options ? options.length : min + 2));
  const count = ctx.random.int(Math.max(min, 1), Math.max(min, Math.min(cap, min + 2)));
  if (options && schema['uniqueItems']) {
    const left = [...options];
    const chosen: unknown[] = [];
    while (chosen.length < Math.min(count, options.length)) {
      chosen.push(left.splice(ctx.random.int(0, left.length - 1), 1)[0]);
    }
    return chosen;
  }
  const list = Array.from({ length: count }, () => sampleValue(items, ctx, name));
  return withWholeShares(list, items, ctx);
}

/**
 * Items that each hold a share in percent (founders' shares of a company) are given shares that
 * add up to 100, as real applications do; a form cannot check the sum, the workflow's guard does.
 */
function withWholeShares(list: unknown[], items: JsonSchema, ctx: FormContext): unknown[] {
  const properties = (items['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  const field = Object.keys(properties).find((key) => /^(share|percent|percentage)$/i.test(key));
  if (!field || list.length === 0 || !list.every(isRecord)) return list;
  let left = 100;
  list.forEach((item, i) => {
    const share = i === list.length - 1 ? left : ctx.random.int(1, Math.max(1, left - (list.length - i - 1)));
    (item as Record<string, unknown>)[field] = share;
    left -= share;
  });
  return list;
}

function sampleNumber(schema: JsonSchema, ctx: FormContext, name: string, integer: boolean): number {
  let min = Number(schema['minimum'] ?? schema['exclusiveMinimum'] ?? 1);
  let max = Number(schema['maximum'] ?? schema['exclusiveMaximum'] ?? min + 1000);
  if (schema['exclusiveMinimum'] !== undefined) min += integer ? 1 : 0.5;
  if (schema['exclusiveMaximum'] !== undefined) max -= integer ? 1 : 0.5;
  const year = Number(ctx.filingDate.slice(0, 4));
  // Typical values by name; otherwise small counts near the minimum (pages, hours, copies).
  const hint: [number, number] =
    name === 'year' ? [year - 1, year] : (NUMBER_HINTS[name.toLowerCase()] ?? [min, min + 9]);
  const low = Math.max(min, hint[0]);
  const high = Math.max(low, Math.min(max, hint[1]));
  if (integer) return ctx.random.int(Math.ceil(low), Math.floor(high));
  return Math.round(ctx.random.between(low, high) * 10) / 10;
}

function sampleString(schema: JsonSchema, ctx: FormContext, name: string): string {
  const { random } = ctx;
  const format = schema['format'];
  if (typeof format === 'string') {
    const made = formatValue(format, ctx, name);
    if (made !== undefined) return made;
  }
  if (typeof schema['pattern'] === 'string') return samplePattern(schema['pattern'], random);
  const min = Number(schema['minLength'] ?? 0);
  const max = Number(schema['maxLength'] ?? 200);
  const lower = name.toLowerCase();
  let text: string;
  if (lower.includes('address')) {
    text = `${ctx.cityName}, ${random.pick(STREETS)} ko‘chasi, ${random.int(1, 120)}-uy`;
  } else if (lower.includes('purpose') || lower.includes('reason')) {
    text = random.pick(PURPOSES);
  } else if (lower.includes('name')) {
    text = ctx.applicant.type === 'individual' ? ctx.applicant.lastName : ctx.applicant.name;
  } else {
    text = `${random.pick(PURPOSES)} ${random.int(1, 99)}`;
  }
  while (text.length < min) text += ` ${text}`;
  return text
    .slice(0, Math.max(min, Math.min(max, text.length)))
    .trim()
    .padEnd(min, 'x');
}

function formatValue(format: string, ctx: FormContext, name: string): string | undefined {
  const { random } = ctx;
  switch (format) {
    case 'pinfl':
      return `${random.pick(['3', '4'])}${random.digits(13)}`;
    case 'tin':
      return `${random.pick(['2', '3'])}${random.digits(8)}`;
    case 'uz-phone':
      return `+99890${random.digits(7)}`;
    case 'cadastre-number':
      return [2, 2, 2, 2, 2, 4, 4, 3].map((n) => random.digits(n)).join(':');
    case 'utility-account':
      return random.digits(random.int(8, 10));
    case 'postal-code':
      return random.digits(6);
    case 'email':
      return `user${random.digits(5)}@mail.uz`;
    case 'date':
      return name.toLowerCase().includes('birth')
        ? `${random.int(1950, 2011)}-${pad(random.int(1, 12))}-${pad(random.int(1, 28))}`
        : shiftDate(ctx.filingDate, random.int(1, 10));
    case 'date-time':
      return `${shiftDate(ctx.filingDate, random.int(1, 10))}T10:00:00+05:00`;
    default:
      return undefined;
  }
}

const IDENTITY_FIELDS = new Set(['applicantType', 'pinfl', 'tin']);

/** Floor areas and hours as people give them: typical ranges by field name. */
const NUMBER_HINTS: Record<string, [number, number]> = {
  area: [25, 420],
  hours: [1, 6],
  rooms: [1, 5],
};

function identityValue(schema: JsonSchema, ctx: FormContext, name: string): unknown {
  const applicant = ctx.applicant;
  if (name === 'applicantType') {
    const allowed = schema['enum'] as unknown[] | undefined;
    return !allowed || allowed.includes(applicant.type) ? applicant.type : undefined;
  }
  if (name === 'pinfl' || schema['format'] === 'pinfl') {
    if (applicant.type === 'individual') return applicant.pinfl;
    return applicant.representative.pinfl;
  }
  if (name === 'tin' || schema['format'] === 'tin')
    return applicant.type === 'legal_entity' ? applicant.tin : undefined;
  if (schema['format'] === 'uz-phone' && applicant.phone) return applicant.phone;
  return undefined;
}

function mergeInto(part: JsonSchema, properties: Record<string, JsonSchema>, required: Set<string>): void {
  Object.assign(properties, (part['properties'] as object | undefined) ?? {});
  for (const name of (part['required'] as string[] | undefined) ?? []) required.add(name);
}

/** Whether data meets an `if` made of `properties` (`const`, `enum`), `required` and `not` (what forms use). */
function matches(condition: JsonSchema, data: Record<string, unknown>): boolean {
  if (isRecord(condition['not'])) return !matches(condition['not'], data);
  const required = (condition['required'] as string[] | undefined) ?? [];
  if (!required.every((name) => name in data)) return false;
  const properties = (condition['properties'] as Record<string, JsonSchema> | undefined) ?? {};
  return Object.entries(properties).every(([name, rule]) => {
    if (!(name in data)) return true;
    if ('const' in rule) return data[name] === rule['const'];
    if (Array.isArray(rule['enum'])) return (rule['enum'] as unknown[]).includes(data[name]);
    return true;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
