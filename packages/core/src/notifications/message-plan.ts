import { isLocale, type Locale } from '../i18n/locales.js';
import { PHONE_CODE_TEMPLATE } from '../identity/phone-challenges.js';
import type { PublicStatus } from '../workflow/definition/types.js';
import type { Inquiry } from '../workflow/inquiry/types.js';
import type { OutboxEvent } from '../workflow/outbox/outbox-types.js';
import type { CoreTemplateKey } from './core-templates.js';
import { inquiryFields, plainFields, type MessageFields } from './message-context.js';
import type { NotificationDeps } from './notification-deps.js';
import { recipientOf, type Recipient } from './recipient.js';

/** One message to render and send for an event. */
export interface MessagePlan {
  eventId: string;
  eventType: string;
  inquiryId: string | null;
  /** A core template key, or a plugin's `<plugin-id>/<name>`. */
  template: string;
  recipient: Recipient;
  locale: Locale;
  fields: MessageFields;
  /** More fields for plugin templates (the effect's params and the transition's data). */
  extra: Record<string, unknown>;
  /** The body holds a secret (a sign-in code). */
  confidential: boolean;
}

/** The events the notifications subscriber reads. */
export const NOTIFIED_EVENTS = [
  'inquiry.filed',
  'inquiry.transitioned',
  'invoice.issued',
  'payment.received',
  'payment.refunded',
  'document.issued',
  'notification.requested',
] as const;

/** The template of each public status a citizen is told about. */
const STATUS_TEMPLATES: Record<PublicStatus, CoreTemplateKey> = {
  submitted: 'inquiry.status-changed',
  in_progress: 'inquiry.status-changed',
  action_required: 'inquiry.action-required',
  ready: 'inquiry.ready',
  completed: 'inquiry.completed',
  rejected: 'inquiry.rejected',
};

const NOTIFY_APPLICANT = 'core/notify-applicant';

/**
 * What to send for an outbox event, or `undefined` for nothing:
 * - `inquiry.filed`: `inquiry.filed` (not for the parts of a composite application: the
 *   application itself is announced once);
 * - `inquiry.transitioned`: only transitions the citizen sees (`public: true` in the workflow), by
 *   the public status reached: `action_required`, `ready`, `completed`, `rejected` have their own
 *   template, other statuses `inquiry.status-changed`; a transition that runs
 *   `core/notify-applicant` sends that message instead;
 * - `invoice.issued`, `payment.received`, `payment.refunded`, `document.issued`: the template of
 *   that name, when the event names an inquiry;
 * - `notification.requested` (a sign-in code): by SMS to the phone in the payload, whatever the
 *   applicant chose.
 * An applicant who chose `none`, or has neither phone nor email, gets nothing.
 */
export async function planForEvent(
  deps: NotificationDeps,
  event: OutboxEvent,
): Promise<MessagePlan | undefined> {
  if (event.type === 'notification.requested') return planForCode(deps, event);
  const inquiryId = inquiryIdOf(event);
  if (!inquiryId) return undefined;
  // A transition the citizen does not see calls for no message: settled without reading the inquiry.
  if (event.type === 'inquiry.transitioned' && !statusTemplate(event.payload)) return undefined;
  const inquiry = await deps.inquiries.get(event.tenantId, inquiryId);
  let template: string;
  if (event.type === 'inquiry.filed') {
    if (inquiry.parentId !== null) return undefined;
    template = 'inquiry.filed';
  } else if (event.type === 'inquiry.transitioned') {
    const chosen = await transitionTemplate(deps, inquiry, event.payload);
    if (!chosen) return undefined;
    template = chosen;
  } else if ((NOTIFIED_EVENTS as readonly string[]).includes(event.type)) {
    template = event.type;
  } else {
    return undefined;
  }
  return planForInquiry(deps, event, inquiry, template, {});
}

/**
 * The plan of a message about `inquiry` to its applicant, or `undefined` when the applicant gets
 * none. Used for events and for the `core/notify-applicant` effect.
 */
export async function planForInquiry(
  deps: NotificationDeps,
  event: Pick<OutboxEvent, 'id' | 'type' | 'tenantId' | 'payload'>,
  inquiry: Inquiry,
  template: string,
  extra: Record<string, unknown>,
): Promise<MessagePlan | undefined> {
  const recipient = recipientOf(inquiry.applicant);
  if (!recipient) return undefined;
  const locale = isLocale(inquiry.applicant.locale) ? inquiry.applicant.locale : inquiry.locale;
  const [tenant, service] = await Promise.all([
    deps.tenants.find(event.tenantId),
    deps.services.get(inquiry.serviceCode, inquiry.serviceVersion).catch(() => undefined),
  ]);
  return {
    eventId: event.id,
    eventType: event.type,
    inquiryId: inquiry.id,
    template,
    recipient,
    locale,
    fields: inquiryFields({
      inquiry,
      locale,
      serviceNames: service?.names,
      cityNames: tenant?.names,
      payload: event.payload,
    }),
    extra,
    confidential: false,
  };
}

async function planForCode(deps: NotificationDeps, event: OutboxEvent): Promise<MessagePlan | undefined> {
  const payload = event.payload;
  const to = typeof payload['to'] === 'string' ? payload['to'] : undefined;
  if (!to) return undefined;
  const data = isRecord(payload['data']) ? payload['data'] : {};
  const tenant = await deps.tenants.find(event.tenantId);
  const locale = isLocale(payload['locale']) ? payload['locale'] : (tenant?.defaultLocale ?? 'uz-Latn');
  const template = typeof payload['template'] === 'string' ? payload['template'] : PHONE_CODE_TEMPLATE;
  const fields = plainFields(tenant?.names, locale, event.tenantId);
  if (typeof data['code'] === 'string') fields.code = data['code'];
  return {
    eventId: event.id,
    eventType: event.type,
    inquiryId: null,
    template,
    recipient: { kind: 'sms', to },
    locale,
    fields,
    extra: data,
    confidential: template === PHONE_CODE_TEMPLATE || 'code' in data,
  };
}

async function transitionTemplate(
  deps: NotificationDeps,
  inquiry: Inquiry,
  payload: Record<string, unknown>,
): Promise<string | undefined> {
  const template = statusTemplate(payload);
  if (!template) return undefined;
  if (deps.workflows && typeof payload['from'] === 'string' && typeof payload['action'] === 'string') {
    const workflow = await deps.workflows.fetch(inquiry.workflowKey, inquiry.workflowVersion);
    const transition = workflow.transition(payload['from'], payload['action']);
    const ownMessage = (transition?.effects ?? []).some(
      (effect) => (typeof effect === 'string' ? effect : effect.name) === NOTIFY_APPLICANT,
    );
    if (ownMessage) return undefined;
  }
  return template;
}

/** The template of a transition the citizen sees (`public`), by the public status it reached. */
function statusTemplate(payload: Record<string, unknown>): CoreTemplateKey | undefined {
  if (payload['public'] !== true) return undefined;
  const status = payload['publicStatus'];
  return typeof status === 'string' && Object.hasOwn(STATUS_TEMPLATES, status)
    ? STATUS_TEMPLATES[status as PublicStatus]
    : undefined;
}

function inquiryIdOf(event: OutboxEvent): string | undefined {
  const fromPayload = event.payload['inquiryId'];
  if (typeof fromPayload === 'string') return fromPayload;
  return event.inquiryId ?? undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
