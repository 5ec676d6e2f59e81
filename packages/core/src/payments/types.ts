import type { FeeLine, FeeQuote } from '../fees/fee-types.js';
import type { LocalizedText, Locale } from '../i18n/locales.js';
import type { Actor, Inquiry } from '../workflow/inquiry/types.js';

/**
 * Invoices, payments, receipts and refunds. Money is integer soums (UZS) everywhere. The tables are
 * `invoices`, `payments`, `receipt_counters` and `refunds` (migration 0016); the revenue report
 * reads them directly.
 */

export type InvoiceStatus = 'issued' | 'paid' | 'cancelled' | 'expired';
export type PaymentMethod = 'cash' | 'card' | 'provider';
export type PaymentStatus = 'pending' | 'confirmed' | 'failed';
export type RefundStatus = 'requested' | 'approved' | 'rejected';

/** What an inquiry's applicant owes for it. */
export interface Invoice {
  id: string;
  tenantId: string;
  inquiryId: string;
  serviceCode: string;
  serviceVersion: number;
  agencyCode: string | null;
  status: InvoiceStatus;
  currency: 'UZS';
  total: number;
  paidAmount: number;
  refundedAmount: number;
  /** `total - paidAmount` while the invoice is issued, else 0. */
  outstanding: number;
  lines: FeeLine[];
  quote: FeeQuote;
  partialAllowed: boolean;
  issuedAt: Date;
  dueAt: Date;
  paidAt: Date | null;
  cancelledAt: Date | null;
  cancelReason: string | null;
  expiredAt: Date | null;
  createdBy: string;
}

/** One payment of an invoice: at the desk (cash, card) or through a provider plugin. */
export interface Payment {
  id: string;
  tenantId: string;
  invoiceId: string;
  inquiryId: string;
  method: PaymentMethod;
  providerId: string | null;
  providerReference: string | null;
  /** Where to send the payer to pay (provider payments). */
  redirectUrl: string | null;
  status: PaymentStatus;
  amount: number;
  refundedAmount: number;
  /** `CHR-2026-R000042`; set when the payment is confirmed. */
  receiptNumber: string | null;
  receivedBy: string | null;
  startedBy: string;
  startedAt: Date;
  confirmedAt: Date | null;
  failedAt: Date | null;
  failureReason: string | null;
}

/** A refund of (part of) a confirmed payment: requested, then approved or rejected by someone else. */
export interface Refund {
  id: string;
  tenantId: string;
  paymentId: string;
  invoiceId: string;
  amount: number;
  reason: string;
  status: RefundStatus;
  requestedBy: string;
  requestedAt: Date;
  decidedBy: string | null;
  decidedAt: Date | null;
  decisionNote: string | null;
}

/** One printed line of a receipt (an invoice line, or the partial payment). */
export interface ReceiptLine {
  kind: string;
  description: LocalizedText;
  quantity: number;
  unitAmount: number;
  amount: number;
}

/**
 * Everything a printed receipt needs. Shaped to be passed as is to the document service's
 * `renderReceipt` (its `ReceiptData`): `total` is the sum of `lines` and is the amount of this
 * payment. A partial payment prints one line for itself; the invoice's lines are in `invoiceLines`.
 */
export interface PaymentReceipt {
  paymentId: string;
  invoiceId: string;
  inquiryId: string;
  receiptNumber: string;
  paidAt: Date;
  payerName: string;
  serviceCode: string;
  serviceNames: LocalizedText;
  trackingNumber: string;
  lines: ReceiptLine[];
  total: number;
  currency: 'UZS';
  /** `cash`, `card`, or the payment provider's id. */
  method: string;
  cashierName: string | null;
  locale: Locale;
  invoiceTotal: number;
  invoiceLines: FeeLine[];
  /** Paid on the invoice by confirmed payments up to and including this one. */
  paidToDate: number;
}

/** A page of invoices, newest first. */
export interface InvoicePage {
  items: Invoice[];
  total: number;
}

export interface InvoiceFilter {
  status?: InvoiceStatus;
  inquiryId?: string;
  serviceCode?: string;
  /** Only invoices of these agencies (an agency officer's view); an empty list finds none. */
  agencyCodes?: readonly string[];
  /** Default 50, at most 200. */
  limit?: number;
  offset?: number;
}

/** What a provider callback came to. */
export interface CallbackResult {
  payment: Payment;
  invoice: Invoice;
  /** True when the payment had already been settled by an earlier callback (nothing changed now). */
  replayed: boolean;
}

/** A callback as the server received it. */
export interface ProviderCallback {
  body: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
}

/** The part of the fee service the payments module needs. */
export interface FeeQuoter {
  quoteForInquiry(
    tenantId: string,
    inquiry: Pick<
      Inquiry,
      'serviceCode' | 'serviceVersion' | 'formData' | 'channel' | 'applicant' | 'filedAt'
    >,
  ): Promise<FeeQuote>;
}

/**
 * Invoices, desk and provider payments, receipts and refunds of a tenant. Every money action is
 * audited and writes an outbox event (`invoice.issued`, `invoice.cancelled`, `invoice.expired`,
 * `payment.received`, `payment.refunded`).
 */
export interface PaymentService {
  /** The inquiry's open (issued or paid) invoice, made from its fee quote if none; null for a free service. Idempotent. */
  ensureInvoice(tenantId: string, inquiryId: string, actor: Actor): Promise<Invoice | null>;
  /** The inquiry's open invoice, else its latest one, else null. */
  invoiceFor(tenantId: string, inquiryId: string): Promise<Invoice | null>;
  getInvoice(tenantId: string, invoiceId: string): Promise<Invoice>;
  listInvoices(tenantId: string, filter?: InvoiceFilter): Promise<InvoicePage>;
  cancelInvoice(tenantId: string, invoiceId: string, reason: string, actor: Actor): Promise<Invoice>;
  /** Marks issued invoices past their due date expired; returns how many. */
  expireOverdue(tenantId: string): Promise<number>;
  payAtDesk(
    tenantId: string,
    invoiceId: string,
    input: { amount: number; method: 'cash' | 'card' },
    actor: Actor,
    options?: { idempotencyKey?: string },
  ): Promise<{ payment: Payment; invoice: Invoice; replayed: boolean }>;
  startPayment(tenantId: string, invoiceId: string, providerId: string, actor: Actor): Promise<Payment>;
  confirmCallback(tenantId: string, providerId: string, callback: ProviderCallback): Promise<CallbackResult>;
  getPayment(tenantId: string, paymentId: string): Promise<Payment>;
  paymentsOf(tenantId: string, invoiceId: string): Promise<Payment[]>;
  receipt(tenantId: string, paymentId: string): Promise<PaymentReceipt>;
  requestRefund(
    tenantId: string,
    paymentId: string,
    input: { amount: number; reason: string },
    actor: Actor,
  ): Promise<Refund>;
  approveRefund(tenantId: string, refundId: string, note: string | null, actor: Actor): Promise<Refund>;
  rejectRefund(tenantId: string, refundId: string, note: string | null, actor: Actor): Promise<Refund>;
  getRefund(tenantId: string, refundId: string): Promise<Refund>;
  refundsOf(tenantId: string, paymentId: string): Promise<Refund[]>;
}
