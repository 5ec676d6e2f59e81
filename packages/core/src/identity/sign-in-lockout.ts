import { LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, type SignInFailureReason } from './identity-types.js';
import type { ScryptPasswordHasher } from './password-hasher.js';

/** What a sign-in reads of an account (a platform user or a staff member). */
export interface CredentialState {
  id: string;
  passwordHash: string | null;
  active: boolean;
  failedSignIns: number;
  lockedUntil: Date | null;
}

/** The verdict on a password before it is recorded. */
export type PasswordVerdict =
  | { ok: true; passwordHash: string }
  | { ok: false; reason: SignInFailureReason; passwordHash: string | null };

/** True while an account is locked. */
export function isLocked(state: Pick<CredentialState, 'lockedUntil'>, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/**
 * Judges a password against an account that may not exist. A password hash is checked in every case
 * (a dummy one for an unknown login or an account without a password), so that every answer takes
 * about the same time whatever the reason, and a locked or deactivated account does not answer
 * faster than a live one. Order of reasons: unknown, no password, deactivated, locked, wrong.
 */
export async function judgePassword(
  hasher: ScryptPasswordHasher,
  account: CredentialState | undefined,
  password: string,
  now: Date,
): Promise<PasswordVerdict> {
  if (!account || account.passwordHash === null) {
    await hasher.verifyDummy(password);
    return { ok: false, reason: account ? 'no_password' : 'unknown_login', passwordHash: null };
  }
  const matches = await hasher.verify(password, account.passwordHash);
  const passwordHash = account.passwordHash;
  if (!account.active) return { ok: false, reason: 'inactive', passwordHash };
  if (isLocked(account, now)) return { ok: false, reason: 'locked', passwordHash };
  return matches ? { ok: true, passwordHash } : { ok: false, reason: 'wrong_password', passwordHash };
}

/** The lockout columns after one more wrong password: a lock that has run out starts the count again. */
export function afterFailure(
  state: Pick<CredentialState, 'failedSignIns' | 'lockedUntil'>,
  now: Date,
): { failedSignIns: number; lockedUntil: Date | null } {
  const lapsed = state.lockedUntil !== null && !isLocked(state, now);
  const failedSignIns = (lapsed ? 0 : state.failedSignIns) + 1;
  const lockedUntil =
    failedSignIns >= LOCKOUT_THRESHOLD ? new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) : null;
  return { failedSignIns, lockedUntil };
}

/**
 * Settles an attempt against the account as it is now (re-read under a row lock, after the slow
 * password check ran outside any transaction): what to write, and the outcome. The verdict holds
 * only if the account still has the hash that was checked and did not get locked meanwhile.
 */
export function settleAttempt(
  verdict: PasswordVerdict,
  current: CredentialState,
  now: Date,
):
  | { ok: true; write: { failed_sign_ins: 0; locked_until: null } }
  | {
      ok: false;
      reason: SignInFailureReason;
      write?: { failed_sign_ins: number; locked_until: Date | null };
      lockedUntil?: Date;
    } {
  const sameHash = verdict.passwordHash !== null && verdict.passwordHash === current.passwordHash;
  if (!current.active) return { ok: false, reason: 'inactive' };
  if (isLocked(current, now)) return { ok: false, reason: 'locked', lockedUntil: current.lockedUntil! };
  if (verdict.ok && sameHash) return { ok: true, write: { failed_sign_ins: 0, locked_until: null } };
  if (verdict.ok || !sameHash) return { ok: false, reason: 'wrong_password' }; // the password changed meanwhile
  if (verdict.reason !== 'wrong_password') return { ok: false, reason: verdict.reason };
  const next = afterFailure(current, now);
  const write = { failed_sign_ins: next.failedSignIns, locked_until: next.lockedUntil };
  return next.lockedUntil
    ? { ok: false, reason: 'wrong_password', write, lockedUntil: next.lockedUntil }
    : { ok: false, reason: 'wrong_password', write };
}
