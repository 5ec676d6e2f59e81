import type { Database } from '../../db/database.js';
import type { FieldError } from '../../errors/field-error.js';
import type { Logger } from '../../logging/logger.js';
import { DEFAULT_SUBSCRIBER_TIMEOUT_MS } from './deliver-outbox-event.js';
import { exponentialBackoff } from './outbox-backoff.js';
import { outboxErrors } from './outbox.errors.js';
import type { OutboxBackoff, OutboxSubscriber } from './outbox-types.js';

/** What an {@link OutboxDispatcher} works with; every number is optional and has a default. */
export interface OutboxDispatcherOptions {
  db: Database;
  logger: Logger;
  /**
   * The tenants to dispatch for, asked once per pass (there is no cross-tenant query: each tenant
   * is claimed in its own `withTenant`). Usually the tenant registry's active tenants.
   */
  tenantIds: () => Promise<readonly string[]>;
  /**
   * The subscribers, asked once per pass so that plugins started or stopped since are seen. An
   * event whose type no subscriber handles is marked delivered, so start the dispatcher only once
   * the plugins are up.
   */
  subscribers: () => readonly OutboxSubscriber[];
  /** "Now" for due times, leases and backoff; tests pass a clock they move by hand. */
  clock?: () => Date;
  /** Most events claimed per tenant and pass (default 50). */
  batchSize?: number;
  /** How long a claim keeps events from other dispatchers (default 30 s); longer than the subscriber timeout. */
  leaseMs?: number;
  /** Failed attempts after which an event is dead (default 8). */
  maxAttempts?: number;
  /** Delay before the next attempt (default exponential with jitter, 1 s doubling to at most 10 min). */
  backoff?: OutboxBackoff;
  /** Time between passes when there is nothing to do and no `wake()` (default 1 s). */
  pollIntervalMs?: number;
  /** Time one subscriber may take for one event (default 10 s). */
  subscriberTimeoutMs?: number;
  /**
   * Inquiries whose events are delivered at the same time, within a tenant's batch (default 4);
   * the events of one inquiry go out one after another, oldest first. 1 delivers the whole batch
   * in order.
   */
  concurrency?: number;
}

/** The options with every default filled in. */
export interface OutboxDispatcherSettings {
  clock: () => Date;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  backoff: OutboxBackoff;
  pollIntervalMs: number;
  subscriberTimeoutMs: number;
  concurrency: number;
}

/** Default most events per tenant and pass. */
export const DEFAULT_OUTBOX_BATCH_SIZE = 50;
/** Default lease of claimed events. */
export const DEFAULT_OUTBOX_LEASE_MS = 30_000;
/** Default failed attempts before an event is dead. */
export const DEFAULT_OUTBOX_MAX_ATTEMPTS = 8;
/** Default inquiries whose events are delivered at the same time. */
export const DEFAULT_OUTBOX_CONCURRENCY = 4;
/** Default time between idle passes. */
export const DEFAULT_OUTBOX_POLL_INTERVAL_MS = 1_000;

/** Fills in the defaults; refuses numbers that are not positive whole ones with `DARCHA_OUTBOX_OPTIONS_INVALID`. */
export function outboxDispatcherSettings(options: OutboxDispatcherOptions): OutboxDispatcherSettings {
  const settings: OutboxDispatcherSettings = {
    clock: options.clock ?? (() => new Date()),
    batchSize: options.batchSize ?? DEFAULT_OUTBOX_BATCH_SIZE,
    leaseMs: options.leaseMs ?? DEFAULT_OUTBOX_LEASE_MS,
    maxAttempts: options.maxAttempts ?? DEFAULT_OUTBOX_MAX_ATTEMPTS,
    backoff: options.backoff ?? exponentialBackoff(),
    pollIntervalMs: options.pollIntervalMs ?? DEFAULT_OUTBOX_POLL_INTERVAL_MS,
    subscriberTimeoutMs: options.subscriberTimeoutMs ?? DEFAULT_SUBSCRIBER_TIMEOUT_MS,
    concurrency: options.concurrency ?? DEFAULT_OUTBOX_CONCURRENCY,
  };
  const errors: FieldError[] = [];
  for (const key of [
    'batchSize',
    'leaseMs',
    'maxAttempts',
    'pollIntervalMs',
    'subscriberTimeoutMs',
    'concurrency',
  ] as const) {
    const value = settings[key];
    if (!Number.isSafeInteger(value) || value < 1) {
      errors.push({ field: key, message: `must be a positive whole number, not ${String(value)}` });
    }
  }
  if (errors.length === 0 && settings.leaseMs <= settings.subscriberTimeoutMs) {
    errors.push({
      field: 'leaseMs',
      message: `must be longer than subscriberTimeoutMs (${settings.subscriberTimeoutMs} ms), not ${settings.leaseMs} ms`,
    });
  }
  if (errors.length > 0) throw outboxErrors.optionsInvalid(errors);
  return settings;
}
