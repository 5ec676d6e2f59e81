import type { OutboxBackoff } from './outbox-types.js';

/** How retries spread out; see {@link exponentialBackoff}. */
export interface ExponentialBackoffOptions {
  /** Delay after the first failure, before jitter (default 1 s). */
  baseMs?: number;
  /** The longest delay (default 10 min). */
  capMs?: number;
  /** A number in [0, 1); tests pass a fixed one. */
  random?: () => number;
}

/** Default delay after the first failed attempt. */
export const DEFAULT_BACKOFF_BASE_MS = 1_000;

/** Default longest delay between attempts. */
export const DEFAULT_BACKOFF_CAP_MS = 10 * 60_000;

/**
 * Exponential backoff with "equal jitter": after the n-th failure the delay is
 * `min(cap, base * 2^(n-1))`, of which the upper half is random. The random half keeps many
 * events that failed together (a plugin's server was down) from retrying in lockstep; the fixed
 * half keeps a retry from coming right away.
 *
 * @example
 * const backoff = exponentialBackoff(); // 0.5-1 s, 1-2 s, 2-4 s, ... up to 5-10 min
 */
export function exponentialBackoff(options: ExponentialBackoffOptions = {}): OutboxBackoff {
  const base = options.baseMs ?? DEFAULT_BACKOFF_BASE_MS;
  const cap = options.capMs ?? DEFAULT_BACKOFF_CAP_MS;
  const random = options.random ?? Math.random;
  return (attempts) => {
    const exponent = Math.min(Math.max(attempts, 1) - 1, 40);
    const delay = Math.min(cap, base * 2 ** exponent);
    return Math.round(delay / 2 + random() * (delay / 2));
  };
}
