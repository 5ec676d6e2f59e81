import type { Locale } from '../i18n/locales.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import type { Actor } from '../workflow/inquiry/types.js';
import type { OutboxDelivery, OutboxEvent } from '../workflow/outbox/outbox-types.js';
import { sharedInquiries } from '../workflow/outbox/shared-inquiry.js';
import { planForEvent, planForInquiry } from './message-plan.js';
import { MessageRenderer } from './message-renderer.js';
import { checkNotificationAccess } from './notification-access.js';
import type { NotificationDeps } from './notification-deps.js';
import { checkedQuery, listMessages } from './notification-rows.js';
import { setPreferences, settingsOf } from './preferences.js';
import { sendMessage } from './send-message.js';
import { TemplateOverrideStore } from './template-override-store.js';
import type {
  InquiryNotificationSettings,
  NotificationMessage,
  NotificationPage,
  NotificationPreferences,
  NotificationQuery,
  NotificationService,
  NotificationTemplateOverride,
} from './types.js';

/**
 * Notifications on the platform database: renders and sends messages for outbox events
 * ({@link deliver}, called by the `core:notifications` subscriber) and for the workflow effect
 * `core/notify-applicant` ({@link notifyApplicant}), records every message in
 * `notification_messages`, and serves the lists, the applicant's preferences and the tenant's
 * template overrides.
 */
export class PostgresNotificationService implements NotificationService {
  readonly #deps: NotificationDeps;
  readonly #renderer = new MessageRenderer();
  readonly #overrides: TemplateOverrideStore;

  constructor(deps: NotificationDeps) {
    this.#deps = deps;
    this.#overrides = new TemplateOverrideStore(deps.db, this.#renderer);
  }

  /**
   * Sends what an outbox event calls for (see `planForEvent`), once per event and kind; resolves
   * with the message, or `undefined` when the event calls for none. Throws when a channel fails,
   * for the outbox to retry. Within an outbox `delivery`, the inquiry is read once for every
   * subscriber that asks.
   */
  async deliver(event: OutboxEvent, delivery?: OutboxDelivery): Promise<NotificationMessage | undefined> {
    const inquiries = sharedInquiries(this.#deps.inquiries, delivery);
    const plan = await planForEvent({ ...this.#deps, inquiries }, event);
    if (!plan) return undefined;
    return sendMessage(this.#deps, this.#renderer, this.#overrides, event.tenantId, plan);
  }

  /**
   * The effect `core/notify-applicant`: renders the plugin template `template` for the inquiry's
   * applicant with the effect's params and the transition's data, once per effect event (`effectId`).
   */
  async notifyApplicant(input: {
    tenantId: string;
    inquiry: Inquiry;
    effectId: string;
    template: string;
    data: Record<string, unknown>;
  }): Promise<NotificationMessage | undefined> {
    const event = { id: input.effectId, type: 'workflow.effect', tenantId: input.tenantId, payload: {} };
    const plan = await planForInquiry(this.#deps, event, input.inquiry, input.template, input.data);
    if (!plan) return undefined;
    return sendMessage(this.#deps, this.#renderer, this.#overrides, input.tenantId, plan);
  }

  async list(tenantId: string, query: NotificationQuery = {}): Promise<NotificationPage> {
    const checked = checkedQuery(tenantId, query);
    return this.#deps.db.withTenant(tenantId, (trx) => listMessages(trx, tenantId, checked, false));
  }

  async listForInquiry(
    tenantId: string,
    inquiryId: string,
    actor: Actor,
    query: Omit<NotificationQuery, 'inquiryId'> = {},
  ): Promise<NotificationPage> {
    const inquiry = await this.#deps.inquiries.get(tenantId, inquiryId);
    const { asCitizen } = checkNotificationAccess(tenantId, inquiry, actor, 'see');
    const checked = checkedQuery(tenantId, { ...query, inquiryId: inquiry.id });
    return this.#deps.db.withTenant(tenantId, (trx) => listMessages(trx, tenantId, checked, asCitizen));
  }

  async preferences(tenantId: string, inquiryId: string, actor: Actor): Promise<InquiryNotificationSettings> {
    const inquiry = await this.#deps.inquiries.get(tenantId, inquiryId);
    checkNotificationAccess(tenantId, inquiry, actor, 'see');
    return settingsOf(inquiry);
  }

  setPreferences(
    tenantId: string,
    inquiryId: string,
    preferences: NotificationPreferences,
    actor: Actor,
  ): Promise<InquiryNotificationSettings> {
    return setPreferences(this.#deps.db, tenantId, inquiryId, preferences, actor, this.#deps.clock());
  }

  templateOverrides(tenantId: string): Promise<NotificationTemplateOverride[]> {
    return this.#overrides.list(tenantId);
  }

  setTemplateOverride(
    tenantId: string,
    input: { template: string; locale: Locale; subject?: string | null; body: string },
    actor: string,
  ): Promise<NotificationTemplateOverride> {
    return this.#overrides.set(tenantId, input, actor);
  }

  removeTemplateOverride(tenantId: string, template: string, locale: Locale, actor: string): Promise<void> {
    return this.#overrides.remove(tenantId, template, locale, actor);
  }
}
