import {
  LOCALES,
  PAYMENT_ROLES,
  paymentErrors,
  type InvoiceFilter,
  type Locale,
  type Platform,
  type Principal,
} from '@darcha/core';
import { actorOf, assertVisible, canSee, canSeeCityWide } from '../actor-of.js';
import { idempotencyKeyOf } from '../if-match.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { rawBodyOf } from '../raw-body.js';
import { HTML_PAGE } from '../../documents/document-schemas.js';
import { sendHtml } from '../../documents/html-response.js';
import { idParams, idempotencyHeader, text, trackingNumber, uuid } from '../schemas.js';
import {
  CALLBACK_ANSWER,
  DESK_PAYMENT_ANSWER,
  INVOICE,
  INVOICE_PAGE,
  INVOICE_WITH_PAYMENTS,
  PAYMENT,
  PAYMENT_WITH_REFUNDS,
  providerId,
  RECEIPT,
  REFUND,
} from './payment-schemas.js';

const TAG = 'Payments';
const staffRoles = (roles: readonly string[]): string[] => roles.filter((role) => role !== 'system');
const READ = staffRoles(PAYMENT_ROLES.read);
const TRACK_PARAMS = objectSchema({ trackingNumber }, ['trackingNumber']);
const PROVIDER_BODY = objectSchema({ providerId }, ['providerId']);
const NO_QUERY = objectSchema({});

/** The inquiry's invoice with its payments; 404 DARCHA_PAYMENT_NO_INVOICE when it has none. */
async function invoiceWithPayments(platform: Platform, tenantId: string, inquiryId: string) {
  const invoice = await platform.payments.invoiceFor(tenantId, inquiryId);
  if (!invoice) throw paymentErrors.noInvoice(tenantId, inquiryId);
  return { ...invoice, payments: await platform.payments.paymentsOf(tenantId, invoice.id) };
}

/** The inquiry id a citizen's receipt proved. */
function receiptInquiryId(principal: { kind: string; inquiryIds?: readonly string[] } | undefined): string {
  const id = principal?.kind === 'citizen' ? principal.inquiryIds?.[0] : undefined;
  if (id === undefined) throw new Error('citizen route reached without a citizen principal');
  return id;
}

/** Routes of invoices, payments, receipts and refunds. */
/**
 * Agency officers (and their API keys) see the money of their agencies' inquiries only, as they see
 * only those inquiries; the cash desk, supervisors, administrators and auditors see the whole city.
 */
async function mayReadMoneyOf(
  platform: Platform,
  tenantId: string,
  inquiryId: string,
  principal: Principal | undefined,
): Promise<boolean> {
  if (canSeeCityWide(principal)) return true;
  return canSee(principal, await platform.engine.get(tenantId, inquiryId));
}

/** The agencies an invoice list is narrowed to, or undefined for callers who see the whole city. */
function agencyScope(principal: Principal | undefined): readonly string[] | undefined {
  if (canSeeCityWide(principal)) return undefined;
  if (principal?.kind !== 'staff' && principal?.kind !== 'api_key') return [];
  // An officer bound to no agency sees every agency's back office (the rule inquiries follow).
  return principal.agencyCodes.length === 0 ? undefined : principal.agencyCodes;
}

