import { expect } from 'chai';
import { isDarchaError } from '../../src/errors/darcha-error.js';
import { assertTenantId, isTenantId, TENANT_ID_MAX_LENGTH } from '../../src/tenancy/tenant-id.js';

describe('tenant ids', () => {
  const accepted = [
    'uz',
    'uz.tashkent-region',
    'chirchik',
    'city-0',
    'a',
    'uz.tashkent-region.chirchik',
    'a1-b2-c3',
    'a'.repeat(63),
  ];
  const rejected = [
    '',
    'Chirchik',
    'CHIRCHIK',
    '0city',
    '1',
    'city-',
    '-city',
    'city--0',
    'uz..tashkent',
    '.uz',
    'uz.',
    'uz.0-region',
    'chir chik',
    ' chirchik',
    'chirchik\n',
    'tashkent_region',
    'chirchik/x',
    "chirchik'; drop table tenants; --",
    "x' or '1'='1",
    'a'.repeat(64),
  ];

  it('accepts lowercase slugs, optionally dotted by hierarchy level, of up to 63 characters', () => {
    expect(TENANT_ID_MAX_LENGTH).to.equal(63);
    for (const id of accepted) {
      expect(isTenantId(id), id).to.equal(true);
      expect(() => assertTenantId(id), id).to.not.throw();
    }
  });

  it('rejects empty, uppercase, digit-first, badly hyphenated or dotted, spaced, SQL-ish and too long ids', () => {
    for (const id of rejected) expect(isTenantId(id), JSON.stringify(id)).to.equal(false);
  });

  it('rejects values that are not strings', () => {
    for (const value of [undefined, null, 42, ['uz'], { id: 'uz' }]) {
      expect(isTenantId(value), String(value)).to.equal(false);
    }
  });

  it('throws DARCHA_TENANT_INVALID naming the bad id, with a hint showing good ones', () => {
    for (const id of rejected) {
      let caught: unknown;
      try {
        assertTenantId(id);
      } catch (error) {
        caught = error;
      }
      expect(isDarchaError(caught, 'DARCHA_TENANT_INVALID'), JSON.stringify(id)).to.equal(true);
      if (!isDarchaError(caught)) continue;
      expect(caught.kind).to.equal('invalid');
      expect(caught.message).to.include(JSON.stringify(id));
      expect(caught.hint).to.include('lowercase');
      expect(caught.hint).to.include('uz.tashkent-region');
      expect(caught.details).to.deep.equal({ tenantId: id });
    }
  });

  it('names a value that is not a string in the error', () => {
    let caught: unknown;
    try {
      assertTenantId(undefined);
    } catch (error) {
      caught = error;
    }
    expect(isDarchaError(caught, 'DARCHA_TENANT_INVALID')).to.equal(true);
    expect((caught as Error).message).to.equal('undefined is not a valid tenant id.');
  });
});
