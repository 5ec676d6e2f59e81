import type { ChangeResult, FileInquiryInput, Inquiry, Principal } from '@darcha/core';
import { actorOf, assertVisible, canSee } from '../actor-of.js';
import { etagOf, expectedVersionOf, idempotencyKeyOf } from '../if-match.js';
import { ALLOWED_ACTION, FILE_BODY, HISTORY_ENTRY, INQUIRY, TRANSITION_BODY } from '../inquiry-schemas.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute, type RouteInput, type RouteResult } from '../route-definition.js';
import { idParams, idempotencyHeader, text, uuid, versionHeader } from '../schemas.js';

// Who the engine lets file at the desk: the OSS hall's staff and agency officers.
const FILERS = ['front_office', 'back_office', 'supervisor'];
const ANY_STAFF = ['*'];
const SUPERVISORS = ['supervisor', 'city_admin'];

type IdInput = RouteInput<{ id: string }, Record<string, unknown>, unknown>;

async function visibleInquiry({ platform, tenantId, params, principal }: IdInput) {
  const inquiry = await platform.engine.get(tenantId, params.id);
  assertVisible(principal, inquiry, tenantId);
  return inquiry;
}

/** The engine's visibility check for the caller: what they may not see does not exist for them. */
function visibleTo(principal: Principal | undefined): { visible: (inquiry: Inquiry) => boolean } {
  return { visible: (inquiry) => canSee(principal, inquiry) };
}

function defaultChannel(principal: Principal | undefined): 'desk' | 'api' {
  return principal?.kind === 'api_key' ? 'api' : 'desk';
}

/** The answer to a change: the inquiry after it (its version as ETag) and the entry it appended. */
function changeAnswer(result: ChangeResult): RouteResult {
  return {
    headers: { ETag: etagOf(result.inquiry.version) },
    body: { inquiry: result.inquiry, entry: result.entry },
  };
}

