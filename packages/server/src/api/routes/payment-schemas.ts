import type { JsonSchema } from '@darcha/core';
import { localizedText, serviceCode } from '../admin-schemas.js';
import { objectSchema } from '../request-validator.js';
import { dateTime, uuid } from '../schemas.js';

/** JSON Schemas of invoices, payments, refunds and receipts as the payment routes answer them. */

const nullable = (schema: JsonSchema): JsonSchema => ({ anyOf: [schema, { type: 'null' }] });
const soums: JsonSchema = { type: 'integer', description: 'Whole soums (UZS).' };
const currency: JsonSchema = { type: 'string', enum: ['UZS'] };

export const providerId: JsonSchema = { type: 'string', pattern: '^[a-z][a-z0-9-]*$', maxLength: 63 };

const LINE: JsonSchema = objectSchema(
  {
    kind: { type: 'string' },
    description: localizedText(1000),
    quantity: { type: 'integer' },
    unitAmount: soums,
    amount: soums,
  },
  ['kind', 'description', 'quantity', 'unitAmount', 'amount'],
);

export const PAYMENT: JsonSchema = objectSchema(
  {
    id: uuid,
    tenantId: { type: 'string' },
    invoiceId: uuid,
    inquiryId: uuid,
    method: { type: 'string', enum: ['cash', 'card', 'provider'] },
    providerId: nullable(providerId),
    providerReference: nullable({ type: 'string' }),
    redirectUrl: nullable({ type: 'string', description: 'Where to send the payer (provider payments).' }),
    status: { type: 'string', enum: ['pending', 'confirmed', 'failed'] },
    amount: soums,
    refundedAmount: soums,
    receiptNumber: nullable({ type: 'string', description: '`CHR-2026-R000042`, once confirmed.' }),
    receivedBy: nullable({ type: 'string' }),
    startedBy: { type: 'string' },
    startedAt: dateTime,
    confirmedAt: nullable(dateTime),
    failedAt: nullable(dateTime),
    failureReason: nullable({ type: 'string' }),
  },
  [
    'id',
    'invoiceId',
    'inquiryId',
    'method',
    'providerId',
    'providerReference',
    'redirectUrl',
    'status',
    'amount',
    'refundedAmount',
    'receiptNumber',
    'startedAt',
    'confirmedAt',
  ],
);

const INVOICE_PROPERTIES: Record<string, JsonSchema> = {
  id: uuid,
  tenantId: { type: 'string' },
  inquiryId: uuid,
  serviceCode,
  serviceVersion: { type: 'integer' },
  agencyCode: nullable({ type: 'string' }),
  status: { type: 'string', enum: ['issued', 'paid', 'cancelled', 'expired'] },
  currency,
  total: soums,
  paidAmount: soums,
  refundedAmount: soums,
  outstanding: { ...soums, description: 'What is still to pay while the invoice is issued; else 0.' },
  lines: { type: 'array', items: LINE },
  quote: { type: 'object', description: 'The fee quote the invoice was made from (see the Fees API).' },
  partialAllowed: { type: 'boolean' },
  issuedAt: dateTime,
  dueAt: dateTime,
  paidAt: nullable(dateTime),
  cancelledAt: nullable(dateTime),
  cancelReason: nullable({ type: 'string' }),
  expiredAt: nullable(dateTime),
  createdBy: { type: 'string' },
};
const INVOICE_REQUIRED = [
  'id',
  'inquiryId',
  'serviceCode',
  'status',
  'currency',
  'total',
  'paidAmount',
  'refundedAmount',
  'outstanding',
  'lines',
  'partialAllowed',
  'issuedAt',
  'dueAt',
];

export const INVOICE: JsonSchema = objectSchema(INVOICE_PROPERTIES, INVOICE_REQUIRED);

/** An invoice with its payments. */
export const INVOICE_WITH_PAYMENTS: JsonSchema = objectSchema(
  { ...INVOICE_PROPERTIES, payments: { type: 'array', items: PAYMENT } },
  [...INVOICE_REQUIRED, 'payments'],
);

export const INVOICE_PAGE: JsonSchema = objectSchema(
  { items: { type: 'array', items: INVOICE }, total: { type: 'integer', minimum: 0 } },
  ['items', 'total'],
);

export const REFUND: JsonSchema = objectSchema(
  {
    id: uuid,
    tenantId: { type: 'string' },
    paymentId: uuid,
    invoiceId: uuid,
    amount: soums,
    reason: { type: 'string' },
    status: { type: 'string', enum: ['requested', 'approved', 'rejected'] },
    requestedBy: { type: 'string' },
    requestedAt: dateTime,
    decidedBy: nullable({ type: 'string' }),
    decidedAt: nullable(dateTime),
    decisionNote: nullable({ type: 'string' }),
  },
  ['id', 'paymentId', 'invoiceId', 'amount', 'reason', 'status', 'requestedBy', 'requestedAt'],
);

/** A payment with its refunds. */
export const PAYMENT_WITH_REFUNDS: JsonSchema = {
  ...PAYMENT,
  properties: { ...(PAYMENT['properties'] as object), refunds: { type: 'array', items: REFUND } },
  required: [...(PAYMENT['required'] as string[]), 'refunds'],
};

export const DESK_PAYMENT_ANSWER: JsonSchema = objectSchema(
  { payment: PAYMENT, invoice: INVOICE, replayed: { type: 'boolean' } },
  ['payment', 'invoice', 'replayed'],
);

export const CALLBACK_ANSWER: JsonSchema = objectSchema(
  {
    paymentId: uuid,
    status: { type: 'string', enum: ['pending', 'confirmed', 'failed'] },
    receiptNumber: nullable({ type: 'string' }),
    replayed: { type: 'boolean' },
  },
  ['paymentId', 'status', 'receiptNumber', 'replayed'],
);

export const RECEIPT: JsonSchema = objectSchema(
  {
    paymentId: uuid,
    invoiceId: uuid,
    inquiryId: uuid,
    receiptNumber: { type: 'string' },
    paidAt: dateTime,
    payerName: { type: 'string' },
    serviceCode,
    serviceNames: localizedText(1000),
    trackingNumber: { type: 'string' },
    lines: { type: 'array', items: LINE },
    total: { ...soums, description: 'The amount of this payment; the sum of `lines`.' },
    currency,
    method: { type: 'string', description: '`cash`, `card`, or the payment provider’s id.' },
    cashierName: nullable({ type: 'string' }),
    locale: { type: 'string' },
    invoiceTotal: soums,
    invoiceLines: { type: 'array', items: LINE },
    paidToDate: soums,
  },
  ['paymentId', 'receiptNumber', 'paidAt', 'payerName', 'serviceCode', 'lines', 'total', 'method'],
);
