import { numberParam, shown, shownList, typesOf, type MessageCatalog } from './message-catalog.js';

const TYPE_NAMES: Readonly<Record<string, string>> = {
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: 'true or false',
  object: 'a group of fields',
  array: 'a list',
  null: 'empty',
};

const FORMAT_NAMES: Readonly<Record<string, string>> = {
  date: 'a date (YYYY-MM-DD)',
  time: 'a time (HH:MM:SS)',
  'date-time': 'a date and time (YYYY-MM-DDTHH:MM:SSZ)',
  email: 'an email address',
  uri: 'a web address (URI)',
  uuid: 'a UUID',
};

/** "1 character", "5 characters". */
function count(n: string, noun: string): string {
  return `${n} ${noun}${n === '1' ? '' : 's'}`;
}

/** English messages. */
export const en: MessageCatalog = {
  keywords: {
    required: () => 'is required',
    type: (p) =>
      `must be ${typesOf(p)
        .map((t) => TYPE_NAMES[t] ?? t)
        .join(' or ')}`,
    format: (p) => {
      const name = FORMAT_NAMES[String(p['format'])];
      return name ? `must be ${name}` : `must be in the format "${String(p['format'])}"`;
    },
    pattern: () => 'is not in the expected format',
    minLength: (p) => `must be at least ${count(numberParam(p, 'limit'), 'character')} long`,
    maxLength: (p) => `must be at most ${count(numberParam(p, 'limit'), 'character')} long`,
    minimum: (p) => `must be at least ${numberParam(p, 'limit')}`,
    maximum: (p) => `must be at most ${numberParam(p, 'limit')}`,
    exclusiveMinimum: (p) => `must be greater than ${numberParam(p, 'limit')}`,
    exclusiveMaximum: (p) => `must be less than ${numberParam(p, 'limit')}`,
    enum: (p) => `must be one of: ${shownList(p['allowedValues'])}`,
    const: (p) => `must be exactly ${shown(p['allowedValue'])}`,
    minItems: (p) => `must have at least ${count(numberParam(p, 'limit'), 'item')}`,
    maxItems: (p) => `must have at most ${count(numberParam(p, 'limit'), 'item')}`,
    additionalProperties: () => 'is not a field of this application; remove it',
    multipleOf: (p) => `must be a multiple of ${numberParam(p, 'multipleOf')}`,
  },
  fallback: () => 'is not filled in correctly',
  formats: {
    pinfl: 'must be a 14-digit personal number (PINFL)',
    tin: 'must be a 9-digit taxpayer number (TIN)',
    'cadastre-number': 'must be a cadastre number like 10:01:02:03:04:0005:0006:007',
    'uz-phone': 'must be a phone number: +998 and 9 digits, without spaces',
    'utility-account': 'must be an account number of 6 to 12 digits',
    'postal-code': 'must be a 6-digit postal code',
  },
};