export const inquiryRoutes: AnyRoute[] = [
  defineRoute<
    Record<string, string>,
    Record<string, unknown>,
    Omit<FileInquiryInput, 'channel'> & { channel?: FileInquiryInput['channel'] }
  >({
    method: 'post',
    path: '/inquiries',
    operationId: 'fileInquiry',
    summary: 'File an inquiry',
    description:
      'Files an inquiry for a service the city offers, on behalf of the applicant at the desk or from an integration. ' +
      'The form is validated by the service’s schema; the answer carries the tracking number and the access code for the receipt. ' +
      'With an Idempotency-Key, a retry returns the first result (200) and files nothing new.',
    tag: 'Inquiries',
    scope: 'tenant',
    access: { staff: FILERS, apiKey: true },
    schemas: {
      body: FILE_BODY,
      headers: idempotencyHeader,
      responses: {
        201: {
          description: 'Filed.',
          schema: {
            type: 'object',
            properties: {
              inquiry: INQUIRY,
              accessCode: { type: 'string' },
              children: { type: 'array', items: INQUIRY },
            },
          },
        },
        200: { description: 'A replay of an earlier request with the same Idempotency-Key.' },
      },
    },
    async handler({ platform, tenantId, body, principal, req, metrics }) {
      const channel = body.channel ?? defaultChannel(principal);
      const idempotencyKey = idempotencyKeyOf(req);
      const result = await platform.engine.file(tenantId, { ...body, channel }, actorOf(principal), {
        ...(idempotencyKey ? { idempotencyKey } : {}),
      });
      if (!result.replayed) metrics?.inquiriesFiled.inc({ tenant: tenantId, channel });
      return {
        status: result.replayed ? 200 : 201,
        headers: { ETag: etagOf(result.inquiry.version), Location: `/api/v1/inquiries/${result.inquiry.id}` },
        body: {
          inquiry: result.inquiry,
          children: result.children,
          accessCode: platform.identity.accessCode(tenantId, result.inquiry.id),
          replayed: result.replayed,
        },
      };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id',
    operationId: 'getInquiry',
    summary: 'Read an inquiry',
    tag: 'Inquiries',
    scope: 'tenant',
    access: { staff: ANY_STAFF, apiKey: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The inquiry; ETag is its version.', schema: INQUIRY } },
    },
    async handler(input) {
      const inquiry = await visibleInquiry(input);
      return { headers: { ETag: etagOf(inquiry.version) }, body: inquiry };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/history',
    operationId: 'inquiryHistory',
    summary: 'Read an inquiry’s full history',
    description: 'Every entry, public and internal, oldest first (staff view).',
    tag: 'Inquiries',
    scope: 'tenant',
    access: { staff: ANY_STAFF, apiKey: true },
    schemas: {
      params: idParams,
      responses: {
        200: {
          description: 'History entries.',
          schema: { type: 'object', properties: { items: { type: 'array', items: HISTORY_ENTRY } } },
        },
      },
    },
    async handler(input) {
      const inquiry = await visibleInquiry(input);
      return { body: { items: await input.platform.engine.history(input.tenantId, inquiry.id) } };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/actions',
    operationId: 'allowedActions',
    summary: 'List the actions the caller may take on an inquiry now',
    tag: 'Inquiries',
    scope: 'tenant',
    access: { staff: ANY_STAFF, apiKey: true },
    schemas: {
      params: idParams,
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
      const inquiry = await visibleInquiry(input);
      const actor = actorOf(input.principal);
      const items = await input.platform.engine.allowedActions(input.tenantId, inquiry, actor);
      return { headers: { ETag: etagOf(inquiry.version) }, body: { version: inquiry.version, items } };
    },
  }),

  defineRoute<
    { id: string },
    Record<string, unknown>,
    { action: string; comment?: string; documents?: string[]; data?: Record<string, unknown> }
  >({
    method: 'post',
    path: '/inquiries/:id/transitions',
    operationId: 'transitionInquiry',
    summary: 'Take an action on an inquiry',
    description:
      'Moves the inquiry by one workflow action. If-Match carries the version the caller saw: a stale version is ' +
      'refused with 409 DARCHA_WORKFLOW_STALE_VERSION, whose details carry the current state, version and allowed actions.',
    tag: 'Inquiries',
    scope: 'tenant',
    access: { staff: ANY_STAFF, apiKey: true },
    schemas: {
      params: idParams,
      body: TRANSITION_BODY,
      headers: { ...versionHeader, ...idempotencyHeader },
      responses: {
        200: {
          description: 'The inquiry after the action, and the history entry it added.',
          schema: { type: 'object', properties: { inquiry: INQUIRY, entry: HISTORY_ENTRY } },
        },
        409: { description: 'Stale version.' },
        428: { description: 'If-Match is missing.' },
      },
    },
    async handler(input) {
      const expectedVersion = expectedVersionOf(input.req);
      const idempotencyKey = idempotencyKeyOf(input.req);
      const result = await input.platform.engine.transition(
        input.tenantId,
        input.params.id,
        { ...input.body, expectedVersion },
        actorOf(input.principal),
        { ...visibleTo(input.principal), ...(idempotencyKey ? { idempotencyKey } : {}) },
      );
      if (!result.replayed)
        input.metrics?.inquiriesTransitioned.inc({ tenant: input.tenantId, action: input.body.action });
      return changeAnswer(result);
    },
  }),

  defineRoute<{ id: string }>({
    method: 'post',
    path: '/inquiries/:id/claim',
    operationId: 'claimInquiry',
    summary: 'Claim an unassigned inquiry',
    tag: 'Assignment',
    scope: 'tenant',
    access: { staff: ANY_STAFF },
    bodyType: 'none',
    schemas: {
      params: idParams,
      headers: versionHeader,
      responses: {
        200: { description: 'Claimed.', schema: { type: 'object', properties: { inquiry: INQUIRY } } },
      },
    },
    async handler(input) {
      const expectedVersion = expectedVersionOf(input.req);
      const result = await input.platform.engine.claim(
        input.tenantId,
        input.params.id,
        expectedVersion,
        actorOf(input.principal),
        visibleTo(input.principal),
      );
      return changeAnswer(result);
    },
  }),

  defineRoute<{ id: string }>({
    method: 'post',
    path: '/inquiries/:id/release',
    operationId: 'releaseInquiry',
    summary: 'Put an inquiry back in its role’s inbox',
    tag: 'Assignment',
    scope: 'tenant',
    access: { staff: ANY_STAFF },
    bodyType: 'none',
    schemas: {
      params: idParams,
      headers: versionHeader,
      responses: {
        200: { description: 'Released.', schema: { type: 'object', properties: { inquiry: INQUIRY } } },
      },
    },
    async handler(input) {
      const expectedVersion = expectedVersionOf(input.req);
      const result = await input.platform.engine.release(
        input.tenantId,
        input.params.id,
        expectedVersion,
        actorOf(input.principal),
        visibleTo(input.principal),
      );
      return changeAnswer(result);
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { staffId: string; comment?: string }>({
    method: 'post',
    path: '/inquiries/:id/assignment',
    operationId: 'assignInquiry',
    summary: 'Assign or reassign an inquiry to an officer',
    tag: 'Assignment',
    scope: 'tenant',
    access: { staff: SUPERVISORS },
    schemas: {
      params: idParams,
      headers: versionHeader,
      body: objectSchema({ staffId: uuid, comment: text(4000) }, ['staffId']),
      responses: {
        200: { description: 'Assigned.', schema: { type: 'object', properties: { inquiry: INQUIRY } } },
      },
    },
    async handler(input) {
      const expectedVersion = expectedVersionOf(input.req);
      const result = await input.platform.engine.assign(
        input.tenantId,
        input.params.id,
        expectedVersion,
        input.body.staffId,
        actorOf(input.principal),
        input.body.comment,
        visibleTo(input.principal),
      );
      return changeAnswer(result);
    },
  }),

  defineRoute<
    Record<string, string>,
    Record<string, unknown>,
    { staffId: string; comment?: string; items: { inquiryId: string; expectedVersion?: number }[] }
  >({
    method: 'post',
    path: '/inquiries/bulk-reassignments',
    operationId: 'bulkReassign',
    summary: 'Reassign many inquiries to one officer',
    description:
      'Each item succeeds or fails on its own; the answer lists each with its outcome and, for failures, the code and reason.',
    tag: 'Assignment',
    scope: 'tenant',
    access: { staff: SUPERVISORS },
    schemas: {
      body: objectSchema(
        {
          staffId: uuid,
          comment: text(4000),
          items: {
            type: 'array',
            minItems: 1,
            maxItems: 500,
            items: objectSchema({ inquiryId: uuid, expectedVersion: { type: 'integer', minimum: 1 } }, [
              'inquiryId',
            ]),
          },
        },
        ['staffId', 'items'],
      ),
      responses: {
        200: {
          description: 'One result per item.',
          schema: { type: 'object', properties: { items: { type: 'array', items: { type: 'object' } } } },
        },
      },
    },
    async handler(input) {
      const items = await input.platform.engine.bulkReassign(
        input.tenantId,
        input.body.items,
        input.body.staffId,
        actorOf(input.principal),
        input.body.comment,
      );
      return { body: { items } };
    },
  }),
];
