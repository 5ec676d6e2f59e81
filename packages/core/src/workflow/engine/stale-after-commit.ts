import type { Actor } from '../inquiry/types.js';

/**
 * The change statement of a FINAL transition found the version stale (nothing was written, and the
 * transaction is already committed): the caller reads the inquiry in a new transaction to refuse
 * with the current state and actions (`throwStale`).
 */
export class StaleAfterCommit extends Error {
  constructor(
    readonly inquiryId: string,
    readonly expectedVersion: number,
    readonly actor: Actor,
  ) {
    super(`inquiry ${inquiryId} is no longer at version ${expectedVersion}`);
  }
}
