import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import {
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  type StaffCredentialsInput,
} from '../../src/identity/identity-types.js';
import {
  engine,
  expectCode,
  fieldsOf,
  openIdentityWorld,
  PASSWORD,
  type IdentityWorld,
} from './identity-fixtures.js';

describe(`staff credentials (${engine})`, () => {
  let world: IdentityWorld;

  before(async () => {
    world = await openIdentityWorld();
  });
  after(() => world.db.close());

  it('sets a login and password, audited without either, and signs the member in', async () => {
    const { identity, members, db } = world;
    await identity.setStaffCredentials(
      'chirchik',
      members.dilnoza.id,
      { login: ' D.Karimova ', password: PASSWORD },
      { actor: 'admin-1' },
    );
    expect(await identity.signInStaff('chirchik', 'd.karimova', PASSWORD)).to.equal(members.dilnoza.id);
    const row = await db.withTenant('chirchik', (trx) =>
      trx('staff_members').where({ tenant_id: 'chirchik', id: members.dilnoza.id }).first(),
    );
    expect(row.login).to.equal('d.karimova');
    expect(row.password_hash).to.match(/^scrypt\$/);
    expect(row.password_changed_at).to.be.instanceOf(Date);
    expect(row.desk_codes).to.deep.equal([]);
    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'staff', subjectId: members.dilnoza.id }),
    );
    expect(audit[0]).to.deep.include({ action: 'staff.credentials.set', actor: 'admin-1' });
    expect(JSON.stringify(audit[0])).not.to.include('karimova');
    expect(JSON.stringify(audit[0])).not.to.include(PASSWORD);
  });

  it('keeps logins unique within a tenant only', async () => {
    const { identity, members } = world;
    const taken = await expectCode(
      identity.setStaffCredentials('chirchik', members.aziz.id, { login: 'D.KARIMOVA', password: PASSWORD }),
      'DARCHA_IDENTITY_LOGIN_TAKEN',
    );
    expect(taken.kind).to.equal('conflict');
    expect(taken.message).to.include('"d.karimova"').and.include('"chirchik"');
    // another city may have its own d.karimova
    await identity.setStaffCredentials('djizak', members.olim.id, {
      login: 'd.karimova',
      password: `${PASSWORD}!`,
    });
    expect(await identity.signInStaff('djizak', 'd.karimova', `${PASSWORD}!`)).to.equal(members.olim.id);
    await expectCode(identity.signInStaff('djizak', 'd.karimova', PASSWORD), 'DARCHA_AUTH_SIGN_IN_FAILED');
    await expectCode(
      identity.signInStaff('chirchik', 'd.karimova', `${PASSWORD}!`),
      'DARCHA_AUTH_SIGN_IN_FAILED',
    );
  });

  it('refuses bad credentials input, weak passwords and unknown or foreign staff', async () => {
    const { identity, members } = world;
    const error = await expectCode(
      identity.setStaffCredentials('chirchik', members.aziz.id, {
        login: 'ab',
        password: 12345,
      } as unknown as StaffCredentialsInput),
      'DARCHA_IDENTITY_INPUT_INVALID',
    );
    expect(fieldsOf(error)).to.include.members(['/login', '/password']);
    await expectCode(
      identity.setStaffCredentials('chirchik', members.aziz.id, { login: 'a.rahimov', password: 'short' }),
      'DARCHA_AUTH_PASSWORD_WEAK',
    );
    await expectCode(
      identity.setStaffCredentials('chirchik', members.olim.id, { login: 'o.tursunov', password: PASSWORD }),
      'DARCHA_STAFF_NOT_FOUND',
    );
    await expectCode(
      identity.setStaffCredentials('chirchik', 'nope', { login: 'o.tursunov', password: PASSWORD }),
      'DARCHA_STAFF_NOT_FOUND',
    );
  });

  it('fails a member without a password, a deactivated member, and a wrong password alike', async () => {
    const { identity, members, staff, hasher } = world;
    const before = hasher.dummies;
    expect(await identity.attemptStaffSignIn('chirchik', 'nobody', PASSWORD)).to.deep.equal({
      ok: false,
      reason: 'unknown_login',
    });
    expect(hasher.dummies).to.equal(before + 1);
    await identity.setStaffCredentials('chirchik', members.aziz.id, {
      login: 'a.rahimov',
      password: PASSWORD,
    });
    await staff.deactivate('chirchik', members.aziz.id);
    expect(await identity.attemptStaffSignIn('chirchik', 'a.rahimov', PASSWORD)).to.deep.equal({
      ok: false,
      reason: 'inactive',
      accountId: members.aziz.id,
    });
    const gone = await expectCode(
      identity.signInStaff('chirchik', 'a.rahimov', PASSWORD),
      'DARCHA_AUTH_SIGN_IN_FAILED',
    );
    const wrong = await expectCode(
      identity.signInStaff('chirchik', 'd.karimova', 'not it at all'),
      'DARCHA_AUTH_SIGN_IN_FAILED',
    );
    expect(gone.message).to.equal(wrong.message);
    await staff.update('chirchik', members.aziz.id, { active: true });
    expect(await identity.signInStaff('chirchik', 'a.rahimov', PASSWORD)).to.equal(members.aziz.id);
  });

  it(`locks a member after ${LOCKOUT_THRESHOLD} failures, unlocks after ${LOCKOUT_MINUTES} minutes or a new password`, async () => {
    const { identity, members, clock } = world;
    for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
      await identity.attemptStaffSignIn('chirchik', 'a.rahimov', 'wrong password');
    expect(await identity.attemptStaffSignIn('chirchik', 'a.rahimov', PASSWORD)).to.deep.include({
      reason: 'locked',
    });
    clock.advance(LOCKOUT_MINUTES - 1);
    expect(await identity.attemptStaffSignIn('chirchik', 'a.rahimov', PASSWORD)).to.deep.include({
      reason: 'locked',
    });
    clock.advance(1);
    expect(await identity.attemptStaffSignIn('chirchik', 'a.rahimov', PASSWORD)).to.deep.equal({
      ok: true,
      subject: members.aziz.id,
    });

    for (let i = 0; i < LOCKOUT_THRESHOLD; i++)
      await identity.attemptStaffSignIn('chirchik', 'a.rahimov', 'wrong password');
    await identity.setStaffCredentials('chirchik', members.aziz.id, {
      login: 'a.rahimov',
      password: `new ${PASSWORD}`,
    });
    expect(await identity.signInStaff('chirchik', 'a.rahimov', `new ${PASSWORD}`)).to.equal(members.aziz.id);
  });

  it("revokes the member's sessions when the password is set again", async () => {
    const { identity, members } = world;
    const { token } = await identity.createSession({
      kind: 'staff',
      tenantId: 'chirchik',
      userId: members.dilnoza.id,
    });
    expect(await identity.findSession(token)).to.not.equal(undefined);
    await identity.setStaffCredentials('chirchik', members.dilnoza.id, {
      login: 'd.karimova',
      password: `${PASSWORD} 2`,
    });
    expect(await identity.findSession(token)).to.equal(undefined);
  });
});
