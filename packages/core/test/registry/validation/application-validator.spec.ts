import { expect } from 'chai';
import { isDarchaError, type DarchaError } from '../../../src/errors/darcha-error.js';
import { LOCALES, type Locale } from '../../../src/i18n/locales.js';
import type { ApplicationFieldError, JsonSchema } from '../../../src/registry/types.js';
import {
  ApplicationValidator,
  type ServiceForm,
} from '../../../src/registry/validation/application-validator.js';

/** A connection request: who applies, where, and (for a company) its TIN. */
const form: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  additionalProperties: false,
  required: ['applicantType', 'applicant', 'address'],
  properties: {
    applicantType: { enum: ['individual', 'legal_entity'] },
    applicant: {
      type: 'object',
      additionalProperties: false,
      required: ['pinfl', 'phone'],
      properties: {
        pinfl: { type: 'string', format: 'pinfl' },
        phone: { type: 'string', format: 'uz-phone' },
        tin: { type: 'string', format: 'tin' },
      },
    },
    address: {
      type: 'object',
      required: ['postalCode', 'cadastre'],
      properties: {
        postalCode: { type: 'string', format: 'postal-code' },
        cadastre: { type: 'string', format: 'cadastre-number' },
      },
    },
    account: { type: 'string', format: 'utility-account', title: 'Gas account' },
  },
  if: { properties: { applicantType: { const: 'legal_entity' } }, required: ['applicantType'] },
  then: { properties: { applicant: { required: ['tin'] } } },
};

const service: ServiceForm = { code: 'gas.connection', version: 1, form };

const valid = {
  applicantType: 'legal_entity',
  applicant: { pinfl: '31234567890123', phone: '+998901234567', tin: '301234567' },
  address: { postalCode: '111700', cadastre: '10:01:02:03:04:0005:0006:007' },
  account: '0012345678',
};

const invalid = {
  applicantType: 'company',
  applicant: { pinfl: '3123456789012', phone: '+998 90 123 45 67', nickname: 'Ali' },
  extra: true,
};

const CYRILLIC = /\p{Script=Cyrillic}/u;
const LATIN = /\p{Script=Latin}/u;

/** The errors as `[field, keyword]` pairs. */
const where = (errors: ApplicationFieldError[]) => errors.map((e) => [e.field, e.keyword]);

/** The DarchaError `run` throws. */
function thrownBy(run: () => unknown): DarchaError {
  try {
    run();
  } catch (error) {
    if (isDarchaError(error)) return error;
    throw error;
  }
  throw new Error('expected a DarchaError');
}

