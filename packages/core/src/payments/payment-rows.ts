import type { FeeLine, FeeQuote } from '../fees/fee-types.js';
import type {
  Invoice,
  InvoiceStatus,
  Payment,
  PaymentMethod,
  PaymentStatus,
  Refund,
  RefundStatus,
} from './types.js';

/** Rows of the payments tables as the `pg` driver returns them (`bigint` comes back as a string). */

export interface InvoiceRow {
  tenant_id: string;
  id: string;
  inquiry_id: string;
  service_code: string;
  service_version: number;
  agency_code: string | null;
  status: InvoiceStatus;
  currency: 'UZS';
  total: string | number;
  paid_amount: string | number;
  refunded_amount: string | number;
  lines: FeeLine[];
  quote: FeeQuote;
  partial_allowed: boolean;
  issued_at: Date;
  due_at: Date;
  paid_at: Date | null;
  cancelled_at: Date | null;
  cancelled_by: string | null;
  cancel_reason: string | null;
  expired_at: Date | null;
  created_by: string;
  updated_at: Date;
}

export interface PaymentRow {
  tenant_id: string;
  id: string;
  invoice_id: string;
  inquiry_id: string;
  method: PaymentMethod;
  provider_id: string | null;
  provider_reference: string | null;
  redirect_url: string | null;
  status: PaymentStatus;
  amount: string | number;
  refunded_amount: string | number;
  receipt_number: string | null;
  received_by: string | null;
  started_by: string;
  started_at: Date;
  confirmed_at: Date | null;
  failed_at: Date | null;
  failure_reason: string | null;
}

export interface RefundRow {
  tenant_id: string;
  id: string;
  payment_id: string;
  invoice_id: string;
  amount: string | number;
  reason: string;
  status: RefundStatus;
  requested_by: string;
  requested_at: Date;
  decided_by: string | null;
  decided_at: Date | null;
  decision_note: string | null;
}

/** Soums from a `bigint` column; amounts stay far below 2^53. */
export function soums(value: string | number): number {
  return typeof value === 'number' ? value : Number(value);
}

/**
 * An issued invoice with nothing paid on it is expired from its due date on, even before the sweep
 * marks it. A partly paid invoice does not expire: the applicant may pay the rest.
 */
export function isOverdue(row: InvoiceRow, now: Date): boolean {
  return row.status === 'issued' && soums(row.paid_amount) === 0 && row.due_at.getTime() <= now.getTime();
}

export function toInvoice(row: InvoiceRow, now: Date = new Date()): Invoice {
  const total = soums(row.total);
  const paidAmount = soums(row.paid_amount);
  const status: InvoiceStatus = isOverdue(row, now) ? 'expired' : row.status;
  return {
    id: row.id,
    tenantId: row.tenant_id,
    inquiryId: row.inquiry_id,
    serviceCode: row.service_code,
    serviceVersion: row.service_version,
    agencyCode: row.agency_code,
    status,
    currency: row.currency,
    total,
    paidAmount,
    refundedAmount: soums(row.refunded_amount),
    outstanding: status === 'issued' ? total - paidAmount : 0,
    lines: row.lines,
    quote: row.quote,
    partialAllowed: row.partial_allowed,
    issuedAt: row.issued_at,
    dueAt: row.due_at,
    paidAt: row.paid_at,
    cancelledAt: row.cancelled_at,
    cancelReason: row.cancel_reason,
    expiredAt: row.expired_at ?? (status === 'expired' ? row.due_at : null),
    createdBy: row.created_by,
  };
}

export function toPayment(row: PaymentRow): Payment {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    invoiceId: row.invoice_id,
    inquiryId: row.inquiry_id,
    method: row.method,
    providerId: row.provider_id,
    providerReference: row.provider_reference,
    redirectUrl: row.redirect_url,
    status: row.status,
    amount: soums(row.amount),
    refundedAmount: soums(row.refunded_amount),
    receiptNumber: row.receipt_number,
    receivedBy: row.received_by,
    startedBy: row.started_by,
    startedAt: row.started_at,
    confirmedAt: row.confirmed_at,
    failedAt: row.failed_at,
    failureReason: row.failure_reason,
  };
}

export function toRefund(row: RefundRow): Refund {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    paymentId: row.payment_id,
    invoiceId: row.invoice_id,
    amount: soums(row.amount),
    reason: row.reason,
    status: row.status,
    requestedBy: row.requested_by,
    requestedAt: row.requested_at,
    decidedBy: row.decided_by,
    decidedAt: row.decided_at,
    decisionNote: row.decision_note,
  };
}
