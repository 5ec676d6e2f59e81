/**
 * The transactional outbox: domain events are written in the same transaction as the change that
 * caused them (`writeOutboxEvents`) and handed to subscribers after commit by the
 * `OutboxDispatcher`, at least once, with retries, backoff and a dead-letter state.
 */

/** Where an event is in its life: waiting (or retrying), handed to every subscriber, or given up on. */
export type OutboxEventStatus = 'pending' | 'delivered' | 'dead';

/**
 * The event types core writes (the payments, documents, ratings and identity modules included).
 * Plugins may write and handle others (`agency-gas.meter-sealed`);
 * a type is lowercase words joined by dots, see {@link OUTBOX_EVENT_TYPE_PATTERN}.
 */
export const CORE_EVENT_TYPES = [
  'inquiry.filed',
  'inquiry.transitioned',
  'inquiry.breached',
  'inquiry.assigned',
  'inquiry.reminder',
  'workflow.effect',
  'invoice.issued',
  'invoice.paid',
  'invoice.cancelled',
  'invoice.expired',
  'payment.received',
  'payment.refunded',
  'document.issued',
  'document.revoked',
  'rating.low',
  'notification.requested',
] as const;

/** One of {@link CORE_EVENT_TYPES}. */
export type CoreEventType = (typeof CORE_EVENT_TYPES)[number];

/** `<area>.<what>`: lowercase slugs joined by dots (`inquiry.filed`, `agency-gas.meter-sealed`). */
export const OUTBOX_EVENT_TYPE_PATTERN = /^[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z][a-z0-9]*(-[a-z0-9]+)*)+$/;

/** An event as stored in `outbox_events`. */
export interface OutboxEvent {
  id: string;
  tenantId: string;
  type: string;
  /** The inquiry the event is about, if any. */
  inquiryId: string | null;
  /** A JSON object; dates in it come back as ISO strings. */
  payload: Record<string, unknown>;
  status: OutboxEventStatus;
  /** Failed delivery attempts so far. */
  attempts: number;
  /** Not handed out before this instant (the backoff after a failure). */
  nextAttemptAt: Date;
  /** The failing subscribers and their messages from the last failed attempt. */
  lastError: string | null;
  /** Subscribers that already have the event; a retry skips them. */
  deliveredTo: string[];
  createdAt: Date;
  deliveredAt: Date | null;
}

/**
 * An event to write in the caller's transaction.
 *
 * @example
 * await writeOutboxEvents(trx, 'chirchik', [
 *   { type: 'inquiry.filed', inquiryId: inquiry.id, payload: { inquiryId: inquiry.id, serviceCode } },
 * ]);
 */
export interface NewOutboxEvent {
  /** Matches {@link OUTBOX_EVENT_TYPE_PATTERN}. */
  type: string;
  /** A uuid; lets admins find an inquiry's events. */
  inquiryId?: string | null;
  /** A JSON object. Keep it small and free of secrets: it is stored and logged on failure. */
  payload: Record<string, unknown>;
}

/**
 * Something that receives outbox events: a plugin's event handlers (`plugin:<id>`), core's effects
 * runner (`core:effects`), a notification channel.
 *
 * Delivery is at least once: an event may arrive again after a crash, a timeout or a failure of
 * another attempt, so `deliver` must be idempotent (key its work on `event.id`). A `deliver` that
 * throws or overruns the dispatcher's timeout is retried with backoff; a subscriber that succeeded
 * is not called again for that event.
 *
 * @example
 * const audit: OutboxSubscriber = {
 *   name: 'core:audit',
 *   handles: (type) => type.startsWith('inquiry.'),
 *   deliver: async (event) => recordOnce(event.id, event.payload),
 * };
 */
export interface OutboxSubscriber {
  /** Unique among subscribers and stable across releases: it is stored in `delivered_to`. */
  readonly name: string;
  /** Whether this subscriber wants events of `type`. */
  handles(type: string): boolean;
  /**
   * Handles one event; resolves when done, throws to be retried. The dispatcher passes a
   * `delivery` shared with the other subscribers of this event in this attempt (see
   * {@link OutboxDelivery}); a direct call may leave it out.
   */
  deliver(event: OutboxEvent, delivery?: OutboxDelivery): Promise<void>;
}

/**
 * What the subscribers of one event share during one delivery attempt: the dispatcher hands the
 * event to all of them at once, and several often need the same record (the inquiry the event is
 * about). Outside this attempt nothing is shared: a retry, or the inquiry's next event, reads again.
 *
 * @example
 * deliver: async (event, delivery) => {
 *   const account = await delivery!.shared(`billing:account:${event.tenantId}:${event.inquiryId}`, () =>
 *     billing.accountOf(event.tenantId, event.inquiryId!),
 *   );
 * }
 */
export interface OutboxDelivery {
  /**
   * The result of `load`, run once per `key` in this attempt: the first subscriber to ask runs it
   * (in its own context: outside any transaction of its own), the others get the same promise, a
   * failure too, which then fails each of them. The value is shared: read it, never change it.
   * Prefix keys with the subscriber's own name; `core:` keys are core's.
   */
  shared<T>(key: string, load: () => Promise<T>): Promise<T>;
}

/**
 * Milliseconds to wait before the next attempt, given the number of failed attempts so far
 * (1 after the first failure).
 */
export type OutboxBackoff = (attempts: number) => number;

/** What one dispatcher pass did, over every tenant. */
export interface OutboxRunResult {
  /** Events now handed to every subscriber that handles them. */
  delivered: number;
  /** Events that failed for at least one subscriber and will be retried. */
  failed: number;
  /** Events that failed for the last allowed time and are now dead letters. */
  dead: number;
}
