import type { ErrorObject } from 'ajv';
import { expect } from 'chai';
import { LOCALES, type Locale } from '../../../src/i18n/locales.js';
import { searchKey } from '../../../src/i18n/search-key.js';
import { DARCHA_FORMATS, type DarchaFormat } from '../../../src/registry/validation/identifier-formats.js';
import { WORDED_KEYWORDS, type WordedKeyword } from '../../../src/registry/validation/message-catalog.js';
import { localizeError } from '../../../src/registry/validation/messages.js';

/** Typical ajv params of each worded keyword. */
const PARAMS: Record<WordedKeyword, Record<string, unknown>> = {
  required: { missingProperty: 'pinfl' },
  type: { type: ['string', 'null'] },
  format: { format: 'date' },
  pattern: { pattern: '^[A-Z]{2}$' },
  minLength: { limit: 2 },
  maxLength: { limit: 100 },
  minimum: { comparison: '>=', limit: 1 },
  maximum: { comparison: '<=', limit: 10 },
  exclusiveMinimum: { comparison: '>', limit: 0 },
  exclusiveMaximum: { comparison: '<', limit: 100 },
  enum: { allowedValues: ['individual', 'legal_entity'] },
  const: { allowedValue: 'legal_entity' },
  minItems: { limit: 1 },
  maxItems: { limit: 5 },
  additionalProperties: { additionalProperty: 'nickname' },
  multipleOf: { multipleOf: 1000 },
};

function ajvError(keyword: string, params: Record<string, unknown>): ErrorObject {
  return { keyword, params, instancePath: '/x', schemaPath: '#/properties/x', message: 'ajv default' };
}

const formatError = (format: DarchaFormat) => ajvError('format', { format });
const FORMATS = Object.keys(DARCHA_FORMATS) as DarchaFormat[];
const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

describe('localized error messages', () => {
  for (const locale of LOCALES) {
    it(`${locale}: words every keyword and every Darcha format in its script`, () => {
      const messages = [
        ...WORDED_KEYWORDS.map((k) => localizeError(ajvError(k, PARAMS[k]), locale)),
        ...FORMATS.map((f) => localizeError(formatError(f), locale)),
      ];
      for (const message of messages) {
        expect(message).to.not.equal('ajv default');
        expect(message.length, message).to.be.greaterThan(3);
        if (locale === 'ru' || locale === 'uz-Cyrl') expect(message).to.match(CYRILLIC);
        else expect(message).to.match(LATIN).and.not.match(CYRILLIC);
      }
      // Each format has a message of its own.
      expect(new Set(messages.slice(WORDED_KEYWORDS.length)).size).to.equal(FORMATS.length);
    });
  }

  it('words Darcha formats in all four locales', () => {
    const pinfl = (locale: Locale) => localizeError(formatError('pinfl'), locale);
    expect(pinfl('en')).to.equal('must be a 14-digit personal number (PINFL)');
    expect(pinfl('ru')).to.equal('должно быть 14-значным ПИНФЛ');
    expect(pinfl('uz-Latn')).to.equal("14 xonali JSHSHIR bo'lishi kerak");
    expect(pinfl('uz-Cyrl')).to.equal('14 хонали ЖШШИР бўлиши керак');
  });

  it('takes Russian for standard keywords from ajv-i18n, without touching the error', () => {
    const error = ajvError('minLength', { limit: 2 });
    expect(localizeError(error, 'ru')).to.equal('должно быть не короче, чем 2 символа');
    expect(localizeError(ajvError('format', { format: 'email' }), 'ru')).to.equal(
      'должно соответствовать формату "email"',
    );
    expect(error.message).to.equal('ajv default');
  });

  it('words standard formats and parameters in English', () => {
    const en = (keyword: WordedKeyword, params = PARAMS[keyword]) =>
      localizeError(ajvError(keyword, params), 'en');
    expect(en('required')).to.equal('is required');
    expect(en('type')).to.equal('must be text or empty');
    expect(en('format')).to.equal('must be a date (YYYY-MM-DD)');
    expect(en('format', { format: 'ipv4' })).to.equal('must be in the format "ipv4"');
    expect(en('minLength', { limit: 1 })).to.equal('must be at least 1 character long');
    expect(en('maxLength')).to.equal('must be at most 100 characters long');
    expect(en('enum')).to.equal('must be one of: "individual", "legal_entity"');
    expect(localizeError(ajvError('uniqueItems', { i: 0, j: 1 }), 'en')).to.equal(
      'is not filled in correctly',
    );
  });

  it('writes uz-Cyrl letter for letter as uz-Latn', () => {
    const pairs = [
      ...WORDED_KEYWORDS.map((k) => ajvError(k, PARAMS[k])),
      ajvError('format', { format: 'ipv4' }),
      ajvError('uniqueItems', {}),
      ...FORMATS.map(formatError),
    ].map((error) => [localizeError(error, 'uz-Latn'), localizeError(error, 'uz-Cyrl')] as const);
    for (const [latin, cyrillic] of pairs) expect(searchKey(cyrillic), cyrillic).to.equal(searchKey(latin));
  });

  it('writes uz-Latn oʻ, gʻ and the tutuq belgisi with the plain apostrophe only', () => {
    const messages = [
      ...WORDED_KEYWORDS.map((k) => localizeError(ajvError(k, PARAMS[k]), 'uz-Latn')),
      ...FORMATS.map((f) => localizeError(formatError(f), 'uz-Latn')),
    ];
    expect(messages.join(' '))
      .to.include("'")
      .and.not.match(/[ʻʼ‘’`´]/);
  });
});