export const paymentRoutes: AnyRoute[] = [
  defineRoute<{ id: string }>({
    method: 'get',
    path: '/inquiries/:id/invoice',
    operationId: 'getInquiryInvoice',
    summary: 'Read an inquiry’s invoice',
    description:
      'The open (issued or paid) invoice of the inquiry, else its latest one, with its payments. 404 DARCHA_PAYMENT_NO_INVOICE when it has none (a free service, or one invoiced by a later step). Citizens use GET /track/{trackingNumber}/invoice.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: ['*'], apiKey: true, platform: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The invoice.', schema: INVOICE_WITH_PAYMENTS } },
    },
    async handler({ platform, tenantId, principal, params }) {
      assertVisible(principal, await platform.engine.get(tenantId, params.id), tenantId);
      return { body: await invoiceWithPayments(platform, tenantId, params.id) };
    },
  }),

  defineRoute<{ trackingNumber: string }>({
    method: 'get',
    path: '/track/:trackingNumber/invoice',
    operationId: 'getInvoiceWithReceipt',
    summary: 'Read your inquiry’s invoice',
    description:
      'The citizen reads what they owe, with the receipt: tracking number in the path, access code in X-Access-Code.',
    tag: TAG,
    scope: 'tenant',
    access: { citizen: true },
    schemas: {
      params: TRACK_PARAMS,
      query: NO_QUERY,
      responses: { 200: { description: 'The invoice.', schema: INVOICE_WITH_PAYMENTS } },
    },
    async handler({ platform, tenantId, principal }) {
      return { body: await invoiceWithPayments(platform, tenantId, receiptInquiryId(principal)) };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'post',
    path: '/inquiries/:id/invoice',
    operationId: 'issueInquiryInvoice',
    summary: 'Make an inquiry’s invoice now',
    description:
      'Makes the invoice from the fee quote if the inquiry has no open one (idempotent: an open invoice is returned as it is; an overdue one is expired and replaced). 409 DARCHA_PAYMENT_SERVICE_FREE for a free service.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.issue), apiKey: true },
    bodyType: 'none',
    schemas: {
      params: idParams,
      responses: { 201: { description: 'The open invoice.', schema: INVOICE } },
    },
    async handler({ platform, tenantId, principal, params }) {
      const inquiry = await platform.engine.get(tenantId, params.id);
      assertVisible(principal, inquiry, tenantId);
      const invoice = await platform.payments.ensureInvoice(tenantId, params.id, actorOf(principal));
      if (!invoice) throw paymentErrors.serviceFree(tenantId, params.id, inquiry.serviceCode);
      return { status: 201, body: invoice };
    },
  }),

  defineRoute<Record<string, string>, InvoiceFilter>({
    method: 'get',
    path: '/invoices',
    operationId: 'listInvoices',
    summary: 'List invoices',
    description: 'Invoices of the city, newest first; an issued invoice past its due date counts as expired.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: READ, apiKey: true, platform: true },
    schemas: {
      query: objectSchema({
        status: { type: 'string', enum: ['issued', 'paid', 'cancelled', 'expired'] },
        inquiryId: uuid,
        serviceCode: { type: 'string', maxLength: 200 },
        limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 },
        offset: { type: 'integer', minimum: 0, default: 0 },
      }),
      responses: { 200: { description: 'A page of invoices.', schema: INVOICE_PAGE } },
    },
    async handler({ platform, tenantId, query, principal }) {
      const agencyCodes = agencyScope(principal);
      return {
        body: await platform.payments.listInvoices(tenantId, {
          ...query,
          ...(agencyCodes ? { agencyCodes } : {}),
        }),
      };
    },
  }),

  defineRoute<{ id: string }>({
    method: 'get',
    path: '/invoices/:id',
    operationId: 'getInvoice',
    summary: 'Read an invoice',
    tag: TAG,
    scope: 'tenant',
    access: { staff: READ, apiKey: true, platform: true },
    schemas: {
      params: idParams,
      responses: { 200: { description: 'The invoice with its payments.', schema: INVOICE_WITH_PAYMENTS } },
    },
    async handler({ platform, tenantId, params, principal }) {
      const invoice = await platform.payments.getInvoice(tenantId, params.id);
      if (!(await mayReadMoneyOf(platform, tenantId, invoice.inquiryId, principal)))
        throw paymentErrors.invoiceNotFound(tenantId, params.id);
      return { body: { ...invoice, payments: await platform.payments.paymentsOf(tenantId, invoice.id) } };
    },
  }),

  defineRoute<{ id: string }, Record<string, unknown>, { reason: string }>({
    method: 'post',
    path: '/invoices/:id/cancellation',
    operationId: 'cancelInvoice',
    summary: 'Cancel an invoice',
    description:
      'Cancels an issued invoice on which nothing was paid (409 DARCHA_PAYMENT_INVOICE_HAS_PAYMENTS otherwise); its pending provider payments fail.',
    tag: TAG,
    scope: 'tenant',
    access: { staff: staffRoles(PAYMENT_ROLES.cancel) },
    schemas: {
      params: idParams,
      body: objectSchema({ reason: text(1000) }, ['reason']),
      responses: { 200: { description: 'The cancelled invoice.', schema: INVOICE } },
    },
    async handler({ platform, tenantId, principal, params, body }) {
      return {
        body: await platform.payments.cancelInvoice(tenantId, params.id, body.reason, actorOf(principal)),
      };
    },
  }),

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
