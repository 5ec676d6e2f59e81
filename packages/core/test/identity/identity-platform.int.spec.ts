import { expect } from 'chai';
import { loadConfig } from '../../src/config/load-config.js';
import { CORE_HOST_TABLES, checkTenantCatalog } from '../../src/db/catalog-check.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { accessCodeFor } from '../../src/identity/citizen-access.js';
import { AUTH_SECRET_NAME, platformSecret } from '../../src/identity/platform-secrets.js';
import { openPlatform } from '../../src/platform/open-platform.js';
import { engine } from './identity-fixtures.js';

const INQUIRY = '0b3c6a52-3c2e-4d59-9d4c-0e8a2f6f5d11';

describe(`identity in the platform (${engine})`, () => {
  let db: Database;

  beforeEach(async () => {
    db = await openTestDatabase();
  });
  afterEach(() => db.close());

  it('keeps the identity tables within the tenancy rules: tenant tables under RLS, host tables closed to the app', async () => {
    expect(
      await db.withHost((trx) => checkTenantCatalog(trx, { hostTables: CORE_HOST_TABLES })),
    ).to.deep.equal([]);
    const forced = await db.withHost(async (trx) => {
      const result = await trx.raw<{ rows: { relname: string }[] }>(
        `select relname from pg_class
          where relname in ('staff_sessions', 'api_keys', 'phone_challenges') and relrowsecurity and relforcerowsecurity
          order by relname`,
      );
      return result.rows.map((r) => r.relname);
    });
    expect(forced).to.deep.equal(['api_keys', 'phone_challenges', 'staff_sessions']);
    expect(CORE_HOST_TABLES).to.include.members(['platform_users', 'platform_sessions', 'platform_secrets']);
    // the app role (every tenant request) cannot read platform users
    const denied = await db
      .withTenant('chirchik', (trx) => trx('platform_users').select('id'))
      .then(
        () => 'read',
        (error: { code?: string }) => error.code,
      );
    expect(denied).to.equal('42501'); // insufficient_privilege
  });

  it('makes a platform secret once and keeps it; reading only never makes one', async () => {
    expect(await platformSecret(db, 'test.secret', { create: false })).to.equal(undefined);
    const made = await platformSecret(db, 'test.secret');
    expect(made).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(await platformSecret(db, 'test.secret')).to.equal(made);
    expect(await platformSecret(db, 'test.secret', { create: false })).to.equal(made);
  });

  it('gives a running platform an identity service whose receipt codes survive a restart', async () => {
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent', demo: false } });
    const platform = await openPlatform({ config, db, plugins: [] });
    const code = platform.identity.accessCode('chirchik', INQUIRY);
    const kept = await platformSecret(db, AUTH_SECRET_NAME, { create: false });
    expect(code).to.equal(accessCodeFor(kept!, 'chirchik', INQUIRY));
    await platform.timers.stop();
    await platform.outbox.stop();

    const again = await openPlatform({ config, db, plugins: [] });
    expect(again.identity.accessCode('chirchik', INQUIRY)).to.equal(code);
  });

  it('uses auth.secret when it is configured', async () => {
    const secret = 's'.repeat(48);
    const config = loadConfig({
      env: { DARCHA_SECRET: secret },
      overrides: { logLevel: 'silent', demo: false },
    });
    const platform = await openPlatform({ config, db, plugins: [] });
    expect(platform.identity.accessCode('chirchik', INQUIRY)).to.equal(
      accessCodeFor(secret, 'chirchik', INQUIRY),
    );
  });
});
