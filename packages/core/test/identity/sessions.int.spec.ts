import { expect } from 'chai';
import { SESSION_IDLE_MINUTES, SESSION_MAX_DAYS } from '../../src/identity/identity-types.js';
import { sha256Hex } from '../../src/identity/identity-tokens.js';
import { engine, expectCode, openIdentityWorld, PASSWORD, type IdentityWorld } from './identity-fixtures.js';

describe(`sessions (${engine})`, () => {
  let world: IdentityWorld;
  let adminId: string;

  before(async () => {
    world = await openIdentityWorld();
    adminId = (
      await world.identity.createPlatformUser({ login: 'root', displayName: 'Root', password: PASSWORD })
    ).id;
  });
  after(() => world.db.close());

  it('opens a platform session whose token is stored only as its SHA-256', async () => {
    const { identity, clock, db } = world;
    const { token, session } = await identity.createSession({ kind: 'platform_user', userId: adminId });
    expect(token).to.match(/^ps_[A-Za-z0-9_-]{43}$/);
    expect(session).to.deep.equal({
      id: sha256Hex(token),
      kind: 'platform_user',
      tenantId: null,
      userId: adminId,
      csrfToken: session.csrfToken,
      createdAt: clock.now,
      expiresAt: new Date(clock.now.getTime() + SESSION_IDLE_MINUTES * 60_000),
    });
    expect(session.csrfToken).to.match(/^[A-Za-z0-9_-]{43}$/);
    expect(await identity.findSession(token)).to.deep.equal(session);
    const rows = await db.withHost((trx) => trx('platform_sessions').select());
    expect(JSON.stringify(rows)).not.to.include(token.slice(3));
  });

  it('opens a staff session ss_<tenant>_<secret> found only with the exact token', async () => {
    const { identity, members } = world;
    const { token, session } = await identity.createSession({
      kind: 'staff',
      tenantId: 'chirchik',
      userId: members.dilnoza.id,
    });
    expect(token).to.match(/^ss_chirchik_[A-Za-z0-9_-]{43}$/);
    expect(session).to.deep.include({ kind: 'staff', tenantId: 'chirchik', userId: members.dilnoza.id });
    expect(await identity.findSession(token)).to.deep.equal(session);

    const secret = token.slice('ss_chirchik_'.length);
    for (const forged of [
      `ss_djizak_${secret}`, // the tenant part tampered with
      `ss_namangan_${secret}`,
      `ss_Chirchik_${secret}`,
      `ps_${secret}`,
      `dk_chirchik_${secret}`,
      `${token}x`,
      token.slice(0, -1),
      '',
    ]) {
      expect(await identity.findSession(forged), forged).to.equal(undefined);
    }
  });

  it('refuses sessions for someone who does not exist', async () => {
    const { identity, members } = world;
    await expectCode(
      identity.createSession({ kind: 'platform_user', userId: '00000000-0000-4000-8000-000000000000' }),
      'DARCHA_IDENTITY_USER_NOT_FOUND',
    );
    await expectCode(
      identity.createSession({ kind: 'staff', tenantId: 'chirchik', userId: members.olim.id }),
      'DARCHA_STAFF_NOT_FOUND',
    );
    await expectCode(
      identity.createSession({ kind: 'staff', tenantId: 'tashkent', userId: members.olim.id }),
      'DARCHA_TENANT_NOT_FOUND',
    );
  });

  it('slides the idle expiry on use (writing at most once a minute), up to the absolute maximum', async () => {
    const { identity, clock, db } = world;
    const { token, session } = await identity.createSession({ kind: 'platform_user', userId: adminId });
    const lastSeen = async (): Promise<Date> =>
      (await db.withHost((trx) => trx('platform_sessions').where({ id: session.id }).first())).last_seen_at;

    clock.advance(0.5);
    expect((await identity.findSession(token))!.expiresAt).to.deep.equal(session.expiresAt);
    expect(await lastSeen()).to.deep.equal(session.createdAt);

    clock.advance(SESSION_IDLE_MINUTES - 1);
    const used = await identity.findSession(token);
    expect(used!.expiresAt).to.deep.equal(new Date(clock.now.getTime() + SESSION_IDLE_MINUTES * 60_000));
    expect(await lastSeen()).to.deep.equal(clock.now);

    // used every few hours, it still ends SESSION_MAX_DAYS after it was opened
    const end = session.createdAt.getTime() + SESSION_MAX_DAYS * 24 * 60 * 60_000;
    while (clock.now.getTime() + (SESSION_IDLE_MINUTES / 2) * 60_000 < end) {
      clock.advance(SESSION_IDLE_MINUTES / 2);
      const found = await identity.findSession(token);
      expect(found, clock.now.toISOString()).not.to.equal(undefined);
      expect(found!.expiresAt.getTime()).to.be.at.most(end);
    }
    clock.advance((end - clock.now.getTime()) / 60_000);
    expect(await identity.findSession(token)).to.equal(undefined);
  });

  it('expires a session left idle, on both sides', async () => {
    const { identity, clock, members } = world;
    const platform = await identity.createSession({ kind: 'platform_user', userId: adminId });
    const staff = await identity.createSession({
      kind: 'staff',
      tenantId: 'chirchik',
      userId: members.dilnoza.id,
    });
    clock.advance(SESSION_IDLE_MINUTES - 1);
    clock.advance(1);
    expect(await identity.findSession(platform.token)).to.equal(undefined);
    expect(await identity.findSession(staff.token)).to.equal(undefined);
  });

  it('revokes a session for good; revoking garbage or twice is harmless', async () => {
    const { identity, members } = world;
    const platform = await identity.createSession({ kind: 'platform_user', userId: adminId });
    const staff = await identity.createSession({
      kind: 'staff',
      tenantId: 'chirchik',
      userId: members.dilnoza.id,
    });
    await identity.revokeSession(platform.token);
    await identity.revokeSession(staff.token);
    await identity.revokeSession(staff.token);
    await identity.revokeSession('ss_not a token');
    expect(await identity.findSession(platform.token)).to.equal(undefined);
    expect(await identity.findSession(staff.token)).to.equal(undefined);
  });

  it('does not find the session of a deactivated staff member or platform user', async () => {
    const { identity, members, staff, db } = world;
    const { token } = await identity.createSession({
      kind: 'staff',
      tenantId: 'chirchik',
      userId: members.aziz.id,
    });
    expect(await identity.findSession(token)).to.not.equal(undefined); // now trusted for a few seconds
    await staff.deactivate('chirchik', members.aziz.id);
    expect(await identity.findSession(token)).to.equal(undefined);
    await staff.update('chirchik', members.aziz.id, { active: true });
    expect(await identity.findSession(token)).to.not.equal(undefined);

    const user = await identity.createPlatformUser({ login: 'leaver', displayName: 'L', password: PASSWORD });
    const platform = await identity.createSession({ kind: 'platform_user', userId: user.id });
    await db.withHost((trx) => trx('platform_users').where({ id: user.id }).update({ active: false }));
    expect(await identity.findSession(platform.token)).to.equal(undefined);
  });

  it("keeps one tenant's staff sessions invisible to another (RLS)", async () => {
    const { identity, members, db } = world;
    const { session } = await identity.createSession({
      kind: 'staff',
      tenantId: 'djizak',
      userId: members.olim.id,
    });
    const fromChirchik = await db.withTenant('chirchik', (trx) =>
      trx('staff_sessions').select('id', 'tenant_id'),
    );
    expect(fromChirchik.map((r) => r.id)).not.to.include(session.id);
    expect(fromChirchik.every((r) => r.tenant_id === 'chirchik')).to.equal(true);
    const fromDjizak = await db.withTenant('djizak', (trx) => trx('staff_sessions').select('id'));
    expect(fromDjizak.map((r) => r.id)).to.include(session.id);
  });
});
