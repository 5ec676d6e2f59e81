import { DarchaError } from '../errors/darcha-error.js';

/** Errors of notification messages, their templates, channels and the applicant's preferences. */
export const notificationErrors = {
  /** A message template does not compile or render. */
  templateInvalid(key: string, locale: string, from: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_TEMPLATE_INVALID',
      kind: 'invalid',
      message: `Message template "${key}" (${locale}) from ${from} cannot be rendered: ${problem}.`,
      hint:
        'Fix the template: plain text with Handlebars fields such as {{trackingNumber}}, {{service}}, ' +
        '{{status}}, {{city}}, {{amount}}, {{serial}}; only #if, #unless, #each and #with blocks; at most 5000 characters.',
      details: { key, locale, from, problem },
    });
  },

  /** A `core/notify-applicant` effect names a template no active plugin provides. */
  templateMissing(tenantId: string, key: string, locale: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_TEMPLATE_MISSING',
      kind: 'unavailable',
      message: `Tenant "${tenantId}" cannot notify the applicant: no active plugin provides message template "${key}" in ${locale} or in any other locale.`,
      hint: 'Start the plugin that contributes the template (its `templates` must hold the key), or correct the template name in the workflow; the outbox retries the event.',
      details: { tenantId, key, locale },
    });
  },

  /** A tenant override names a template core does not have. */
  templateUnknown(tenantId: string, key: string, known: readonly string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_TEMPLATE_UNKNOWN',
      kind: 'invalid',
      message: `Tenant "${tenantId}" cannot override message template "${key}": core has no template of that name.`,
      hint: `Use one of ${known.join(', ')}. Plugin templates (<plugin-id>/<name>) are changed in their plugin.`,
      details: { tenantId, key },
    });
  },

  /** The tenant has no override of that template and locale. */
  overrideNotFound(tenantId: string, key: string, locale: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_OVERRIDE_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no own text for message template "${key}" in ${locale}.`,
      hint: 'List the overrides (GET /notification-templates) to see which templates and locales the city changed.',
      details: { tenantId, key, locale },
    });
  },

  /** The applicant's new locale or channel cannot be used. */
  preferencesInvalid(tenantId: string, inquiryId: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_PREFERENCES_INVALID',
      kind: 'invalid',
      message: `The notification preferences of inquiry ${inquiryId} in tenant "${tenantId}" were refused: ${problem}.`,
      hint:
        "Send `locale` (uz-Latn, uz-Cyrl, ru or en) and/or `notifyBy` (sms, email or none); 'sms' needs a phone " +
        "and 'email' an email address on the application (desk staff can add them).",
      details: { tenantId, inquiryId, problem },
    });
  },

  /** The actor may not see or change the notifications of this inquiry. */
  forbidden(tenantId: string, inquiryId: string, actorId: string, what: 'see' | 'change'): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_FORBIDDEN',
      kind: 'forbidden',
      message: `"${actorId}" may not ${what} the notifications of inquiry ${inquiryId} in tenant "${tenantId}".`,
      hint:
        what === 'change'
          ? 'The citizen who filed the inquiry can change how they are notified, or front_office, supervisor or city_admin staff at the desk.'
          : 'The citizen who filed the inquiry sees its messages, and so do front_office, back_office (of its agency), supervisor and city_admin staff.',
      details: { tenantId, inquiryId, actorId },
    });
  },

  /** A filter of a message list is not valid. */
  queryInvalid(tenantId: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_QUERY_INVALID',
      kind: 'invalid',
      message: `The notification list of tenant "${tenantId}" cannot be read: ${problem}.`,
      hint: 'Filter by inquiryId (a uuid), status (pending, recorded, sent, failed) and kind (sms, email); limit 1 to 200, offset 0 or more.',
      details: { tenantId, problem },
    });
  },

  /** A channel plugin threw while sending; the outbox retries the event with backoff. */
  channelFailed(tenantId: string, channelId: string, messageId: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_CHANNEL_FAILED',
      kind: 'unavailable',
      message: `Channel "${channelId}" of tenant "${tenantId}" failed to send message ${messageId}: ${problem}.`,
      hint: "Check the provider's status and the plugin's settings; the outbox retries with backoff, and once the event is dead an admin can retry it from the outbox admin.",
      details: { tenantId, channelId, messageId, problem },
    });
  },

  /** A `core/notify-applicant` effect event lacks its template or its event id. */
  effectInvalid(tenantId: string, inquiryId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_EFFECT_INVALID',
      kind: 'internal',
      message: `The core/notify-applicant effect on inquiry ${inquiryId} (tenant "${tenantId}") names no template, or came without its outbox event id.`,
      hint: 'Give the effect a template in the workflow definition ({ name: "core/notify-applicant", template: "<plugin-id>/<name>" }) and publish a new version; the event itself ends as a dead letter.',
      details: { tenantId, inquiryId },
    });
  },

  /** Another delivery of the same event is sending the message right now. */
  sendInProgress(tenantId: string, messageId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_NOTIFICATION_SEND_IN_PROGRESS',
      kind: 'unavailable',
      message: `Message ${messageId} of tenant "${tenantId}" is being sent by another delivery of its event.`,
      hint: 'Nothing to do: the outbox retries the event, and the retry finds the message sent (or takes it over after a minute if that delivery died).',
      details: { tenantId, messageId },
    });
  },
};
