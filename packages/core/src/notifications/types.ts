import type { Locale } from '../i18n/locales.js';
import type { Actor, NotifyChannel } from '../workflow/inquiry/types.js';

/**
 * Notifications: messages to citizens about their inquiries (filed, a public status change, an
 * invoice, a payment, a document) and sign-in codes to their phones. Each message is rendered from
 * a template per event and locale, sent through a channel plugin of its kind (`sms`, `email`) or,
 * when the tenant has none, kept by the built-in `database` channel, and recorded in
 * `notification_messages` whatever the channel.
 */

/** How a message reaches the citizen. */
export const NOTIFICATION_KINDS = ['sms', 'email'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/**
 * Where a message is: being sent (`pending`), handed to a channel plugin (`sent`), kept by the
 * built-in database channel because no provider is installed (`recorded`), or failed and waiting
 * for the outbox to retry it (`failed`).
 */
export const NOTIFICATION_STATUSES = ['pending', 'recorded', 'sent', 'failed'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** The id of the built-in channel that only records messages. */
export const DATABASE_CHANNEL_ID = 'database';

/** One message as recorded. */
export interface NotificationMessage {
  id: string;
  /** The outbox event the message was made for (one message per event and kind). */
  eventId: string;
  eventType: string;
  inquiryId: string | null;
  /** The template it was rendered from: `inquiry.filed`, `agency-gas/certificate-ready` ... */
  template: string;
  kind: NotificationKind;
  /** The channel plugin's id, or `database` for the built-in channel. */
  channelId: string;
  /** A phone number (`+998...`) or an email address. */
  recipient: string;
  locale: Locale;
  subject: string | null;
  /** The text; `null` when the reader may not see it (a sign-in code shown to the citizen). */
  body: string | null;
  /** The body holds a secret (a sign-in code); never shown to citizens. */
  confidential: boolean;
  status: NotificationStatus;
  /** Send attempts so far (a `recorded` message has 1). */
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

/** Filters of a message list; newest first. */
export interface NotificationQuery {
  inquiryId?: string;
  status?: NotificationStatus;
  kind?: NotificationKind;
  /** 1 to 200, default 50. */
  limit?: number;
  offset?: number;
}

/** A page of messages. */
export interface NotificationPage {
  items: NotificationMessage[];
  total: number;
  limit: number;
  offset: number;
}

/** What a citizen (or desk staff for them) may change about how they hear of an inquiry. */
export interface NotificationPreferences {
  locale?: Locale;
  notifyBy?: NotifyChannel;
}

/** The applicant's notification settings of one inquiry, as they are now. */
export interface InquiryNotificationSettings {
  inquiryId: string;
  locale: Locale;
  /** What the applicant chose, or the default (`sms` with a phone, else `email`, else `none`). */
  notifyBy: NotifyChannel;
  /** Whether `notifyBy` is the applicant's own choice rather than the default. */
  chosen: boolean;
  /** Masked: `+99890*****67`, `a***@example.uz`. */
  phone: string | null;
  email: string | null;
}

/** A tenant's own text for a core template in one locale. */
export interface NotificationTemplateOverride {
  template: string;
  locale: Locale;
  /** Email subject; SMS ignore it. */
  subject: string | null;
  body: string;
  updatedBy: string;
  updatedAt: Date;
}

/**
 * The notifications module as the server and the CLI use it.
 *
 * @example
 * const page = await platform.notifications.list('chirchik', { inquiryId, status: 'failed' });
 * await platform.notifications.setPreferences('chirchik', inquiryId, { notifyBy: 'email' }, actor);
 */
export interface NotificationService {
  /** Messages of the tenant, newest first, with filters (staff). */
  list(tenantId: string, query?: NotificationQuery): Promise<NotificationPage>;
  /**
   * Messages about one inquiry, newest first. With a citizen actor, confidential bodies are
   * withheld; the actor must be allowed to see the inquiry (`DARCHA_INQUIRY_NOT_FOUND` otherwise).
   */
  listForInquiry(
    tenantId: string,
    inquiryId: string,
    actor: Actor,
    query?: Omit<NotificationQuery, 'inquiryId'>,
  ): Promise<NotificationPage>;
  /** The applicant's locale and channel of one inquiry. */
  preferences(tenantId: string, inquiryId: string, actor: Actor): Promise<InquiryNotificationSettings>;
  /** Changes the applicant's locale and channel (the citizen who owns the inquiry, or desk staff); audited. */
  setPreferences(
    tenantId: string,
    inquiryId: string,
    preferences: NotificationPreferences,
    actor: Actor,
  ): Promise<InquiryNotificationSettings>;
  /** Core templates with the tenant's overrides. */
  templateOverrides(tenantId: string): Promise<NotificationTemplateOverride[]>;
  /** Sets the tenant's text of a core template in one locale (checked by rendering sample data); audited. */
  setTemplateOverride(
    tenantId: string,
    input: { template: string; locale: Locale; subject?: string | null; body: string },
    actor: string,
  ): Promise<NotificationTemplateOverride>;
  /** Goes back to core's text; audited. */
  removeTemplateOverride(tenantId: string, template: string, locale: Locale, actor: string): Promise<void>;
}
