import { expect } from 'chai';
import {
  newSecret,
  parsePlatformToken,
  parseTenantToken,
  platformToken,
  sha256Hex,
  tenantToken,
} from '../../src/identity/identity-tokens.js';

describe('identity tokens', () => {
  it('makes 43-character base64url secrets, different every time', () => {
    const a = newSecret();
    expect(a).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(newSecret()).not.to.equal(a);
  });

  it('reads the tenant of a tenant token at the first "_" after the prefix, even when the secret has "_"', () => {
    const secret = `_${newSecret().slice(1)}`;
    const token = tenantToken('ss', 'uz.tashkent-region', secret);
    expect(parseTenantToken('ss', token)).to.deep.equal({
      tenantId: 'uz.tashkent-region',
      hash: sha256Hex(token),
    });
    expect(parseTenantToken('dk', token)).to.equal(undefined); // a session token is not an API key
  });

  it('finds nothing in a malformed token, and never hands out a tenant id that is not valid', () => {
    const secret = newSecret();
    for (const token of [
      '',
      'ss_',
      `ss__${secret}`,
      `ss_Chirchik_${secret}`, // tenant ids are lowercase
      `ss_chirchik';drop table x;--_${secret}`,
      `ss_chirchik_${secret.slice(1)}`, // short secret
      `ss_chirchik_${secret}x`,
      `ss_chirchik_${secret.slice(0, 42)}=`,
      `ss_${'a'.repeat(64)}_${secret}`, // tenant id too long
      `xx_chirchik_${secret}`,
    ]) {
      expect(parseTenantToken('ss', token), token).to.equal(undefined);
    }
    expect(parseTenantToken('ss', 42)).to.equal(undefined);
    expect(parseTenantToken('ss', null)).to.equal(undefined);
  });

  it('reads platform tokens ps_<secret>', () => {
    const token = platformToken(newSecret());
    expect(parsePlatformToken(token)).to.deep.equal({ tenantId: null, hash: sha256Hex(token) });
    expect(parsePlatformToken(`${token}a`)).to.equal(undefined);
    expect(parsePlatformToken(`ps_chirchik_${newSecret()}`)).to.equal(undefined);
    expect(parsePlatformToken(undefined)).to.equal(undefined);
  });

  it('hashes with SHA-256 in hex', () => {
    expect(sha256Hex('abc')).to.equal('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
