import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import type { PaymentProvider } from '../plugins/contributions.js';
import type { ServiceRegistry } from '../registry/contracts.js';
import type { FeeQuoter } from './types.js';

/** What the parts of the payment service share. */
export interface PaymentContext {
  db: Database;
  fees: FeeQuoter;
  /** Service names for receipts. */
  services: Pick<ServiceRegistry, 'get'>;
  /** The payment providers of the active plugins enabled for the tenant. */
  providers: (tenantId: string) => Promise<PaymentProvider[]>;
  /** The tenant's time zone: the year of a receipt number is the year there. */
  timeZoneOf: (tenantId: string) => Promise<string>;
  clock: () => Date;
  /** Called after a commit that wrote outbox events (wakes the dispatcher). */
  afterCommit: () => void;
  logger?: Logger;
}
