import { DarchaError } from '../../errors/darcha-error.js';
import { formatFieldErrors, type FieldError } from '../../errors/field-error.js';

/** The coded errors of the outbox; each names the tenant, event or subscriber at fault. */
export const outboxErrors = {
  eventInvalid(tenantId: string, errors: FieldError[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_EVENT_INVALID',
      kind: 'invalid',
      message: `Outbox events of tenant "${tenantId}" are invalid:\n${formatFieldErrors(errors)}`,
      hint: 'Give each event a dotted lowercase type (`inquiry.filed`), a JSON object as payload and a uuid or nothing as inquiryId.',
      details: { tenantId, errors },
    });
  },

  eventNotFound(tenantId: string, id: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_EVENT_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no outbox event "${id}".`,
      hint: "Check the id against the tenant's dead letters (listDeadEvents).",
      details: { tenantId, eventId: id },
    });
  },

  eventNotDead(tenantId: string, id: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_EVENT_NOT_DEAD',
      kind: 'conflict',
      message: `Outbox event "${id}" of tenant "${tenantId}" is ${status}, not dead; only dead events can be retried.`,
      hint: 'A pending event is retried by the dispatcher on its own, and a delivered one needs no retry.',
      details: { tenantId, eventId: id, status },
    });
  },

  queryInvalid(tenantId: string, errors: FieldError[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_QUERY_INVALID',
      kind: 'invalid',
      message: `The outbox query for tenant "${tenantId}" is invalid:\n${formatFieldErrors(errors)}`,
      hint: 'Give `limit` as a whole number from 1 to 500 and `after` as the id of the last event of the previous page.',
      details: { tenantId, errors },
    });
  },

  optionsInvalid(errors: FieldError[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_OPTIONS_INVALID',
      kind: 'invalid',
      message: `The outbox dispatcher options are invalid:\n${formatFieldErrors(errors)}`,
      hint: 'Use positive whole numbers; the lease must be longer than the subscriber timeout, or no event could be delivered within it.',
      details: { errors },
    });
  },

  subscriberDuplicate(name: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_SUBSCRIBER_DUPLICATE',
      kind: 'internal',
      message: `Two outbox subscribers are named "${name}"; no event was dispatched.`,
      hint: 'Give every subscriber its own stable name (`plugin:<id>`, `core:<what>`): delivered events record it.',
      details: { subscriber: name },
    });
  },

  deliveryTimeout(tenantId: string, subscriber: string, eventId: string, timeoutMs: number): DarchaError {
    return new DarchaError({
      code: 'DARCHA_OUTBOX_DELIVERY_TIMEOUT',
      kind: 'unavailable',
      message: `Subscriber "${subscriber}" did not handle outbox event "${eventId}" of tenant "${tenantId}" within ${timeoutMs} ms.`,
      hint: 'Make the handler faster (hand long work to a job of its own) or raise subscriberTimeoutMs; the event is retried with backoff.',
      details: { tenantId, subscriber, eventId, timeoutMs },
    });
  },
};
