import { expect } from 'chai';
import {
  ACCESS_CODE_ALPHABET,
  ACCESS_CODE_LENGTH,
  accessCodeFor,
  normaliseAccessCode,
} from '../../src/identity/citizen-access.js';

describe('receipt access codes', () => {
  const secret = 'test-secret-of-at-least-32-characters-long';
  const inquiryId = '0b3c6a52-3c2e-4d59-9d4c-0e8a2f6f5d11';

  it('are 10 characters of an alphabet without 0, O, 1 and I', () => {
    expect(ACCESS_CODE_ALPHABET).to.have.length(32);
    expect(ACCESS_CODE_ALPHABET).not.to.match(/[0O1I]/);
    const code = accessCodeFor(secret, 'chirchik', inquiryId);
    expect(code).to.have.length(ACCESS_CODE_LENGTH);
    expect(code).to.match(/^[2-9A-HJ-NP-Z]{10}$/);
  });

  it('are the same every time, and differ by tenant, inquiry and secret', () => {
    const code = accessCodeFor(secret, 'chirchik', inquiryId);
    expect(accessCodeFor(secret, 'chirchik', inquiryId)).to.equal(code);
    expect(accessCodeFor(secret, 'chirchik', inquiryId.toUpperCase())).to.equal(code);
    expect(accessCodeFor(secret, 'djizak', inquiryId)).not.to.equal(code);
    expect(accessCodeFor(secret, 'chirchik', '0b3c6a52-3c2e-4d59-9d4c-0e8a2f6f5d12')).not.to.equal(code);
    expect(accessCodeFor(`${secret}!`, 'chirchik', inquiryId)).not.to.equal(code);
  });

  it('use every letter of the alphabet over many inquiries', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const id = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      for (const c of accessCodeFor(secret, 'chirchik', id)) seen.add(c);
    }
    expect(seen.size).to.equal(32);
  });

  it('normalise what a citizen types: case, spaces, hyphens and dashes', () => {
    expect(normaliseAccessCode(' abcde-fghjk ')).to.equal('ABCDEFGHJK');
    expect(normaliseAccessCode('ab cd\u2013ef gh jk')).to.equal('ABCDEFGHJK');
    expect(normaliseAccessCode(undefined)).to.equal('');
  });
});
