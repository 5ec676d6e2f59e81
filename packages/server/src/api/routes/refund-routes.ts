import { PAYMENT_ROLES } from '@darcha/core';
import { actorOf } from '../actor-of.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { idParams, text } from '../schemas.js';
import { REFUND } from './payment-schemas.js';
import { TAG, staffRoles } from './payment-route-access.js';

/** Routes of refunds: requesting one for a payment, approving or rejecting it. */
export const refundRoutes: AnyRoute[] = [
  defineRoute<{ id: string }, Record<string, unknown>, { amount: number; reason: string }>({
    method: 'post',
    path: '/payments/:id/refunds',
    operationId: 'requestRefund',
    summary: 'Request a refund of a payment',
    description:
      'A cashier asks to give back (part of) a confirmed payment, with a reason. Pending and approved refunds never exceed the payment (409 DARCHA_PAYMENT_REFUND_TOO_LARGE). A supervisor or city administrator other than the requester decides.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.requestRefund) },
    schemas: {
      params: idParams,
      body: objectSchema({ amount: { type: 'integer', minimum: 1 }, reason: text(1000) }, [
        'amount',
        'reason',
      ]),
      responses: { 201: { description: 'The refund request.', schema: REFUND } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      return {
        status: 201,
        body: await platform.payments.requestRefund(tenantId, params.id, body, actorOf(principal)),
      };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { note?: string }>({
    method: 'post',
    path: '/refunds/:id/approval',
    operationId: 'approveRefund',
    summary: 'Approve a refund',
    description:
      'Never by the person who requested it (403 DARCHA_PAYMENT_REFUND_OWN_REQUEST); a decision is final.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.decideRefund) },
    schemas: {
      params: idParams,
      body: objectSchema({ note: text(1000) }),
      responses: { 200: { description: 'The approved refund.', schema: REFUND } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      return {
        body: await platform.payments.approveRefund(
          tenantId,
          params.id,
          body.note ?? null,
          actorOf(principal),
        ),
      };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { note: string }>({
    method: 'post',
    path: '/refunds/:id/rejection',
    operationId: 'rejectRefund',
    summary: 'Reject a refund',
    description: 'With a note saying why; never by the person who requested it; a decision is final.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.decideRefund) },
    schemas: {
      params: idParams,
      body: objectSchema({ note: text(1000) }, ['note']),
      responses: { 200: { description: 'The rejected refund.', schema: REFUND } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      return {
        body: await platform.payments.rejectRefund(tenantId, params.id, body.note, actorOf(principal)),
      };
    },
  }),
];
