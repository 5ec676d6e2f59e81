import {
  maskRecipient,
  NOTIFICATION_KINDS,
  NOTIFICATION_STATUSES,
  NOTIFY_CHANNELS,
  type Inquiry,
  type Locale,
  type NotificationKind,
  type NotificationMessage,
  type NotificationPage,
  type NotificationPreferences,
  type NotificationStatus,
  type Principal,
} from '@darcha/core';
import { actorOf, assertVisible } from '../actor-of.js';
import { ADMIN_ACCESS } from '../admin-access.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute, type RouteInput } from '../route-definition.js';
import { dateTime, idParams, locale, text, trackingNumber, uuid } from '../schemas.js';

/** Staff who see every message of the city and change applicants' preferences at the desk. */
const DESK = ['front_office', 'supervisor', 'city_admin'];
/** Staff who see the messages of an inquiry they may see (agency officers too). */
const INQUIRY_READERS = [...DESK, 'back_office'];
const TRACK_PARAMS = objectSchema({ trackingNumber }, ['trackingNumber']);
const TEMPLATE_PARAMS = objectSchema(
  { template: { type: 'string', pattern: '^[a-z][a-z0-9.-]{0,99}$' }, locale },
  ['template', 'locale'],
);

const nullable = (schema: Record<string, unknown>) => ({ anyOf: [schema, { type: 'null' }] });

/** A recorded message, as staff see it. */
const MESSAGE = objectSchema({
  id: uuid,
  eventId: uuid,
  eventType: { type: 'string' },
  inquiryId: nullable(uuid),
  template: { type: 'string' },
  kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
  channelId: { type: 'string' },
  recipient: { type: 'string' },
  locale,
  subject: nullable({ type: 'string' }),
  body: nullable({ type: 'string' }),
  confidential: { type: 'boolean' },
  status: { type: 'string', enum: [...NOTIFICATION_STATUSES] },
  attempts: { type: 'integer' },
  lastError: nullable({ type: 'string' }),
  createdAt: dateTime,
  sentAt: nullable(dateTime),
});

/** A message as its citizen sees it: no channel internals, no confidential body. */
const CITIZEN_MESSAGE = objectSchema({
  id: uuid,
  kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
  recipient: { type: 'string' },
  locale,
  subject: nullable({ type: 'string' }),
  body: nullable({ type: 'string' }),
  status: { type: 'string', enum: [...NOTIFICATION_STATUSES] },
  createdAt: dateTime,
  sentAt: nullable(dateTime),
});

const page = (item: Record<string, unknown>) =>
  objectSchema({
    items: { type: 'array', items: item },
    total: { type: 'integer' },
    limit: { type: 'integer' },
    offset: { type: 'integer' },
  });

const PAGE_QUERY = {
  status: { type: 'string', enum: [...NOTIFICATION_STATUSES] },
  kind: { type: 'string', enum: [...NOTIFICATION_KINDS] },
  limit: { type: 'integer', minimum: 1, maximum: 200 },
  offset: { type: 'integer', minimum: 0 },
};

const SETTINGS = objectSchema({
  inquiryId: uuid,
  locale,
  notifyBy: { type: 'string', enum: [...NOTIFY_CHANNELS] },
  chosen: { type: 'boolean' },
  phone: nullable({ type: 'string' }),
  email: nullable({ type: 'string' }),
});

// An empty body is refused by the service (DARCHA_NOTIFICATION_PREFERENCES_INVALID), after the
// inquiry was found, so that another city's inquiry answers 404 whatever the body.
const PREFERENCES_BODY = objectSchema({ locale, notifyBy: { type: 'string', enum: [...NOTIFY_CHANNELS] } });

const OVERRIDE = objectSchema({
  template: { type: 'string' },
  locale,
  subject: nullable({ type: 'string' }),
  body: { type: 'string' },
  updatedBy: { type: 'string' },
  updatedAt: dateTime,
});

interface PageQuery {
  status?: NotificationStatus;
  kind?: NotificationKind;
  limit?: number;
  offset?: number;
}

type IdInput = Pick<
  RouteInput<{ id: string }, unknown, unknown>,
  'platform' | 'tenantId' | 'params' | 'principal'
>;

/** The inquiry of a staff route, if the caller may see it at all (else it does not exist for them). */
async function staffInquiry({ platform, tenantId, params, principal }: IdInput): Promise<Inquiry> {
  const inquiry = await platform.engine.get(tenantId, params.id);
  assertVisible(principal, inquiry, tenantId);
  return inquiry;
}

