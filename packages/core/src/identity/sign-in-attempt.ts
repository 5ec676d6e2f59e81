import { randomUUID } from 'node:crypto';
import type { SignInAttempt } from './identity-types.js';
import type { ScryptPasswordHasher } from './password-hasher.js';
import { judgePassword, settleAttempt, type CredentialState } from './sign-in-lockout.js';

/** Where one kind of account lives: how to find it by login and how to change it under a row lock. */
export interface SignInStore<R, T> {
  /** The account the login names, read without a lock (the slow password check runs after). */
  find(): Promise<R | undefined>;
  /**
   * Re-reads the account in a transaction with its row locked, lets `decide` look at it, and writes
   * the columns `decide` returns (none when it returns undefined) before committing.
   */
  update(id: string, decide: (current: R | undefined) => Record<string, unknown> | undefined): Promise<void>;
  state(row: R): CredentialState;
  subject(row: R): T;
}

/**
 * One sign-in: reads the account, checks the password outside any transaction (scrypt is slow and
 * PGlite has one connection), then records the outcome under a row lock: a success clears the
 * failure count (and upgrades an old hash), a wrong password counts towards the lockout.
 */
export async function attemptSignIn<R, T>(
  store: SignInStore<R, T>,
  hasher: ScryptPasswordHasher,
  password: unknown,
  now: Date,
): Promise<SignInAttempt<T>> {
  const given = typeof password === 'string' ? password : '';
  const row = await store.find();
  const state = row && store.state(row);
  const verdict = await judgePassword(hasher, state, given, now);
  if (!row || !state || (!verdict.ok && verdict.reason === 'no_password')) {
    // The round trip a known account makes to record its attempt, on a row that does not exist,
    // so that an unknown login does not answer a few milliseconds sooner.
    await store.update(randomUUID(), () => undefined);
    return state
      ? { ok: false, reason: 'no_password', accountId: state.id }
      : { ok: false, reason: 'unknown_login' };
  }
  const rehash =
    verdict.ok && hasher.needsRehash(verdict.passwordHash) ? await hasher.hash(given) : undefined;
  let outcome: SignInAttempt<T> = { ok: false, reason: 'unknown_login' };
  await store.update(state.id, (current) => {
    if (!current) return undefined;
    const currentState = store.state(current);
    const settled = settleAttempt(verdict, currentState, now);
    if (settled.ok) {
      outcome = { ok: true, subject: store.subject(current) };
      const unchanged = currentState.failedSignIns === 0 && currentState.lockedUntil === null;
      if (unchanged && !rehash) return undefined;
      return rehash ? { ...settled.write, password_hash: rehash } : settled.write;
    }
    outcome = { ok: false, reason: settled.reason, accountId: state.id };
    if (settled.lockedUntil) outcome.lockedUntil = settled.lockedUntil;
    return settled.write;
  });
  return outcome;
}
