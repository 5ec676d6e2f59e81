import type { GuardFunction, Inquiry } from '@darcha/core';
import { sharesMakeWhole } from '../services/founders.js';

/** The guard's name in the plugin's `guards`; workflows call it `agency-business/founder-shares`. */
export const FOUNDER_SHARES_GUARD = 'founder-shares';

/**
 * Lets the LLC's registration complete only when the founders' shares in the filed form add up to
 * 100%; otherwise the engine refuses with `DARCHA_WORKFLOW_GUARD_REFUSED` and the officer rejects
 * the application with the reason.
 */
export const founderSharesGuard: GuardFunction = ({ inquiry }) =>
  sharesMakeWhole((inquiry as Inquiry).formData['founders']);
