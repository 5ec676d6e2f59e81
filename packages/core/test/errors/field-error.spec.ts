import { Ajv, type JSONSchemaType } from 'ajv';
import { expect } from 'chai';
import { fieldErrorsFromAjv, formatFieldErrors } from '../../src/errors/field-error.js';

interface Inquiry {
  channel: 'sms' | 'email' | 'telegram';
  port?: number;
  applicant: { name: string; names?: Record<string, string> };
}

const inquirySchema: JSONSchemaType<Inquiry> = {
  type: 'object',
  additionalProperties: false,
  required: ['channel', 'applicant'],
  properties: {
    channel: { type: 'string', enum: ['sms', 'email', 'telegram'] },
    port: { type: 'integer', nullable: true },
    applicant: {
      type: 'object',
      additionalProperties: false,
      required: ['name'],
      properties: {
        name: { type: 'string' },
        names: { type: 'object', nullable: true, required: [], additionalProperties: { type: 'string' } },
      },
    },
  },
};

const ajv = new Ajv({ allErrors: true });
const validateInquiry = ajv.compile(inquirySchema);

/** The field errors for `data` against the inquiry schema. */
function errorsFor(data: unknown, separator?: string) {
  expect(validateInquiry(data)).to.equal(false);
  return fieldErrorsFromAjv(validateInquiry.errors, separator);
}

describe('field errors', () => {
  describe('fieldErrorsFromAjv', () => {
    it('names a missing required field, also a nested one', () => {
      expect(errorsFor({ applicant: {} })).to.deep.equal([
        { field: '/channel', message: 'is required' },
        { field: '/applicant/name', message: 'is required' },
      ]);
    });

    it('names an unknown field and says how to fix it', () => {
      expect(
        errorsFor({ channel: 'sms', applicant: { name: 'Aziz', nmae: 'x' }, extra: true }),
      ).to.deep.equal([
        { field: '/extra', message: 'is not a known field; remove it or check its spelling' },
        { field: '/applicant/nmae', message: 'is not a known field; remove it or check its spelling' },
      ]);
    });

    it('lists the allowed values of an enum', () => {
      expect(errorsFor({ channel: 'fax', applicant: { name: 'Aziz' } })).to.deep.equal([
        { field: '/channel', message: 'must be one of: "sms", "email", "telegram"' },
      ]);
    });

    it("keeps ajv's message for a wrong type", () => {
      expect(errorsFor({ channel: 'sms', port: 'abc', applicant: { name: 7 } })).to.deep.equal([
        { field: '/port', message: 'must be integer' },
        { field: '/applicant/name', message: 'must be string' },
      ]);
      expect(errorsFor({ channel: 'sms', applicant: { name: 'Aziz', names: { en: 1 } } })).to.deep.equal([
        { field: '/applicant/names/en', message: 'must be string' },
      ]);
    });

    it('names fields with dots when the separator is "."', () => {
      expect(errorsFor({ port: 1.5, applicant: { name: 'Aziz', extra: 1 } }, '.')).to.deep.equal([
        { field: 'channel', message: 'is required' },
        { field: 'port', message: 'must be integer' },
        { field: 'applicant.extra', message: 'is not a known setting; remove it or check its spelling' },
      ]);
    });

    it('names the document itself when it is wrong as a whole', () => {
      expect(errorsFor([], '/')).to.deep.equal([{ field: '/', message: 'must be object' }]);
      expect(errorsFor('text', '.')).to.deep.equal([{ field: '(root)', message: 'must be object' }]);
    });

    it('reports the same problem of one field once, but different problems of it each', () => {
      const validate = ajv.compile({
        type: 'object',
        anyOf: [{ required: ['phone'] }, { required: ['phone', 'email'] }],
        properties: { code: { type: 'string', minLength: 4, pattern: '^[0-9]+$' } },
      });
      expect(validate({ code: 'ab' })).to.equal(false);
      const errors = fieldErrorsFromAjv(validate.errors);
      expect(errors.filter((e) => e.field === '/phone')).to.deep.equal([
        { field: '/phone', message: 'is required' },
      ]);
      expect(errors.filter((e) => e.field === '/email')).to.have.length(1);
      expect(errors.filter((e) => e.field === '/code').map((e) => e.message)).to.have.members([
        'must NOT have fewer than 4 characters',
        'must match pattern "^[0-9]+$"',
      ]);
      const doubled = fieldErrorsFromAjv([...validate.errors!, ...validate.errors!]);
      expect(doubled).to.deep.equal(errors);
    });

    it('gives no field errors when there are no ajv errors', () => {
      expect(fieldErrorsFromAjv(null)).to.deep.equal([]);
      expect(fieldErrorsFromAjv(undefined, '.')).to.deep.equal([]);
      expect(fieldErrorsFromAjv([])).to.deep.equal([]);
    });
  });

  describe('formatFieldErrors', () => {
    it('writes one indented line per field', () => {
      expect(
        formatFieldErrors([
          { field: 'port (from PORT="abc")', message: 'must be integer' },
          { field: 'database.pool.max', message: 'must be >= 1' },
        ]),
      ).to.equal('  - port (from PORT="abc"): must be integer\n  - database.pool.max: must be >= 1');
    });

    it('renders what fieldErrorsFromAjv found', () => {
      expect(formatFieldErrors(errorsFor({ channel: 'fax' }))).to.equal(
        '  - /applicant: is required\n  - /channel: must be one of: "sms", "email", "telegram"',
      );
    });

    it('gives an empty string for no errors', () => {
      expect(formatFieldErrors([])).to.equal('');
    });
  });
});