/** The citizen's inquiry (proved with the receipt's code by the policy). */
function citizenInquiryId(principal: Principal | undefined): string {
  const id = principal?.kind === 'citizen' ? principal.inquiryIds[0] : undefined;
  if (id === undefined) throw new Error('citizen route reached without a citizen principal');
  return id;
}

function citizenMessage(message: NotificationMessage) {
  return {
    id: message.id,
    kind: message.kind,
    // Whoever holds the receipt slip reads this: the address is shown masked, as in the preferences.
    recipient: maskRecipient(message.recipient),
    locale: message.locale,
    subject: message.subject,
    body: message.confidential ? null : message.body,
    status: message.status,
    createdAt: message.createdAt,
    sentAt: message.sentAt,
  };
}

function citizenPage(result: NotificationPage) {
  return { ...result, items: result.items.map(citizenMessage) };
}

export const notificationRoutes: AnyRoute[] = [
  defineRoute<Record<string, string>, PageQuery & { inquiryId?: string }>({
    method: 'get',
    path: '/notifications',
    operationId: 'listNotifications',
    summary: 'List the messages sent to citizens',
    description:
      'Every SMS and email the city sent or recorded, newest first. `status`: `recorded` (no provider installed: ' +
      'kept by the built-in database channel), `sent` (handed to a channel plugin), `failed` (the outbox retries), ' +
      '`pending` (being sent). Filters: inquiryId, status, kind; paged with limit (1-200, default 50) and offset.',
    tag: 'Notifications',
    scope: 'tenant',
    access: { staff: DESK, platform: true },
    schemas: {
      query: objectSchema({ inquiryId: uuid, ...PAGE_QUERY }),
      responses: { 200: { description: 'A page of messages.', schema: page(MESSAGE) } },
    },
    async handler({ platform, tenantId, query }) {
      return { body: await platform.notifications.list(tenantId, query) };
    },
  }),

  defineRoute<{ id: string }, PageQuery>({
    method: 'get',
    path: '/inquiries/:id/notifications',
    operationId: 'inquiryNotifications',
    summary: 'List the messages sent about an inquiry',
    tag: 'Notifications',
    scope: 'tenant',
    access: { staff: INQUIRY_READERS, platform: true },
    schemas: {
      params: idParams,
      query: objectSchema(PAGE_QUERY),
      responses: { 200: { description: 'A page of messages, newest first.', schema: page(MESSAGE) } },
    },
    async handler(input) {
      const inquiry = await staffInquiry(input);
      const { platform, tenantId, principal, query } = input;
      return {
        body: await platform.notifications.listForInquiry(tenantId, inquiry.id, actorOf(principal), query),
      };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/notification-preferences',
    operationId: 'inquiryNotificationPreferences',
    summary: 'Read how the applicant of an inquiry is notified',
    tag: 'Notifications',
    scope: 'tenant',
    access: { staff: INQUIRY_READERS, platform: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'Locale and channel; phone and email masked.', schema: SETTINGS } },
    },
    async handler(input) {
      const inquiry = await staffInquiry(input);
      const { platform, tenantId, principal } = input;
      return { body: await platform.notifications.preferences(tenantId, inquiry.id, actorOf(principal)) };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, NotificationPreferences>({
    method: 'put',
    path: '/inquiries/:id/notification-preferences',
    operationId: 'setInquiryNotificationPreferences',
    summary: 'Change how the applicant of an inquiry is notified',
    description:
      'At the desk, for the applicant: `locale` (the messages’ and the public history’s language) and/or ' +
      '`notifyBy` (`sms` needs a phone on the application, `email` an address; `none` stops messages). Audited.',
    tag: 'Notifications',
    scope: 'tenant',
    access: { staff: DESK, platform: true },
    schemas: {
      params: idParams,
      body: PREFERENCES_BODY,
      responses: { 200: { description: 'The settings now.', schema: SETTINGS } },
    },
    async handler(input) {
      const inquiry = await staffInquiry(input);
      const { platform, tenantId, principal, body } = input;
      return {
        body: await platform.notifications.setPreferences(tenantId, inquiry.id, body, actorOf(principal)),
      };
    },
  }),

  defineRoute<{ trackingNumber: string }, PageQuery>({
    method: 'get',
    path: '/track/:trackingNumber/notifications',
    operationId: 'citizenNotifications',
    summary: 'List the messages sent to the citizen about their inquiry',
    description:
      'The tracking number in the path and the receipt’s access code in X-Access-Code. Sign-in codes are listed without their text.',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: TRACK_PARAMS,
      query: objectSchema(PAGE_QUERY),
      responses: { 200: { description: 'A page of messages, newest first.', schema: page(CITIZEN_MESSAGE) } },
    },
    async handler({ platform, tenantId, principal, query }) {
      const id = citizenInquiryId(principal);
      return {
        body: citizenPage(
          await platform.notifications.listForInquiry(tenantId, id, actorOf(principal), query),
        ),
      };
    },
  }),

  defineRoute<{ trackingNumber: string }>({
    method: 'get',
    path: '/track/:trackingNumber/notification-preferences',
    operationId: 'citizenNotificationPreferences',
    summary: 'Read how the citizen is notified about their inquiry',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: TRACK_PARAMS,
      responses: { 200: { description: 'Locale and channel; phone and email masked.', schema: SETTINGS } },
    },
    async handler({ platform, tenantId, principal }) {
      const id = citizenInquiryId(principal);
      return { body: await platform.notifications.preferences(tenantId, id, actorOf(principal)) };
    },
  }),

  defineRoute<{ trackingNumber: string }, Record<string, unknown>, NotificationPreferences>({
    method: 'put',
    path: '/track/:trackingNumber/notification-preferences',
    operationId: 'setCitizenNotificationPreferences',
    summary: 'Choose the language and the channel of the citizen’s messages',
    description:
      'The tracking number in the path and the receipt’s access code in X-Access-Code. `locale` and/or `notifyBy` ' +
      '(`sms`, `email` when the application has an address, or `none`). Audited.',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    rateLimit: 'public-write',
    schemas: {
      params: TRACK_PARAMS,
      body: PREFERENCES_BODY,
      responses: { 200: { description: 'The settings now.', schema: SETTINGS } },
    },
    async handler({ platform, tenantId, principal, body }) {
      const id = citizenInquiryId(principal);
      return { body: await platform.notifications.setPreferences(tenantId, id, body, actorOf(principal)) };
    },
  }),

  defineRoute({
    method: 'get',
    path: '/notification-templates',
    operationId: 'listNotificationTemplateOverrides',
    summary: 'List the city’s own texts of core message templates',
    tag: 'Notifications',
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      responses: {
        200: {
          description: 'The overrides, by template and locale.',
          schema: objectSchema({ items: { type: 'array', items: OVERRIDE } }),
        },
      },
    },
    async handler({ platform, tenantId }) {
      return { body: { items: await platform.notifications.templateOverrides(tenantId) } };
    },
  }),

  defineRoute<
    { template: string; locale: Locale },
    Record<string, unknown>,
    { subject?: string | null; body: string }
  >({
    method: 'put',
    path: '/notification-templates/:template/:locale',
    operationId: 'setNotificationTemplateOverride',
    summary: 'Set the city’s own text of a core message template',
    description:
      'Replaces core’s text of one template (`inquiry.filed`, `inquiry.rejected`, `invoice.issued`, `phone-code` ...) in ' +
      'one locale for this city. Plain text with fields such as {{trackingNumber}}; checked by rendering sample data. Audited.',
    tag: 'Notifications',
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    schemas: {
      params: TEMPLATE_PARAMS,
      body: objectSchema({ subject: nullable(text(300)), body: text(5000) }, ['body']),
      responses: { 200: { description: 'The override as saved.', schema: OVERRIDE } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      const saved = await platform.notifications.setTemplateOverride(
        tenantId,
        { template: params.template, locale: params.locale, subject: body.subject ?? null, body: body.body },
        actorOf(principal).id,
      );
      return { body: saved };
    },
  }),

  defineRoute<{ template: string; locale: Locale }>({
    method: 'delete',
    path: '/notification-templates/:template/:locale',
    operationId: 'removeNotificationTemplateOverride',
    summary: 'Go back to core’s text of a message template',
    tag: 'Notifications',
    scope: 'tenant',
    access: ADMIN_ACCESS.cityAdmin,
    bodyType: 'none',
    schemas: {
      params: TEMPLATE_PARAMS,
      responses: { 204: { description: 'Removed.' } },
    },
    async handler({ platform, tenantId, principal, params }) {
      await platform.notifications.removeTemplateOverride(
        tenantId,
        params.template,
        params.locale,
        actorOf(principal).id,
      );
      return { status: 204 };
    },
  }),
];
