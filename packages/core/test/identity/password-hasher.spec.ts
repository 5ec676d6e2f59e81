import { expect } from 'chai';
import { DEFAULT_SCRYPT_PARAMS, ScryptPasswordHasher } from '../../src/identity/password-hasher.js';

describe('scrypt password hasher', () => {
  const hasher = new ScryptPasswordHasher();

  it('verifies the password a hash was made from, and stores it as scrypt$N$r$p$salt$hash', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    const { N, r, p } = DEFAULT_SCRYPT_PARAMS;
    expect(stored).to.match(new RegExp(`^scrypt\\$${N}\\$${r}\\$${p}\\$[A-Za-z0-9+/=]+\\$[A-Za-z0-9+/=]+$`));
    const [, , , , salt, key] = stored.split('$');
    expect(Buffer.from(salt!, 'base64')).to.have.length(16);
    expect(Buffer.from(key!, 'base64')).to.have.length(32);
    expect(stored).not.to.include('horse');
    expect(await hasher.verify('correct horse battery staple', stored)).to.equal(true);
  });

  it('refuses a wrong password, one differing only in case or a trailing space', async () => {
    const stored = await hasher.hash('correct horse battery staple');
    expect(await hasher.verify('correct horse battery stapler', stored)).to.equal(false);
    expect(await hasher.verify('Correct horse battery staple', stored)).to.equal(false);
    expect(await hasher.verify('correct horse battery staple ', stored)).to.equal(false);
    expect(await hasher.verify('', stored)).to.equal(false);
  });

  it('salts every hash: the same password twice gives two different hashes, both valid', async () => {
    const a = await hasher.hash('same password here');
    const b = await hasher.hash('same password here');
    expect(a).not.to.equal(b);
    expect(a.split('$')[4]).not.to.equal(b.split('$')[4]);
    expect(await hasher.verify('same password here', a)).to.equal(true);
    expect(await hasher.verify('same password here', b)).to.equal(true);
  });

  it('treats the composed and decomposed forms of a password as the same (NFC)', async () => {
    const stored = await hasher.hash('O\u0308zbekiston parol'); // O + combining diaeresis
    expect(await hasher.verify('\u00d6zbekiston parol', stored)).to.equal(true);
  });

  it('answers false, never throws, for a malformed or hostile stored hash', async () => {
    for (const broken of [
      '',
      'plain',
      'scrypt$3$8$1$AAAA$BBBB',
      `scrypt$${2 ** 30}$8$1$c2FsdHNhbHQ=$a2V5a2V5a2V5a2V5a2V5`,
    ]) {
      expect(await hasher.verify('anything at all', broken), broken).to.equal(false);
    }
  });

  it('keeps verifying a hash made at another cost, and says it needs a rehash', async () => {
    const cheap = new ScryptPasswordHasher({ N: 2 ** 10, r: 8, p: 1 });
    const stored = await cheap.hash('an older password');
    expect(await hasher.verify('an older password', stored)).to.equal(true);
    expect(hasher.needsRehash(stored)).to.equal(true);
    expect(cheap.needsRehash(stored)).to.equal(false);
    expect(hasher.needsRehash('garbage')).to.equal(true);
  });

  it('spends about a real verify on an unknown login (verifyDummy), so timing does not tell', async () => {
    const stored = await hasher.hash('warm up and measure');
    await hasher.verifyDummy('warm up'); // makes the dummy hash once
    const time = async (work: () => Promise<unknown>): Promise<number> => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < 3; i++) await work();
      return Number(process.hrtime.bigint() - start);
    };
    const real = await time(() => hasher.verify('a wrong password', stored));
    const dummy = await time(() => hasher.verifyDummy('a wrong password'));
    expect(dummy / real).to.be.within(0.33, 3);
  });
});
