import { expect } from 'chai';
import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD } from '../../src/identity/identity-types.js';
import {
  afterFailure,
  isLocked,
  settleAttempt,
  type CredentialState,
} from '../../src/identity/sign-in-lockout.js';

describe('sign-in lockout', () => {
  const now = new Date('2026-07-06T09:00:00Z');
  const minutes = (n: number): Date => new Date(now.getTime() + n * 60_000);
  const account = (patch: Partial<CredentialState> = {}): CredentialState => ({
    id: 'a',
    passwordHash: 'h',
    active: true,
    failedSignIns: 0,
    lockedUntil: null,
    ...patch,
  });

  it(`locks for ${LOCKOUT_MINUTES} minutes at the ${LOCKOUT_THRESHOLD}th failure in a row`, () => {
    let state = { failedSignIns: 0, lockedUntil: null as Date | null };
    for (let i = 1; i < LOCKOUT_THRESHOLD; i++) {
      state = afterFailure(state, now);
      expect(state).to.deep.equal({ failedSignIns: i, lockedUntil: null });
    }
    state = afterFailure(state, now);
    expect(state).to.deep.equal({ failedSignIns: LOCKOUT_THRESHOLD, lockedUntil: minutes(LOCKOUT_MINUTES) });
    expect(isLocked(state, minutes(LOCKOUT_MINUTES - 1))).to.equal(true);
    expect(isLocked(state, minutes(LOCKOUT_MINUTES))).to.equal(false);
  });

  it('starts counting again once a lock has run out', () => {
    const lapsed = { failedSignIns: LOCKOUT_THRESHOLD, lockedUntil: minutes(-1) };
    expect(afterFailure(lapsed, now)).to.deep.equal({ failedSignIns: 1, lockedUntil: null });
  });

  it('settles a right password only against the hash that was checked and an open account', () => {
    const ok = { ok: true as const, passwordHash: 'h' };
    expect(settleAttempt(ok, account({ failedSignIns: 3 }), now)).to.deep.equal({
      ok: true,
      write: { failed_sign_ins: 0, locked_until: null },
    });
    expect(settleAttempt(ok, account({ passwordHash: 'other' }), now)).to.deep.include({ ok: false });
    expect(settleAttempt(ok, account({ active: false }), now)).to.deep.include({ reason: 'inactive' });
    expect(settleAttempt(ok, account({ lockedUntil: minutes(5) }), now)).to.deep.include({
      reason: 'locked',
    });
  });

  it('counts a wrong password, and reports the lock it causes', () => {
    const wrong = { ok: false as const, reason: 'wrong_password' as const, passwordHash: 'h' };
    expect(settleAttempt(wrong, account({ failedSignIns: 1 }), now)).to.deep.equal({
      ok: false,
      reason: 'wrong_password',
      write: { failed_sign_ins: 2, locked_until: null },
    });
    const locking = settleAttempt(wrong, account({ failedSignIns: LOCKOUT_THRESHOLD - 1 }), now);
    expect(locking).to.deep.include({
      ok: false,
      reason: 'wrong_password',
      lockedUntil: minutes(LOCKOUT_MINUTES),
    });
  });
});
