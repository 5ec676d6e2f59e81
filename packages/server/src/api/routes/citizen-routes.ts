import { DarchaError, type FileInquiryInput, type Inquiry, type Principal } from '@darcha/core';
import { actorOf } from '../actor-of.js';
import { etagOf, expectedVersionOf, idempotencyKeyOf } from '../if-match.js';
import { ALLOWED_ACTION, FILE_BODY, TRANSITION_BODY } from '../inquiry-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute, type RouteInput } from '../route-definition.js';
import {
  dateTime,
  idempotencyHeader,
  locale,
  publicStatus,
  trackingNumber,
  uuid,
  versionHeader,
} from '../schemas.js';
import { ATTACHMENT, UPLOAD_BODY, uploadAttachment } from './attachment-routes.js';

const TRACK_PARAMS = objectSchema({ trackingNumber }, ['trackingNumber']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const PHONE = { type: 'string', pattern: '^\\+998[0-9]{9}$' };

/** What a citizen sees of their inquiry: no internal states, staff names or other people’s data. */
const CITIZEN_VIEW = {
  type: 'object',
  properties: {
    trackingNumber: { type: 'string' },
    serviceCode: { type: 'string' },
    publicStatus,
    filedAt: dateTime,
    dueAt: { anyOf: [dateTime, { type: 'null' }] },
    closedAt: { anyOf: [dateTime, { type: 'null' }] },
    version: { type: 'integer' },
    history: { type: 'array', items: { type: 'object' } },
  },
};

type TrackInput = RouteInput<{ trackingNumber: string }, { locale?: string }, unknown>;

/** The inquiry the receipt proved (the policy has checked the code against the tracking number). */
async function receiptInquiry({ platform, tenantId, principal }: TrackInput): Promise<Inquiry> {
  const id = principal?.kind === 'citizen' ? principal.inquiryIds[0] : undefined;
  if (id === undefined) throw new Error('citizen route reached without a citizen principal');
  return platform.engine.get(tenantId, id);
}

function citizenView(inquiry: Inquiry) {
  return {
    trackingNumber: inquiry.trackingNumber,
    serviceCode: inquiry.serviceCode,
    kind: inquiry.kind,
    publicStatus: inquiry.publicStatus,
    filedAt: inquiry.filedAt,
    dueAt: inquiry.dueAt,
    closedAt: inquiry.closedAt,
    version: inquiry.version,
  };
}

function phoneNotConfirmed(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_AUTH_PHONE_NOT_CONFIRMED',
    kind: 'forbidden',
    message: 'Online applications need the applicant’s phone confirmed with a one-time code first.',
    hint: 'POST /api/v1/phone-challenges with the phone, confirm the code sent to it, then send the challenge id as X-Phone-Challenge.',
  });
}

