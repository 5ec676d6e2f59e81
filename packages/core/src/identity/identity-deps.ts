import type { Database } from '../db/database.js';
import type { ScryptPasswordHasher } from './password-hasher.js';

/** What every part of the identity service shares. */
export interface IdentityDeps {
  db: Database;
  /** The current instant; every expiry, lockout and rate limit is measured with it. */
  clock: () => Date;
  hasher: ScryptPasswordHasher;
  /**
   * What the read caches age their entries by: the given clock's milliseconds when a test set one;
   * absent, the monotonic clock, which a step back of the wall clock cannot stretch.
   */
  cacheNow?: () => number;
}
