import { expect } from 'chai';
import {
  addDarchaFormats,
  DARCHA_FORMATS,
  isDarchaFormat,
  type DarchaFormat,
} from '../../../src/registry/validation/identifier-formats.js';
import { createAjv } from '../../../src/validation/create-ajv.js';

// strictTypes off, as for forms: `{ format }` alone is valid JSON Schema.
const ajv = addDarchaFormats(createAjv({ strictTypes: false }));

/** Whether `value` passes `{ format }`. */
function passes(format: DarchaFormat, value: unknown): boolean {
  return ajv.validate({ format }, value);
}

const examples: Record<DarchaFormat, { accepted: string[]; refused: string[] }> = {
  pinfl: {
    // Any 14 digits: the check digit is not verified.
    accepted: ['31234567890123', '61507856010012', '00000000000000'],
    refused: [
      '3123456789012',
      '312345678901234',
      '3123456789012A',
      '3123 4567890123',
      '31234567890123\n',
      '',
    ],
  },
  tin: {
    // No prefix rules: any first digit.
    accepted: ['123456789', '301234567', '200000001', '000000000'],
    refused: ['12345678', '1234567890', '12345678A', '123 456 789', ''],
  },
  'cadastre-number': {
    accepted: ['10:01:02:03:04:0005:0006:007', '01:11:05:01:01:0220:0001:001'],
    refused: [
      '10:1:02:03:04:0005:0006:007',
      '10:01:02:03:04:5:6:7',
      '10:01:02:03:04:0005:0006',
      '10:01:02:03:04:0005:0006:007:008',
      '10-01-02-03-04-0005-0006-007',
      '10:01:02:03:04:0005:0006:00A',
      ' 10:01:02:03:04:0005:0006:007',
    ],
  },
  'uz-phone': {
    accepted: ['+998901234567', '+998712345678'],
    refused: [
      '998901234567',
      '+99890123456',
      '+9989012345678',
      '+998 90 123 45 67',
      '+998-90-123-45-67',
      '+79011234567',
    ],
  },
  'utility-account': {
    accepted: ['123456', '0012345678', '123456789012'],
    refused: ['12345', '1234567890123', '12345A', '123 456'],
  },
  'postal-code': {
    accepted: ['100000', '111700'],
    refused: ['10000', '1000000', '10000A', '100 000'],
  },
};

describe('identifier formats', () => {
  for (const [format, { accepted, refused }] of Object.entries(examples) as [
    DarchaFormat,
    { accepted: string[]; refused: string[] },
  ][]) {
    describe(format, () => {
      it('accepts well-formed values', () => {
        for (const value of accepted) expect(passes(format, value), JSON.stringify(value)).to.equal(true);
      });
      it('refuses malformed values', () => {
        for (const value of refused) expect(passes(format, value), JSON.stringify(value)).to.equal(false);
      });
      it('exports the same rule as a regex', () => {
        for (const value of accepted) expect(DARCHA_FORMATS[format].test(value)).to.equal(true);
        for (const value of refused) expect(DARCHA_FORMATS[format].test(value)).to.equal(false);
      });
    });
  }

  it('applies to strings only, leaving other types to the `type` keyword', () => {
    expect(passes('pinfl', 31234567890123)).to.equal(true);
    expect(ajv.validate({ type: 'string', format: 'pinfl' }, 31234567890123)).to.equal(false);
    expect(ajv.errors?.[0]?.keyword).to.equal('type');
  });

  it('knows its own format names and no others', () => {
    expect(isDarchaFormat('pinfl')).to.equal(true);
    expect(isDarchaFormat('email')).to.equal(false);
    expect(isDarchaFormat('toString')).to.equal(false);
  });
});
