import pMap from 'p-map';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logging/logger.js';
import { claimOutboxEvents } from './claim-outbox-events.js';
import { deliverOutboxEvent } from './deliver-outbox-event.js';
import {
  outboxDispatcherSettings,
  type OutboxDispatcherOptions,
  type OutboxDispatcherSettings,
} from './outbox-dispatcher-options.js';
import { toOutboxEvent, type OutboxEventRow } from './outbox-event-row.js';
import { decideOutcome, releaseOutcome, type OutboxOutcome } from './outbox-outcome.js';
import { outboxErrors } from './outbox.errors.js';
import type { OutboxRunResult, OutboxSubscriber } from './outbox-types.js';
import { recordOutboxOutcomes } from './record-outbox-outcomes.js';

/** Which tenants the next pass covers: all of them, or only those woken or with work left. */
type Due = 'all' | Set<string>;

/**
 * Delivers outbox events to subscribers, after commit, at least once.
 *
 * Per tenant and pass: one `withTenant` transaction leases a batch of due events
 * ({@link claimOutboxEvents}, `FOR UPDATE SKIP LOCKED`); the events are then handed to every
 * subscriber that handles them and does not have them yet, outside any transaction and with a
 * timeout per subscriber: the events of one inquiry one after another, oldest first, and up to
 * `concurrency` inquiries at the same time (a slow inquiry does not hold up the rest of its batch,
 * though the next batch and the other tenants wait for the whole batch); a second transaction
 * records the outcome (delivered, retry later with backoff, or dead after `maxAttempts`).
 * Dispatchers in any number of processes can run side by side; a dispatcher that dies mid-batch
 * leaves a lease that expires, and its events go out again.
 *
 * @example
 * const dispatcher = new OutboxDispatcher({
 *   db,
 *   logger,
 *   tenantIds: async () => (await tenants.list({ status: 'active' })).map((t) => t.id),
 *   subscribers: () => pluginEventSubscribers(contributions, host.active().map((p) => p.id)),
 * });
 * dispatcher.start();
 * // after a transaction that wrote events commits:
 * dispatcher.wake('chirchik');
 * // on shutdown:
 * await dispatcher.stop();
 */
export class OutboxDispatcher {
  readonly #db: Database;
  readonly #log: Logger;
  readonly #tenantIds: () => Promise<readonly string[]>;
  readonly #subscribers: () => readonly OutboxSubscriber[];
  readonly #settings: OutboxDispatcherSettings;
  /** The last pass started; passes run one after another, never overlapping. */
  #tail: Promise<unknown> = Promise.resolve();
  #running = false;
  /** Bumped by each start(), so a loop still winding down after stop() does not carry on. */
  #generation = 0;
  #loop: Promise<void> | undefined;
  #due: Due = 'all';
  #sleeper: { timer: NodeJS.Timeout; resolve: () => void } | undefined;

  constructor(options: OutboxDispatcherOptions) {
    this.#settings = outboxDispatcherSettings(options);
    this.#db = options.db;
    this.#log = options.logger.child({ component: 'outbox-dispatcher' });
    this.#tenantIds = options.tenantIds;
    this.#subscribers = options.subscribers;
  }

  /** Whether the polling loop runs. */
  get running(): boolean {
    return this.#running;
  }