describe('ApplicationValidator', () => {
  let validator: ApplicationValidator;
  beforeEach(() => {
    validator = new ApplicationValidator();
  });

  describe('validate', () => {
    for (const locale of LOCALES) {
      it(`${locale}: accepts valid data`, () => {
        expect(validator.validate(service, valid, locale)).to.deep.equal({ valid: true, errors: [] });
        const individual = {
          ...valid,
          applicantType: 'individual',
          applicant: { pinfl: '31234567890123', phone: '+998901234567' },
        };
        expect(validator.validate(service, individual, locale).valid).to.equal(true);
      });

      it(`${locale}: lists every invalid field with a message in its script`, () => {
        const result = validator.validate(service, invalid, locale);
        expect(result.valid).to.equal(false);
        expect(where(result.errors)).to.have.deep.members([
          ['/applicantType', 'enum'],
          ['/applicant/pinfl', 'format'],
          ['/applicant/phone', 'format'],
          ['/applicant/nickname', 'additionalProperties'],
          ['/address', 'required'],
          ['/extra', 'additionalProperties'],
        ]);
        for (const { message } of result.errors) {
          if (locale === 'ru' || locale === 'uz-Cyrl') expect(message).to.match(CYRILLIC);
          else expect(message).to.match(LATIN).and.not.match(CYRILLIC);
        }
      });
    }

    it('words each error in the requested locale', () => {
      const messages = (locale: Locale) =>
        Object.fromEntries(
          validator.validate(service, invalid, locale).errors.map((e) => [e.field, e.message]),
        );
      expect(messages('en')).to.deep.equal({
        '/applicantType': 'must be one of: "individual", "legal_entity"',
        '/applicant/pinfl': 'must be a 14-digit personal number (PINFL)',
        '/applicant/phone': 'must be a phone number: +998 and 9 digits, without spaces',
        '/applicant/nickname': 'is not a field of this application; remove it',
        '/address': 'is required',
        '/extra': 'is not a field of this application; remove it',
      });
      expect(messages('uz-Latn')['/applicant/pinfl']).to.equal("14 xonali JSHSHIR bo'lishi kerak");
      expect(messages('uz-Cyrl')['/address']).to.equal('тўлдирилиши шарт');
      // Standard keywords in Russian are ajv-i18n's words; Darcha's formats are Darcha's.
      expect(messages('ru')).to.deep.equal({
        '/applicantType': 'должно быть равно одному из разрешенных значений',
        '/applicant/pinfl': 'должно быть 14-значным ПИНФЛ',
        '/applicant/phone': 'должно быть номером телефона: +998 и 9 цифр без пробелов',
        '/applicant/nickname': 'не должно иметь дополнительных полей',
        '/address': 'должно иметь обязательное поле address',
        '/extra': 'не должно иметь дополнительных полей',
      });
    });

    it('requires the TIN of a legal entity, and points into a required nested object', () => {
      const data = { ...valid, applicant: { pinfl: '31234567890123', phone: '+998901234567' }, address: {} };
      expect(where(validator.validate(service, data, 'en').errors)).to.have.deep.members([
        ['/applicant/tin', 'required'],
        ['/address/postalCode', 'required'],
        ['/address/cadastre', 'required'],
      ]);
    });

    it('escapes property names in pointers and reports a wrong root type at ""', () => {
      const odd: ServiceForm = {
        code: 'test.odd-names',
        version: 1,
        form: { type: 'object', required: ['a/b', 'c~d'], additionalProperties: false, properties: {} },
      };
      expect(where(validator.validate(odd, { 'e/f': 1 }, 'en').errors)).to.have.deep.members([
        ['/a~1b', 'required'],
        ['/c~0d', 'required'],
        ['/e~1f', 'additionalProperties'],
      ]);
      expect(where(validator.validate(odd, [], 'en').errors)).to.deep.equal([['', 'type']]);
    });
  });

  describe('compileForm', () => {
    it('caches the compiled form per service version', () => {
      const first = validator.compileForm(service);
      expect(validator.compileForm({ ...service, form: structuredClone(form) })).to.equal(first);
      expect(validator.compileForm({ ...service, version: 2 })).to.not.equal(first);
      expect(new ApplicationValidator().compileForm(service)).to.not.equal(first);
    });

    it('accepts plain JSON Schema 2020-12 that strict typing would refuse', () => {
      const loose = { properties: { name: { minLength: 1 } }, required: ['name'] };
      expect(() => validator.compileForm({ code: 'test.loose', version: 1, form: loose })).to.not.throw();
    });

    it('lets versions of a service share a form $id', () => {
      const withId = { ...form, $id: 'https://darcha.uz/forms/gas.connection' };
      validator.compileForm({ ...service, form: withId });
      const v2 = validator.compileForm({
        ...service,
        version: 2,
        form: { ...withId, required: ['applicant'] },
      });
      expect(v2({ applicant: { pinfl: '31234567890123', phone: '+998901234567' } })).to.equal(true);
    });

    const broken: [string, JsonSchema, RegExp][] = [
      ['a misspelt type', { type: 'object', properties: { x: { type: 'strin' } } }, /schema is invalid/],
      [
        'an unknown format',
        { type: 'object', properties: { x: { type: 'string', format: 'pinf' } } },
        /unknown format "pinf"/,
      ],
      ['an unknown keyword', { type: 'object', requried: ['x'] }, /unknown keyword: "requried"/],
    ];
    for (const [what, badForm, complaint] of broken) {
      it(`refuses a form with ${what}, naming the service`, () => {
        const error = thrownBy(() =>
          validator.compileForm({ code: 'gas.broken', version: 3, form: badForm }),
        );
        expect(error.code).to.equal('DARCHA_REGISTRY_FORM_INVALID');
        expect(error.kind).to.equal('invalid');
        expect(error.message).to.include('"gas.broken" version 3').and.match(complaint);
        expect(error.hint).to.include('JSON Schema draft 2020-12');
        expect(error.details).to.include({ serviceCode: 'gas.broken', version: 3 });
      });
    }

    it('refuses a broken form on validate too, and accepts it once fixed under the same $id', () => {
      const bad = { $id: 'https://darcha.uz/forms/x', type: 'object', properties: { x: { type: 'strin' } } };
      const error = thrownBy(() =>
        validator.validate({ code: 'gas.broken', version: 1, form: bad }, {}, 'en'),
      );
      expect(error.code).to.equal('DARCHA_REGISTRY_FORM_INVALID');
      const fixed = { ...bad, properties: { x: { type: 'string' } } };
      expect(
        validator.validate({ code: 'gas.broken', version: 2, form: fixed }, { x: 'y' }, 'en').valid,
      ).to.equal(true);
    });
  });
});
