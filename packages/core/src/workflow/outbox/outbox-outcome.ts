import type { OutboxBackoff, OutboxEvent, OutboxEventStatus } from './outbox-types.js';

/** The longest `last_error` stored; longer texts are cut, ending in `…`. */
export const LAST_ERROR_MAX_LENGTH = 2_000;

/** One subscriber that failed to handle an event, and why. */
export interface SubscriberFailure {
  subscriber: string;
  message: string;
}

/** What one delivery attempt of an event did. */
export interface DeliveryAttempt {
  /** Subscribers that handled the event in this attempt. */
  succeeded: readonly string[];
  failures: readonly SubscriberFailure[];
}

/**
 * The decision about one claimed event: `delivered` (every subscriber has it), `failed` (retry
 * later), `dead` (failed for the last allowed time) or `released` (not attempted; free it now).
 */
export interface OutboxOutcome {
  kind: 'delivered' | 'failed' | 'dead' | 'released';
  update: OutboxEventUpdate;
}

/** The new values of a claimed row; `locked_until` always goes back to null. */
export interface OutboxEventUpdate {
  id: string;
  status: OutboxEventStatus;
  attempts: number;
  delivered_to: string[];
  last_error: string | null;
  next_attempt_at: string;
  delivered_at: string | null;
}

/** What the dispatcher decides with. */
export interface OutcomePolicy {
  now: Date;
  maxAttempts: number;
  backoff: OutboxBackoff;
}

/**
 * Decides what becomes of an event after one attempt. All subscribers done: delivered. Some
 * failed: one more failed attempt, the successful ones join `delivered_to` (a retry calls only the
 * others), and the next attempt waits `backoff(attempts)`; the `maxAttempts`-th failure makes the
 * event dead.
 */
export function decideOutcome(
  event: OutboxEvent,
  attempt: DeliveryAttempt,
  policy: OutcomePolicy,
): OutboxOutcome {
  const deliveredTo = [
    ...event.deliveredTo,
    ...attempt.succeeded.filter((s) => !event.deliveredTo.includes(s)),
  ];
  if (attempt.failures.length === 0) {
    return {
      kind: 'delivered',
      update: {
        ...unchanged(event),
        status: 'delivered',
        delivered_to: deliveredTo,
        delivered_at: policy.now.toISOString(),
      },
    };
  }
  const attempts = event.attempts + 1;
  const dead = attempts >= policy.maxAttempts;
  const delay = dead ? 0 : Math.max(0, policy.backoff(attempts));
  return {
    kind: dead ? 'dead' : 'failed',
    update: {
      ...unchanged(event),
      status: dead ? 'dead' : 'pending',
      attempts,
      delivered_to: deliveredTo,
      last_error: describeFailures(attempt.failures),
      next_attempt_at: new Date(policy.now.getTime() + delay).toISOString(),
    },
  };
}

/** An event claimed but not attempted (the lease would run out first): freed for the next pass. */
export function releaseOutcome(event: OutboxEvent): OutboxOutcome {
  return { kind: 'released', update: unchanged(event) };
}

/** `plugin:agency-gas: connection refused`, one line per failing subscriber, cut to the stored length. */
export function describeFailures(failures: readonly SubscriberFailure[]): string {
  const text = failures.map((f) => `${f.subscriber}: ${f.message}`).join('\n');
  return text.length <= LAST_ERROR_MAX_LENGTH ? text : `${text.slice(0, LAST_ERROR_MAX_LENGTH - 1)}…`;
}

function unchanged(event: OutboxEvent): OutboxEventUpdate {
  return {
    id: event.id,
    status: event.status,
    attempts: event.attempts,
    delivered_to: event.deliveredTo,
    last_error: event.lastError,
    next_attempt_at: event.nextAttemptAt.toISOString(),
    delivered_at: event.deliveredAt?.toISOString() ?? null,
  };
}