export const citizenRoutes: AnyRoute[] = [
  defineRoute<{ trackingNumber: string }, { locale?: string }>({
    method: 'get',
    path: '/track/:trackingNumber',
    operationId: 'trackInquiry',
    summary: 'Track an inquiry with its receipt',
    description:
      'The tracking number in the path and the receipt’s access code in X-Access-Code; the public history in the citizen’s locale.',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: TRACK_PARAMS,
      query: objectSchema({ locale }),
      responses: { 200: { description: 'The inquiry as the citizen sees it.', schema: CITIZEN_VIEW } },
    },
    async handler(input) {
      const inquiry = await receiptInquiry(input);
      const history = await input.platform.engine.publicHistory(
        input.tenantId,
        inquiry.id,
        (input.query.locale as Inquiry['locale'] | undefined) ?? inquiry.locale,
      );
      return { headers: { ETag: etagOf(inquiry.version) }, body: { ...citizenView(inquiry), history } };
    },
  }),

  defineRoute<{ trackingNumber: string }>({
    method: 'get',
    path: '/track/:trackingNumber/actions',
    operationId: 'citizenActions',
    summary: 'List what the citizen may do now (answer a request, appeal ...)',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: TRACK_PARAMS,
      responses: {
        200: {
          description: 'Allowed actions.',
          schema: {
            type: 'object',
            properties: { version: { type: 'integer' }, items: { type: 'array', items: ALLOWED_ACTION } },
          },
        },
      },
    },
    async handler(input) {
      const inquiry = await receiptInquiry(input as TrackInput);
      const items = await input.platform.engine.allowedActions(
        input.tenantId,
        inquiry,
        actorOf(input.principal),
      );
      return { headers: { ETag: etagOf(inquiry.version) }, body: { version: inquiry.version, items } };
    },
  }),

  defineRoute<
    { trackingNumber: string },
    Record<string, unknown>,
    { action: string; comment?: string; documents?: string[]; data?: Record<string, unknown> }
  >({
    method: 'post',
    path: '/track/:trackingNumber/transitions',
    operationId: 'citizenTransition',
    summary: 'Take a citizen’s action (answer a request, appeal a rejection)',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    rateLimit: 'public-write',
    schemas: {
      params: TRACK_PARAMS,
      body: TRANSITION_BODY,
      headers: { ...versionHeader, ...idempotencyHeader },
      responses: {
        200: { description: 'The inquiry after the action.', schema: CITIZEN_VIEW },
        409: { description: 'Stale version.' },
      },
    },
    async handler(input) {
      const expectedVersion = expectedVersionOf(input.req);
      const inquiry = await receiptInquiry(input as TrackInput);
      const idempotencyKey = idempotencyKeyOf(input.req);
      const result = await input.platform.engine.transition(
        input.tenantId,
        inquiry.id,
        { ...input.body, expectedVersion },
        actorOf(input.principal),
        idempotencyKey ? { idempotencyKey } : {},
      );
      if (!result.replayed)
        input.metrics?.inquiriesTransitioned.inc({ tenant: input.tenantId, action: input.body.action });
      return { headers: { ETag: etagOf(result.inquiry.version) }, body: citizenView(result.inquiry) };
    },
  }),

  defineRoute<{ trackingNumber: string }>({
    method: 'post',
    path: '/track/:trackingNumber/attachments',
    operationId: 'citizenUpload',
    summary: 'Send a document the agency asked for',
    tag: 'Citizens',
    scope: 'tenant',
    access: { citizen: true },
    bodyType: 'multipart',
    rateLimit: 'public-write',
    schemas: {
      params: TRACK_PARAMS,
      body: UPLOAD_BODY,
      responses: { 201: { description: 'Stored.', schema: ATTACHMENT } },
    },
    async handler(input) {
      const inquiry = await receiptInquiry(input as TrackInput);
      const attachment = await uploadAttachment(
        input.platform,
        input.tenantId,
        inquiry,
        input.req,
        input.principal,
      );
      return { status: 201, body: attachment };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, { phone: string }>({
    method: 'post',
    path: '/phone-challenges',
    operationId: 'startPhoneChallenge',
    summary: 'Send a one-time code to a phone',
    tag: 'Citizens',
    scope: 'tenant',
    access: { anyone: true },
    rateLimit: 'public-write',
    schemas: {
      body: objectSchema({ phone: PHONE }, ['phone']),
      responses: {
        201: {
          description: 'Sent; confirm it within 10 minutes.',
          schema: { type: 'object', properties: { id: uuid, phone: PHONE, expiresAt: dateTime } },
        },
      },
    },
    async handler({ platform, tenantId, body }) {
      return { status: 201, body: await platform.identity.startPhoneChallenge(tenantId, body.phone) };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { code: string }>({
    method: 'post',
    path: '/phone-challenges/:id/confirmation',
    operationId: 'confirmPhoneChallenge',
    summary: 'Confirm a phone with the code it received',
    tag: 'Citizens',
    scope: 'tenant',
    access: { anyone: true },
    rateLimit: 'public-write',
    schemas: {
      params: objectSchema({ id: uuid }, ['id']),
      body: objectSchema({ code: { type: 'string', pattern: '^[0-9]{6}$' } }, ['code']),
      responses: {
        200: {
          description: 'Confirmed.',
          schema: { type: 'object', properties: { confirmed: { type: 'boolean' } } },
        },
      },
    },
    async handler({ platform, tenantId, params, body }) {
      const confirmed = await platform.identity.confirmPhoneChallenge(tenantId, params.id, body.code);
      if (!confirmed) {
        throw new DarchaError({
          code: 'DARCHA_AUTH_PHONE_CODE_WRONG',
          kind: 'invalid',
          message: 'The code is wrong or has expired.',
          hint: 'Type the 6 digits of the latest message; after 5 wrong tries or 10 minutes ask for a new code.',
        });
      }
      return { body: { confirmed: true } };
    },
  }),

  defineRoute<Record<string, string>, Record<string, unknown>, Omit<FileInquiryInput, 'channel'>>({
    method: 'post',
    path: '/applications',
    operationId: 'applyOnline',
    summary: 'Apply online',
    description:
      'A citizen files an inquiry from the portal. The applicant’s phone must have been confirmed with a one-time code: ' +
      'send the confirmed challenge’s id as X-Phone-Challenge. One challenge files one inquiry: a retry returns it (200). The answer carries the tracking number and the access code.',
    tag: 'Citizens',
    scope: 'tenant',
    access: { anyone: true },
    rateLimit: 'public-write',
    schemas: {
      body: {
        ...FILE_BODY,
        properties: { ...(FILE_BODY['properties'] as object), channel: { const: 'online' } },
      },
      headers: {
        'X-Phone-Challenge': {
          description:
            'The id of a confirmed phone challenge for the applicant’s phone; it also makes the filing idempotent.',
          required: true,
          schema: uuid,
        },
      },
      responses: {
        201: {
          description: 'Filed.',
          schema: {
            type: 'object',
            properties: { trackingNumber: { type: 'string' }, accessCode: { type: 'string' } },
          },
        },
      },
    },
    async handler({ platform, tenantId, body, req, metrics }) {
      const phone = body.applicant.phone;
      const challenge = req.get('x-phone-challenge') ?? '';
      if (
        !phone ||
        !UUID.test(challenge) ||
        !(await platform.identity.phoneConfirmed(tenantId, challenge, phone))
      ) {
        throw phoneNotConfirmed();
      }
      // One confirmed phone challenge files one inquiry: its id is the idempotency key, so a retry
      // (or a double click) returns the inquiry filed first.
      const citizen: Principal = { kind: 'citizen', tenantId, inquiryIds: [], phone };
      const result = await platform.engine.file(tenantId, { ...body, channel: 'online' }, actorOf(citizen), {
        idempotencyKey: `phone-challenge:${challenge.toLowerCase()}`,
      });
      if (!result.replayed) metrics?.inquiriesFiled.inc({ tenant: tenantId, channel: 'online' });
      return {
        status: result.replayed ? 200 : 201,
        body: {
          ...citizenView(result.inquiry),
          accessCode: platform.identity.accessCode(tenantId, result.inquiry.id),
        },
      };
    },
  }),
];
