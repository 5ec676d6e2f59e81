import { expect } from 'chai';
import { addDarchaFormats, createAjv, type Applicant, type JsonSchema } from '@darcha/core';
import { sampleForm } from '../src/history/form-sample.js';
import { samplePattern } from '../src/history/pattern-sample.js';
import { SeededRandom } from '../src/history/seeded-random.js';

const person: Applicant = {
  type: 'individual',
  pinfl: '31507976020031',
  lastName: 'Karimov',
  firstName: 'Aziz',
  phone: '+998901234567',
  locale: 'ru',
};
const company: Applicant = {
  type: 'legal_entity',
  tin: '301234567',
  name: 'Chirchiq Savdo MChJ',
  representative: { pinfl: '31507976020031', lastName: 'Karimov', firstName: 'Aziz' },
  phone: '+998901234567',
  locale: 'uz-Latn',
};

/** A form with what the packs' forms use: identity by applicant type, formats, conditions, shares. */
const FORM: JsonSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['applicantType', 'account', 'year', 'kind', 'quantity', 'founders'],
  properties: {
    applicantType: { enum: ['individual', 'legal_entity'] },
    pinfl: { type: 'string', format: 'pinfl' },
    tin: { type: 'string', format: 'tin' },
    account: { type: 'string', format: 'utility-account' },
    cadastreNumber: { type: 'string', format: 'cadastre-number' },
    meterSerial: { type: 'string', pattern: '^[A-Z0-9-]{4,20}$' },
    year: { type: 'integer', minimum: 2000, maximum: 2100 },
    quarter: { type: 'integer', minimum: 1, maximum: 4 },
    month: { type: 'integer', minimum: 1, maximum: 12 },
    kind: { enum: ['printing', 'internet'] },
    quantity: { type: 'integer', minimum: 1, maximum: 500 },
    visitDate: { type: 'string', format: 'date' },
    founders: {
      type: 'array',
      minItems: 1,
      maxItems: 50,
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['share'],
        properties: { share: { type: 'number', exclusiveMinimum: 0, maximum: 100 } },
      },
    },
  },
  if: { properties: { applicantType: { const: 'individual' } } },
  then: { required: ['pinfl'] },
  else: { required: ['tin'] },
  allOf: [
    { if: { required: ['month'] }, then: { properties: { quarter: false } } },
    { if: { not: { required: ['month'] } }, then: { required: ['quarter'] } },
    {
      if: { properties: { kind: { const: 'internet' } }, required: ['kind'] },
      then: { properties: { quantity: { maximum: 8 } } },
    },
  ],
};

describe('demo history samplers', () => {
  it('makes strings that match the patterns forms use', () => {
    const random = new SeededRandom('patterns');
    for (const pattern of [
      '^[A-Z0-9-]{4,20}$',
      '^20\\d{2}-(0[1-9]|1[0-2])$',
      '^\\+998\\d{9}$',
      '^[a-z]+(-[a-z]+)*$',
    ]) {
      for (let i = 0; i < 50; i++) expect(samplePattern(pattern, random)).to.match(new RegExp(pattern));
    }
    expect(() => samplePattern('^[^a]+$', random)).to.throw(SyntaxError);
  });

  it('fills forms the validator accepts, for people and for businesses', () => {
    const validate = addDarchaFormats(createAjv()).compile(FORM);
    const random = new SeededRandom('forms');
    for (let i = 0; i < 200; i++) {
      const applicant = i % 2 === 0 ? person : company;
      const data = sampleForm(FORM, { applicant, random, filingDate: '2013-05-14', cityName: 'Chirchiq' });
      expect(validate(data), JSON.stringify({ data, errors: validate.errors })).to.equal(true);
      expect(data['applicantType']).to.equal(applicant.type);
      expect(data['year']).to.be.oneOf([2012, 2013]);
      const shares = (data['founders'] as { share: number }[]).map((f) => f.share);
      expect(shares.reduce((a, b) => a + b, 0)).to.equal(100);
      if (applicant.type === 'legal_entity') expect(data['tin']).to.equal('301234567');
      else expect(data['pinfl']).to.equal('31507976020031');
    }
  });

  it('is the same for the same seed, and another for another', () => {
    const draw = (seed: string) => {
      const random = new SeededRandom(seed);
      return [random.uuid(), random.int(1, 1000), random.fork('x').next()];
    };
    expect(draw('a')).to.deep.equal(draw('a'));
    expect(draw('a')).to.not.deep.equal(draw('b'));
    expect(draw('a')[0]).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
