import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { loadConfig } from '../../src/config/load-config.js';
import { isDarchaError } from '../../src/errors/darcha-error.js';

describe('auth.secret in the configuration', () => {
  let cwd: string;
  before(() => {
    cwd = mkdtempSync(path.join(os.tmpdir(), 'darcha-auth-config-'));
  });
  after(() => rmSync(cwd, { recursive: true, force: true }));

  it('is absent by default (the platform then keeps a secret of its own)', () => {
    expect(loadConfig({ cwd, env: {} }).auth?.secret).to.equal(undefined);
  });

  it('is read from DARCHA_SECRET', () => {
    const secret = 'k'.repeat(40);
    expect(loadConfig({ cwd, env: { DARCHA_SECRET: secret } }).auth?.secret).to.equal(secret);
  });

  it('refuses a secret shorter than 32 characters without ever printing it', () => {
    try {
      loadConfig({ cwd, env: { DARCHA_SECRET: 'hunter2-too-short' } });
      expect.fail('expected DARCHA_CONFIG_INVALID');
    } catch (error) {
      expect(isDarchaError(error, 'DARCHA_CONFIG_INVALID')).to.equal(true);
      const text = JSON.stringify((error as Error & { toJSON(): unknown }).toJSON());
      expect(text).to.include('auth.secret (from DARCHA_SECRET=***)');
      expect(text).not.to.include('hunter2');
    }
  });
});
