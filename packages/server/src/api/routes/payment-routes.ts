import { LOCALES, PAYMENT_ROLES, paymentErrors, type Locale } from '@darcha/core';
import { actorOf } from '../actor-of.js';
import { idempotencyKeyOf } from '../if-match.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { rawBodyOf } from '../raw-body.js';
import { HTML_PAGE } from '../../documents/document-schemas.js';
import { sendHtml } from '../../documents/html-response.js';
import { idParams, idempotencyHeader } from '../schemas.js';
import {
  CALLBACK_ANSWER,
  DESK_PAYMENT_ANSWER,
  PAYMENT,
  PAYMENT_WITH_REFUNDS,
  providerId,
  RECEIPT,
} from './payment-schemas.js';
import {
  TAG,
  READ,
  TRACK_PARAMS,
  PROVIDER_BODY,
  receiptInquiryId,
  mayReadMoneyOf,
  staffRoles,
} from './payment-route-access.js';
import { invoiceRoutes } from './invoice-routes.js';
import { refundRoutes } from './refund-routes.js';

/** Routes of payments: at the cash desk, through providers and their callbacks, and receipts. */
const deskAndProviderRoutes: AnyRoute[] = [
  defineRoute<{ id: string }, Record<string, unknown>, { amount: number; method: 'cash' | 'card' }>({
    method: 'post',
    path: '/invoices/:id/payments',
    operationId: 'payInvoiceAtDesk',
    summary: 'Take a payment at the cash desk',
    description:
      'A cashier takes cash or a card payment: the outstanding sum, or, where the fee allows partial payments, 0 < amount <= outstanding. The payment is confirmed with a receipt number at once. With an Idempotency-Key, a retry returns the first payment (200) and takes nothing.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.desk) },
    schemas: {
      params: idParams,
      body: objectSchema(
        { amount: { type: 'integer', minimum: 1 }, method: { type: 'string', enum: ['cash', 'card'] } },
        ['amount', 'method'],
      ),
      headers: idempotencyHeader,
      responses: {
        201: { description: 'Paid.', schema: DESK_PAYMENT_ANSWER },
        200: {
          description: 'A replay of an earlier request with the same Idempotency-Key.',
          schema: DESK_PAYMENT_ANSWER,
        },
      },
    },
    async handler({ platform, tenantId, principal, params, body, req }) {
      const idempotencyKey = idempotencyKeyOf(req);
      const result = await platform.payments.payAtDesk(
        tenantId,
        params.id,
        body,
        actorOf(principal),
        idempotencyKey ? { idempotencyKey } : {},
      );
      return { status: result.replayed ? 200 : 201, body: result };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { providerId: string }>({
    method: 'post',
    path: '/invoices/:id/provider-payments',
    operationId: 'startProviderPayment',
    summary: 'Start an online payment of an invoice',
    description:
      'Staff start a payment of the outstanding sum through a payment provider plugin; send the payer to `redirectUrl`. The provider’s callback confirms it.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.start) },
    schemas: {
      params: idParams,
      body: PROVIDER_BODY,
      responses: { 201: { description: 'The pending payment.', schema: PAYMENT } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      const payment = await platform.payments.startPayment(
        tenantId,
        params.id,
        body.providerId,
        actorOf(principal),
      );
      return { status: 201, body: payment };
    },
  }),

  defineRoute<{ trackingNumber: string }, Record<string, unknown>, { providerId: string }>({
    method: 'post',
    path: '/track/:trackingNumber/provider-payments',
    operationId: 'startProviderPaymentWithReceipt',
    summary: 'Pay your inquiry’s invoice online',
    description:
      'The citizen starts paying their invoice through a payment provider, with the receipt (X-Access-Code); send them to `redirectUrl`.',
    tag: TAG,
    scope: 'tenant',
    access: { citizen: true },
    rateLimit: 'public-write',
    schemas: {
      params: TRACK_PARAMS,
      body: PROVIDER_BODY,
      responses: { 201: { description: 'The pending payment.', schema: PAYMENT } },
    },
    async handler({ platform, tenantId, principal, body }) {
      const inquiryId = receiptInquiryId(principal);
      const invoice = await platform.payments.invoiceFor(tenantId, inquiryId);
      if (!invoice) throw paymentErrors.noInvoice(tenantId, inquiryId);
      const payment = await platform.payments.startPayment(
        tenantId,
        invoice.id,
        body.providerId,
        actorOf(principal),
      );
      return { status: 201, body: payment };
    },
  }),

  defineRoute<{ providerId: string }, Record<string, unknown>, unknown>({
    method: 'post',
    path: '/payment-callbacks/:providerId',
    operationId: 'paymentCallback',
    summary: 'Receive a payment provider’s callback',
    description:
      'Public: the body is the provider’s own JSON payload and the provider’s signature authenticates it (the provider plugin checks it); the tenant comes from the path prefix /t/{tenant}. A replay answers 200 with `replayed: true` and never pays twice. 403 DARCHA_PAYMENT_CALLBACK_REFUSED for a forged callback or an unknown payment; 409 DARCHA_PAYMENT_AMOUNT_MISMATCH when the amount differs from the started payment. Both are audited.',
    tag: TAG,
    scope: 'tenant',
    access: { anyone: true },
    rateLimit: 'public-write',
    schemas: {
      // No body schema: the payload is the provider's own (JSON), checked by its plugin's `verify`.
      params: objectSchema({ providerId }, ['providerId']),
      responses: { 200: { description: 'Handled.', schema: CALLBACK_ANSWER } },
    },
    async handler({ platform, tenantId, params, body, req }) {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers)) {
        if (typeof value === 'string') headers[name.toLowerCase()] = value;
      }
      const rawBody = rawBodyOf(req);
      const result = await platform.payments.confirmCallback(tenantId, params.providerId, {
        body,
        headers,
        ...(rawBody !== undefined ? { rawBody } : {}),
      });
      return {
        body: {
          paymentId: result.payment.id,
          status: result.payment.status,
          receiptNumber: result.payment.receiptNumber,
          replayed: result.replayed,
        },
      };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/payments/:id',
    operationId: 'getPayment',
    summary: 'Read a payment',
    tag: TAG,
    scope: 'tenant',
    access: { staff: READ, apiKey: true, platform: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The payment with its refunds.', schema: PAYMENT_WITH_REFUNDS } },
    },
    async handler({ platform, tenantId, params, principal }) {
      const payment = await platform.payments.getPayment(tenantId, params.id);
      if (!(await mayReadMoneyOf(platform, tenantId, payment.inquiryId, principal)))
        throw paymentErrors.paymentNotFound(tenantId, params.id);
      return { body: { ...payment, refunds: await platform.payments.refundsOf(tenantId, payment.id) } };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/payments/:id/receipt',
    operationId: 'getPaymentReceipt',
    summary: 'Read a payment’s receipt data',
    description:
      'Everything the printed receipt shows; 409 DARCHA_PAYMENT_NO_RECEIPT before the payment is confirmed.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: READ, apiKey: true, platform: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The receipt data.', schema: RECEIPT } },
    },
    async handler({ platform, tenantId, params, principal }) {
      const receipt = await platform.payments.receipt(tenantId, params.id);
      if (!(await mayReadMoneyOf(platform, tenantId, receipt.inquiryId, principal)))
        throw paymentErrors.paymentNotFound(tenantId, params.id);
      return { body: receipt };
    },
  }),

  defineRoute<{ id: string }, { lang?: Locale }>({
    method: 'get',
    path: '/payments/:id/receipt/html',
    operationId: 'printPaymentReceipt',
    summary: 'Print a payment’s receipt',
    description:
      'The receipt as a printable A4 page (text/html), in the applicant’s language or `lang`: number, date, payer, ' +
      'service, the lines with the discount, total, method and cashier. 409 DARCHA_PAYMENT_NO_RECEIPT before the ' +
      'payment is confirmed.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: READ, apiKey: true, platform: true },
    schemas: {
      params: idParams,
      query: objectSchema({ lang: { enum: [...LOCALES] } }),
      responses: { 200: HTML_PAGE },
    },
    async handler({ platform, tenantId, params, query, res, principal }) {
      const receipt = await platform.payments.receipt(tenantId, params.id);
      if (!(await mayReadMoneyOf(platform, tenantId, receipt.inquiryId, principal)))
        throw paymentErrors.paymentNotFound(tenantId, params.id);
      sendHtml(
        res,
        await platform.documents.renderReceipt(tenantId, {
          ...receipt,
          locale: query.lang ?? receipt.locale,
        }),
      );
      return {};
    },
  }),
];

/** Routes of invoices, payments, receipts and refunds. */
export const paymentRoutes: AnyRoute[] = [...invoiceRoutes, ...deskAndProviderRoutes, ...refundRoutes];
