import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import type { CreateApiKeyInput } from '../../src/identity/identity-types.js';
import { sha256Hex } from '../../src/identity/identity-tokens.js';
import { engine, expectCode, fieldsOf, openIdentityWorld, type IdentityWorld } from './identity-fixtures.js';

describe(`API keys (${engine})`, () => {
  let world: IdentityWorld;

  before(async () => {
    world = await openIdentityWorld();
  });
  after(() => world.db.close());

  it('shows a new key once and stores only its SHA-256, auditing its creation', async () => {
    const { identity, db, clock } = world;
    const { key, apiKey } = await identity.createApiKey(
      'chirchik',
      { name: ' Billing bridge ', role: 'cashier', agencyCodes: ['gorgas'] },
      { actor: 'admin-1' },
    );
    expect(key).to.match(/^dk_chirchik_[A-Za-z0-9_-]{43}$/);
    expect(apiKey).to.deep.equal({
      id: apiKey.id,
      tenantId: 'chirchik',
      name: 'Billing bridge',
      role: 'cashier',
      agencyCodes: ['gorgas'],
      prefix: key.slice(0, 'dk_chirchik_'.length + 4),
      createdAt: clock.now,
      createdBy: 'admin-1',
      lastUsedAt: null,
      revokedAt: null,
    });
    const row = await db.withTenant('chirchik', (trx) =>
      trx('api_keys').where({ tenant_id: 'chirchik', id: apiKey.id }).first(),
    );
    expect(row.secret_hash).to.equal(sha256Hex(key));
    const secret = key.slice('dk_chirchik_'.length);
    expect(JSON.stringify(row)).not.to.include(secret);
    expect(JSON.stringify(row)).not.to.include(secret.slice(4)); // only the prefix's 4 characters are kept
    expect(await identity.listApiKeys('chirchik')).to.deep.equal([apiKey]);
    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'api_key', subjectId: apiKey.id }),
    );
    expect(audit.map((a) => `${a.action}:${a.actor}`)).to.deep.equal(['api_key.create:admin-1']);
    expect(JSON.stringify(audit)).not.to.include(secret);
  });

  it('verifies a key, recording its use at most once a minute', async () => {
    const { identity, clock } = world;
    const { key, apiKey } = await identity.createApiKey('chirchik', { name: 'Kiosk', role: 'front_office' });
    const first = await identity.verifyApiKey(key);
    expect(first).to.deep.equal({ ...apiKey, lastUsedAt: clock.now });
    clock.advance(0.5);
    expect((await identity.verifyApiKey(key))!.lastUsedAt).to.deep.equal(first!.lastUsedAt);
    clock.advance(0.5);
    expect((await identity.verifyApiKey(key))!.lastUsedAt).to.deep.equal(clock.now);
  });

  it("finds nothing for a forged key: another tenant's name on it, a changed character, garbage", async () => {
    const { identity } = world;
    const { key } = await identity.createApiKey('chirchik', { name: 'Forgery target', role: 'auditor' });
    const secret = key.slice('dk_chirchik_'.length);
    const flipped = secret[0] === 'A' ? `B${secret.slice(1)}` : `A${secret.slice(1)}`;
    for (const forged of [
      `dk_djizak_${secret}`,
      `dk_chirchik_${flipped}`,
      `ss_chirchik_${secret}`,
      `dk_chirchik_${secret}\n`,
      'dk_chirchik',
      'Bearer',
    ]) {
      expect(await identity.verifyApiKey(forged), forged).to.equal(undefined);
    }
  });

  it('revokes a key for good, audited once', async () => {
    const { identity, clock, db } = world;
    const { key, apiKey } = await identity.createApiKey('chirchik', {
      name: 'Old bridge',
      role: 'back_office',
    });
    const revoked = await identity.revokeApiKey('chirchik', apiKey.id, { actor: 'admin-2' });
    expect(revoked).to.deep.equal({ ...apiKey, revokedAt: clock.now });
    expect(await identity.verifyApiKey(key)).to.equal(undefined);
    clock.advance(1);
    expect(await identity.revokeApiKey('chirchik', apiKey.id)).to.deep.equal(revoked);
    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'api_key', subjectId: apiKey.id }),
    );
    expect(audit.map((a) => `${a.action}:${a.actor}`)).to.deep.equal([
      'api_key.revoke:admin-2',
      'api_key.create:system',
    ]);
    expect((await identity.listApiKeys('chirchik')).find((k) => k.id === apiKey.id)).to.deep.equal(revoked);
  });

  it("does not reach another tenant's key", async () => {
    const { identity } = world;
    const { apiKey } = await identity.createApiKey('djizak', { name: 'Djizak key', role: 'front_office' });
    await expectCode(identity.revokeApiKey('chirchik', apiKey.id), 'DARCHA_IDENTITY_API_KEY_NOT_FOUND');
    await expectCode(identity.revokeApiKey('chirchik', 'not-a-uuid'), 'DARCHA_IDENTITY_API_KEY_NOT_FOUND');
    expect((await identity.listApiKeys('chirchik')).map((k) => k.id)).not.to.include(apiKey.id);
  });

  it('checks the name, the role and the agencies of a new key', async () => {
    const { identity } = world;
    const error = await expectCode(
      identity.createApiKey('chirchik', {
        name: ' ',
        role: 'citizen',
        agencyCodes: ['Gor Gas'],
        secret: 'x',
      } as unknown as CreateApiKeyInput),
      'DARCHA_IDENTITY_INPUT_INVALID',
    );
    expect(fieldsOf(error)).to.include.members(['/name', '/role', '/agencyCodes/0', '/secret']);
    expect(
      (await identity.createApiKey('chirchik', { name: 'Plugin', role: 'gas/meter-inspector' })).apiKey.role,
    ).to.equal('gas/meter-inspector');
    const unknown = await expectCode(
      identity.createApiKey('chirchik', {
        name: 'Water',
        role: 'back_office',
        agencyCodes: ['water', 'tax'],
      }),
      'DARCHA_IDENTITY_AGENCY_UNKNOWN',
    );
    expect(unknown.details['agencyCodes']).to.deep.equal(['water']); // Djizak's agency, not Chirchik's
    await expectCode(
      identity.createApiKey('tashkent', { name: 'Nowhere', role: 'cashier' }),
      'DARCHA_TENANT_NOT_FOUND',
    );
  });
});
