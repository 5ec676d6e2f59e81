import { PAYMENT_ROLES, paymentErrors, type InvoiceFilter } from '@darcha/core';
import { actorOf, assertVisible } from '../actor-of.js';
import { objectSchema } from '../request-validator.js';
import { defineRoute, type AnyRoute } from '../route-definition.js';
import { idParams, text, uuid } from '../schemas.js';
import { INVOICE, INVOICE_PAGE, INVOICE_WITH_PAYMENTS } from './payment-schemas.js';
import {
  TAG,
  READ,
  TRACK_PARAMS,
  NO_QUERY,
  invoiceWithPayments,
  receiptInquiryId,
  mayReadMoneyOf,
  agencyScope,
  staffRoles,
} from './payment-route-access.js';

/** Routes of invoices: an inquiry's invoice (for staff and for citizens), issuing one, the city's list, cancelling. */
export const invoiceRoutes: AnyRoute[] = [
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
];