  /**
   * Starts the polling loop: a pass over every tenant each `pollIntervalMs`, at once after
   * `wake()`, and straight on while batches come back full. Errors are logged, never thrown; a
   * second call is a no-op.
   */
  start(): void {
    if (this.#running) return;
    this.#running = true;
    this.#due = 'all';
    this.#loop = this.#runLoop(++this.#generation);
  }

  /** Stops the loop after the batch in flight is recorded; resolves when nothing runs any more. */
  async stop(): Promise<void> {
    this.#running = false;
    this.#wakeSleeper();
    await this.#loop;
    this.#loop = undefined;
    await this.#tail;
  }

  /**
   * Asks for a pass soon, without waiting for the poll interval: call it after a transaction that
   * wrote events commits. With a tenant id, that pass covers only the tenants woken since the last
   * one; without, all tenants. Does nothing unless the loop runs.
   */
  wake(tenantId?: string): void {
    if (tenantId === undefined) this.#due = 'all';
    else if (this.#due !== 'all') this.#due.add(tenantId);
    this.#wakeSleeper();
  }

  /**
   * One pass over every tenant, after any pass in flight; for tests and one-off runs. A tenant
   * that fails (database down, an invalid id) is logged and skipped; the pass goes on with the rest.
   */
  async runOnce(): Promise<OutboxRunResult> {
    const { result } = await this.#serialized(() => this.#pass('all', false));
    return result;
  }

  async #runLoop(generation: number): Promise<void> {
    const current = () => this.#running && this.#generation === generation;
    while (current()) {
      const due = this.#due;
      this.#due = new Set();
      try {
        const { more } = await this.#serialized(() => this.#pass(due, true));
        for (const tenantId of more) this.wake(tenantId);
      } catch (error) {
        this.#log.error({ err: error }, 'outbox pass failed');
      }
      if (!current()) break;
      if (this.#hasDue()) continue;
      await this.#sleep(this.#settings.pollIntervalMs);
    }
  }

  async #pass(due: Due, interruptible: boolean): Promise<{ result: OutboxRunResult; more: string[] }> {
    const result: OutboxRunResult = { delivered: 0, failed: 0, dead: 0 };
    const more: string[] = [];
    const subscribers = this.#currentSubscribers();
    const tenantIds = due === 'all' ? await this.#tenantIds() : [...due];
    for (const tenantId of tenantIds) {
      if (interruptible && !this.#running) break;
      try {
        const tenant = await this.#dispatchTenant(tenantId, subscribers);
        result.delivered += tenant.delivered;
        result.failed += tenant.failed;
        result.dead += tenant.dead;
        if (tenant.claimed >= this.#settings.batchSize) more.push(tenantId);
      } catch (error) {
        this.#log.error({ err: error, tenantId }, 'outbox dispatch failed for tenant');
      }
    }
    return { result, more };
  }

  async #dispatchTenant(
    tenantId: string,
    subscribers: readonly OutboxSubscriber[],
  ): Promise<OutboxRunResult & { claimed: number }> {
    const { clock, leaseMs, batchSize, subscriberTimeoutMs, maxAttempts, backoff, concurrency } =
      this.#settings;
    const now = clock();
    const leaseUntil = new Date(now.getTime() + leaseMs);
    const rows = await this.#db.withTenant(tenantId, (trx) =>
      claimOutboxEvents(trx, tenantId, { now, leaseUntil, limit: batchSize }),
    );
    const counts = { claimed: rows.length, delivered: 0, failed: 0, dead: 0 };
    if (rows.length === 0) return counts;
    const log = this.#log.child({ tenantId });
    const outcomes: OutboxOutcome[] = [];
    const deliver = async (row: OutboxEventRow) => {
      const event = toOutboxEvent(row);
      // Start an event only if its slowest subscriber still finishes within the lease.
      if (clock().getTime() + subscriberTimeoutMs >= leaseUntil.getTime()) {
        outcomes.push(releaseOutcome(event));
        return;
      }
      try {
        const attempt = await deliverOutboxEvent(event, subscribers, subscriberTimeoutMs);
        const outcome = decideOutcome(event, attempt, { now: clock(), maxAttempts, backoff });
        for (const failure of attempt.failures) {
          log.warn(
            { err: failure.error, eventId: event.id, type: event.type, subscriber: failure.subscriber },
            'outbox subscriber failed',
          );
        }
        outcomes.push(outcome);
      } catch (error) {
        // Not a subscriber's failure (those are in the attempt) but the dispatcher's own, such as a
        // backoff that throws: the event goes back for the next pass, and the batch's other events
        // are still recorded.
        log.error({ err: error, eventId: event.id, type: event.type }, 'outbox delivery failed');
        outcomes.push(releaseOutcome(event));
      }
    };
    // Inquiries side by side, each inquiry's events oldest first.
    await pMap(
      concurrency === 1 ? [rows] : byInquiry(rows),
      async (events) => {
        for (const row of events) await deliver(row);
      },
      { concurrency },
    );
    const written = await this.#db.withTenant(tenantId, (trx) =>
      recordOutboxOutcomes(
        trx,
        tenantId,
        leaseUntil,
        outcomes.map((o) => o.update),
      ),
    );
    for (const outcome of outcomes) {
      if (!written.has(outcome.update.id)) {
        log.warn(
          { eventId: outcome.update.id },
          'outbox lease ran out before the outcome was recorded; the event goes out again',
        );
        continue;
      }
      if (outcome.kind !== 'released') counts[outcome.kind] += 1;
      if (outcome.kind === 'dead') {
        const { id, attempts, last_error: lastError } = outcome.update;
        log.error({ eventId: id, attempts, lastError }, 'outbox event is dead after its last attempt');
      }
    }
    return counts;
  }

  /** The subscribers for this pass; two with one name would make `delivered_to` ambiguous. */
  #currentSubscribers(): readonly OutboxSubscriber[] {
    const subscribers = this.#subscribers();
    const seen = new Set<string>();
    for (const subscriber of subscribers) {
      if (seen.has(subscriber.name)) throw outboxErrors.subscriberDuplicate(subscriber.name);
      seen.add(subscriber.name);
    }
    return subscribers;
  }

  /** Whether a wake or a full batch asked for another pass (a method: `#due` changes across awaits). */
  #hasDue(): boolean {
    return this.#due === 'all' || this.#due.size > 0;
  }

  #serialized<T>(work: () => Promise<T>): Promise<T> {
    const run = this.#tail.then(work, work);
    this.#tail = run.catch(() => undefined);
    return run;
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#sleeper = undefined;
        this.#due = 'all';
        resolve();
      }, ms);
      this.#sleeper = { timer, resolve };
    });
  }

  #wakeSleeper(): void {
    const sleeper = this.#sleeper;
    if (!sleeper) return;
    clearTimeout(sleeper.timer);
    this.#sleeper = undefined;
    sleeper.resolve();
  }
}

/**
 * A batch (oldest first) as lists of events to deliver one after another: one list per inquiry, in
 * the order of each inquiry's oldest event; an event about no inquiry is a list of its own.
 */
export function byInquiry(rows: readonly OutboxEventRow[]): OutboxEventRow[][] {
  const lists: OutboxEventRow[][] = [];
  const ofInquiry = new Map<string, OutboxEventRow[]>();
  for (const row of rows) {
    const list = row.inquiry_id === null ? undefined : ofInquiry.get(row.inquiry_id);
    if (list) {
      list.push(row);
      continue;
    }
    const fresh = [row];
    lists.push(fresh);
    if (row.inquiry_id !== null) ofInquiry.set(row.inquiry_id, fresh);
  }
  return lists;
}
