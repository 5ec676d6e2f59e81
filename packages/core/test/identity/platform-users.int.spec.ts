import { expect } from 'chai';
import type { CreatePlatformUserInput } from '../../src/identity/identity-types.js';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from '../../src/identity/identity-types.js';
import { ScryptPasswordHasher } from '../../src/identity/password-hasher.js';
import {
  engine,
  expectCode,
  fieldsOf,
  openIdentityWorld,
  PASSWORD,
  type IdentityWorld,
} from './identity-fixtures.js';

describe(`platform users (${engine})`, () => {
  let world: IdentityWorld;

  before(async () => {
    world = await openIdentityWorld();
  });
  after(() => world.db.close());

  it('creates a platform user with a lowercased login, never returning the password', async () => {
    const { identity } = world;
    const user = await identity.createPlatformUser(
      { login: '  Admin@Darcha.UZ ', displayName: ' Regional IT ', password: PASSWORD },
      { actor: 'cli' },
    );
    expect(user).to.deep.include({
      login: 'admin@darcha.uz',
      displayName: 'Regional IT',
      roles: ['platform_admin'],
      active: true,
    });
    expect(Object.keys(user).sort()).to.deep.equal([
      'active',
      'createdAt',
      'displayName',
      'id',
      'login',
      'roles',
    ]);
    expect(await identity.getPlatformUser(user.id)).to.deep.equal(user);
    expect(await identity.getPlatformUser('not-a-uuid')).to.equal(undefined);
    expect((await identity.listPlatformUsers()).map((u) => u.login)).to.include('admin@darcha.uz');
    const row = await world.db.withHost((trx) => trx('platform_users').where({ id: user.id }).first());
    expect(row.password_hash).to.match(/^scrypt\$/);
    expect(row.password_hash).not.to.include(PASSWORD);
    expect(row.created_by).to.equal('cli');
  });

  it('refuses a login that is taken, whatever its case, with a conflict naming the login', async () => {
    await world.identity.createPlatformUser({ login: 'ops', displayName: 'Ops', password: PASSWORD });
    const error = await expectCode(
      world.identity.createPlatformUser({ login: 'OPS', displayName: 'Ops 2', password: PASSWORD }),
      'DARCHA_IDENTITY_LOGIN_TAKEN',
    );
    expect(error.kind).to.equal('conflict');
    expect(error.message).to.include('"ops"');
  });

  it('lists every problem of bad input, and refuses weak passwords', async () => {
    const error = await expectCode(
      world.identity.createPlatformUser({
        login: 'a b',
        displayName: '  ',
        password: PASSWORD,
        roles: ['root'],
        extra: true,
      } as unknown as CreatePlatformUserInput),
      'DARCHA_IDENTITY_INPUT_INVALID',
    );
    expect(fieldsOf(error)).to.include.members(['/login', '/displayName', '/roles/0', '/extra']);
    const short = await expectCode(
      world.identity.createPlatformUser({ login: 'shorty', displayName: 'S', password: 'nine char' }),
      'DARCHA_AUTH_PASSWORD_WEAK',
    );
    expect(short.kind).to.equal('invalid');
    expect(short.message).to.include('at least 10');
    await expectCode(
      world.identity.createPlatformUser({ login: 'longy', displayName: 'L', password: 'x'.repeat(201) }),
      'DARCHA_AUTH_PASSWORD_WEAK',
    );
    await expectCode(
      world.identity.createPlatformUser({
        login: 'samesame.login',
        displayName: 'S',
        password: 'SameSame.Login',
      }),
      'DARCHA_AUTH_PASSWORD_WEAK',
    );
  });

  it('signs in with the right password, and fails the same way for every wrong reason', async () => {
    const { identity, hasher } = world;
    const user = await identity.createPlatformUser({ login: 'signer', displayName: 'S', password: PASSWORD });
    expect(await identity.signInPlatformUser(' Signer ', PASSWORD)).to.deep.equal(user);

    const wrong = await expectCode(
      identity.signInPlatformUser('signer', 'not the password'),
      'DARCHA_AUTH_SIGN_IN_FAILED',
    );
    const dummiesBefore = hasher.dummies;
    const unknown = await expectCode(
      identity.signInPlatformUser('nobody', PASSWORD),
      'DARCHA_AUTH_SIGN_IN_FAILED',
    );
    expect(hasher.dummies, 'an unknown login still costs one scrypt').to.equal(dummiesBefore + 1);
    expect(wrong.kind).to.equal('unauthenticated');
    expect(unknown.message).to.equal(wrong.message);
    expect(unknown.details).to.deep.equal(wrong.details);

    expect(await identity.attemptPlatformSignIn('nobody', PASSWORD)).to.deep.equal({
      ok: false,
      reason: 'unknown_login',
    });
    expect(await identity.attemptPlatformSignIn('x', PASSWORD)).to.deep.equal({
      ok: false,
      reason: 'unknown_login',
    });
    expect(await identity.attemptPlatformSignIn('signer', 'not the password')).to.deep.equal({
      ok: false,
      reason: 'wrong_password',
      accountId: user.id,
    });
    await world.db.withHost((trx) => trx('platform_users').where({ id: user.id }).update({ active: false }));
    const verifies = hasher.verifies;
    expect(await identity.attemptPlatformSignIn('signer', PASSWORD)).to.deep.equal({
      ok: false,
      reason: 'inactive',
      accountId: user.id,
    });
    expect(hasher.verifies, 'a deactivated account is checked like a live one').to.equal(verifies + 1);
  });

  it(`locks after ${LOCKOUT_THRESHOLD} failures in a row, even for the right password, until the time is up`, async () => {
    const { identity, clock } = world;
    const user = await identity.createPlatformUser({ login: 'locky', displayName: 'L', password: PASSWORD });
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      expect(await identity.attemptPlatformSignIn('locky', 'wrong password')).to.deep.include({ ok: false });
    }
    const locking = await identity.attemptPlatformSignIn('locky', 'wrong password');
    const until = new Date(clock.now.getTime() + LOCKOUT_MINUTES * 60_000);
    expect(locking).to.deep.equal({
      ok: false,
      reason: 'wrong_password',
      accountId: user.id,
      lockedUntil: until,
    });
    expect(await identity.attemptPlatformSignIn('locky', PASSWORD)).to.deep.equal({
      ok: false,
      reason: 'locked',
      accountId: user.id,
      lockedUntil: until,
    });
    await expectCode(identity.signInPlatformUser('locky', PASSWORD), 'DARCHA_AUTH_SIGN_IN_FAILED');

    clock.advance(LOCKOUT_MINUTES);
    expect(await identity.signInPlatformUser('locky', PASSWORD)).to.deep.include({ id: user.id });
    const row = await world.db.withHost((trx) => trx('platform_users').where({ id: user.id }).first());
    expect(row).to.deep.include({ failed_sign_ins: 0, locked_until: null });
  });

  it('forgets earlier failures after a success', async () => {
    const { identity } = world;
    await identity.createPlatformUser({ login: 'resetty', displayName: 'R', password: PASSWORD });
    for (let round = 0; round < 2; round++) {
      for (let i = 1; i < LOCKOUT_THRESHOLD; i++)
        await identity.attemptPlatformSignIn('resetty', 'wrong password');
      expect(await identity.attemptPlatformSignIn('resetty', PASSWORD)).to.deep.include({ ok: true });
    }
  });

  it('upgrades a hash made at an older cost when its owner signs in', async () => {
    const { identity, db, hasher } = world;
    const user = await identity.createPlatformUser({
      login: 'oldhash',
      displayName: 'O',
      password: PASSWORD,
    });
    const older = await new ScryptPasswordHasher({ N: 2 ** 9, r: 8, p: 1 }).hash(PASSWORD);
    await db.withHost((trx) => trx('platform_users').where({ id: user.id }).update({ password_hash: older }));
    await identity.signInPlatformUser('oldhash', PASSWORD);
    const row = await db.withHost((trx) => trx('platform_users').where({ id: user.id }).first());
    expect(row.password_hash).not.to.equal(older);
    expect(hasher.needsRehash(row.password_hash)).to.equal(false);
    await identity.signInPlatformUser('oldhash', PASSWORD);
  });
});
