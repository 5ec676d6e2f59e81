import { isDarchaError } from '../../errors/darcha-error.js';
import { outboxErrors } from './outbox.errors.js';
import type { DeliveryAttempt, SubscriberFailure } from './outbox-outcome.js';
import type { OutboxDelivery, OutboxEvent, OutboxSubscriber } from './outbox-types.js';

/** Default time one subscriber may take for one event. */
export const DEFAULT_SUBSCRIBER_TIMEOUT_MS = 10_000;

/** A failure with the error itself, for the log. */
export interface DeliveryFailure extends SubscriberFailure {
  error: unknown;
}

/**
 * Hands one event to every subscriber that handles its type and does not have it yet
 * (`deliveredTo`), all at once, each with its own copy of the event and a deadline of `timeoutMs`,
 * and one {@link OutboxDelivery} for them all.
 * Never throws: a subscriber that throws, overruns (`DARCHA_OUTBOX_DELIVERY_TIMEOUT`) or fails in
 * `handles` is listed among the failures. An overrunning handler cannot be cancelled; its late
 * result is ignored and the event is retried, which is one reason handlers must be idempotent.
 */
export async function deliverOutboxEvent(
  event: OutboxEvent,
  subscribers: readonly OutboxSubscriber[],
  timeoutMs: number,
): Promise<DeliveryAttempt & { failures: DeliveryFailure[] }> {
  const succeeded: string[] = [];
  const failures: DeliveryFailure[] = [];
  const delivery = sharedDelivery();
  const pending = subscribers
    .filter((s) => !event.deliveredTo.includes(s.name))
    .map(async (subscriber) => {
      try {
        if (!subscriber.handles(event.type)) return;
        await withDeadline(
          () => subscriber.deliver(structuredClone(event), delivery),
          timeoutMs,
          () => outboxErrors.deliveryTimeout(event.tenantId, subscriber.name, event.id, timeoutMs),
        );
        succeeded.push(subscriber.name);
      } catch (error) {
        failures.push({ subscriber: subscriber.name, message: messageOf(error), error });
      }
    });
  await Promise.all(pending);
  // Completion order varies; keep the subscribers' order so stored lists read the same every time.
  const order = subscribers.map((s) => s.name);
  const byOrder = (a: string, b: string) => order.indexOf(a) - order.indexOf(b);
  succeeded.sort(byOrder);
  failures.sort((a, b) => byOrder(a.subscriber, b.subscriber));
  return { succeeded, failures };
}

/** One attempt's shared values, by key; dropped with the attempt. */
function sharedDelivery(): OutboxDelivery {
  const values = new Map<string, Promise<unknown>>();
  return {
    shared<T>(key: string, load: () => Promise<T>): Promise<T> {
      let value = values.get(key) as Promise<T> | undefined;
      if (value === undefined) {
        // A load that throws synchronously fails the same way as one that rejects.
        value = Promise.resolve().then(load);
        values.set(key, value);
      }
      return value;
    },
  };
}

async function withDeadline(
  work: () => Promise<void>,
  timeoutMs: number,
  onTimeout: () => Error,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), timeoutMs);
  });
  try {
    await Promise.race([Promise.resolve().then(work), deadline]);
  } finally {
    clearTimeout(timer);
  }
}

function messageOf(error: unknown): string {
  if (isDarchaError(error)) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message || error.name;
  return String(error);
}
