import type { EffectFunction } from '../plugins/contributions.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import type { OutboxSubscriber } from '../workflow/outbox/outbox-types.js';
import { NOTIFIED_EVENTS } from './message-plan.js';
import { notificationErrors } from './notifications.errors.js';
import type { PostgresNotificationService } from './postgres-notification-service.js';

/** The subscriber name stored in `delivered_to`. */
export const NOTIFICATIONS_SUBSCRIBER = 'core:notifications';
/** The name workflow definitions give the effect. */
export const NOTIFY_APPLICANT_EFFECT = 'core/notify-applicant';

/**
 * The outbox subscriber `core:notifications`: hands `inquiry.filed`, `inquiry.transitioned`,
 * `invoice.issued`, `payment.received`, `payment.refunded`, `document.issued` and
 * `notification.requested` to the notification service. A channel failure throws, so the outbox
 * retries the event with backoff; the message is sent once whatever the number of deliveries.
 */
export function notificationsSubscriber(
  notifications: Pick<PostgresNotificationService, 'deliver'>,
): OutboxSubscriber {
  return {
    name: NOTIFICATIONS_SUBSCRIBER,
    handles: (type) => (NOTIFIED_EVENTS as readonly string[]).includes(type),
    async deliver(event, delivery) {
      await notifications.deliver(event, delivery);
    },
  };
}

/**
 * The workflow effect `core/notify-applicant`: sends the applicant the plugin template named in the
 * transition (`template`), with the effect's `params` and the transition's data as extra fields.
 * Idempotent by the effect's outbox event id.
 */
export function notifyApplicantEffect(
  notifications: Pick<PostgresNotificationService, 'notifyApplicant'>,
): EffectFunction {
  return async ({ tenantId, inquiry, data }) => {
    const { effectId, template, params, action, version, ...transitionData } = (data ?? {}) as {
      effectId?: unknown;
      template?: unknown;
      params?: unknown;
      action?: unknown;
      version?: unknown;
      [key: string]: unknown;
    };
    void action;
    void version;
    if (typeof effectId !== 'string' || typeof template !== 'string') {
      throw notificationErrors.effectInvalid(tenantId, (inquiry as Inquiry).id);
    }
    await notifications.notifyApplicant({
      tenantId,
      inquiry: inquiry as Inquiry,
      effectId,
      template,
      data: { ...transitionData, ...(isRecord(params) ? params : {}) },
    });
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
