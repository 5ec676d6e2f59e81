import { DarchaError } from '../errors/darcha-error.js';

/** Errors of invoices, payments, provider callbacks and refunds (`DARCHA_PAYMENT_*`). */
export const paymentErrors = {
  invoiceNotFound(tenantId: string, invoiceId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_INVOICE_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no invoice "${invoiceId}".`,
      hint: 'Take the invoice id from GET /inquiries/{id}/invoice or GET /invoices; invoices of another city are not visible.',
      details: { tenantId, invoiceId },
    });
  },

  noInvoice(tenantId: string, inquiryId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_NO_INVOICE',
      kind: 'not_found',
      message: `Inquiry ${inquiryId} of tenant "${tenantId}" has no invoice.`,
      hint: 'The service may be free, or its invoice is made by a later workflow step; staff can make it now with POST /inquiries/{id}/invoice.',
      details: { tenantId, inquiryId },
    });
  },

  paymentNotFound(tenantId: string, paymentId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no payment "${paymentId}".`,
      hint: "Take the payment id from the answer of the payment or from the invoice's payments.",
      details: { tenantId, paymentId },
    });
  },

  refundNotFound(tenantId: string, refundId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_REFUND_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no refund "${refundId}".`,
      hint: 'Take the refund id from the answer of the refund request.',
      details: { tenantId, refundId },
    });
  },

  serviceFree(tenantId: string, inquiryId: string, serviceCode: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_SERVICE_FREE',
      kind: 'conflict',
      message: `Inquiry ${inquiryId} of tenant "${tenantId}" is for "${serviceCode}", which is free: there is nothing to invoice.`,
      hint: "Nothing to do: a free service's `requires: payment` steps pass without an invoice.",
      details: { tenantId, inquiryId, serviceCode },
    });
  },

  forbidden(tenantId: string, actorId: string, what: string, roles: readonly string[]): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_FORBIDDEN',
      kind: 'forbidden',
      message: `${actorId} may not ${what} in tenant "${tenantId}": it takes the role ${roles.join(' or ')}.`,
      hint: 'Ask a city administrator to give you the role, or ask a colleague who has it.',
      details: { tenantId, actorId, roles: [...roles] },
    });
  },

  notPayable(tenantId: string, invoiceId: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_INVOICE_NOT_PAYABLE',
      kind: 'conflict',
      message: `Invoice ${invoiceId} of tenant "${tenantId}" is ${status}: it takes no payment.`,
      hint:
        status === 'paid'
          ? 'It is already paid in full; print the receipt of its payment instead.'
          : 'A cancelled invoice is final; make a new one with POST /inquiries/{id}/invoice.',
      details: { tenantId, invoiceId, status },
    });
  },

  invoiceExpired(tenantId: string, invoiceId: string, dueAt: Date): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_INVOICE_EXPIRED',
      kind: 'conflict',
      message: `Invoice ${invoiceId} of tenant "${tenantId}" expired: it was payable until ${dueAt.toISOString()}.`,
      hint: 'Make a new invoice for the inquiry (POST /inquiries/{id}/invoice) if the inquiry is still open, and take the payment on it.',
      details: { tenantId, invoiceId, dueAt: dueAt.toISOString() },
    });
  },

  amountInvalid(tenantId: string, invoiceId: string, problem: string, outstanding: number): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_AMOUNT_INVALID',
      kind: 'invalid',
      message: `Invoice ${invoiceId} of tenant "${tenantId}": ${problem} (outstanding ${outstanding} UZS).`,
      hint: 'Amounts are whole soums. Take exactly the outstanding sum, or, where the fee allows partial payments, more than 0 and at most the outstanding sum.',
      details: { tenantId, invoiceId, outstanding },
    });
  },

  reasonInvalid(tenantId: string, what: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_REASON_REQUIRED',
      kind: 'invalid',
      message: `Tenant "${tenantId}": ${what} needs a reason of 1 to 1000 characters.`,
      hint: 'Write why, in a sentence: it is kept in the audit log.',
      details: { tenantId },
    });
  },

  hasPayments(tenantId: string, invoiceId: string, paidAmount: number): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_INVOICE_HAS_PAYMENTS',
      kind: 'conflict',
      message: `Invoice ${invoiceId} of tenant "${tenantId}" cannot be cancelled: ${paidAmount} UZS were already paid on it.`,
      hint: 'Refund the payments first (POST /payments/{id}/refunds), or leave the invoice as it is.',
      details: { tenantId, invoiceId, paidAmount },
    });
  },

  providerNotFound(tenantId: string, providerId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_PROVIDER_NOT_FOUND',
      kind: 'not_found',
      message: `Tenant "${tenantId}" has no payment provider "${providerId}".`,
      hint: 'Enable the plugin that contributes the provider for the city (darcha plugin enable), and check the id.',
      details: { tenantId, providerId },
    });
  },

  providerFailed(tenantId: string, providerId: string, cause: unknown): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_PROVIDER_FAILED',
      kind: 'unavailable',
      message: `Payment provider "${providerId}" failed for tenant "${tenantId}": ${cause instanceof Error ? cause.message : String(cause)}.`,
      hint: 'Try again in a moment; if it keeps failing, check the provider plugin’s configuration and the provider’s status.',
      details: { tenantId, providerId },
      cause,
    });
  },

  callbackRefused(tenantId: string, providerId: string, why: 'signature' | 'reference'): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_CALLBACK_REFUSED',
      kind: 'forbidden',
      message:
        why === 'signature'
          ? `A callback of payment provider "${providerId}" for tenant "${tenantId}" was refused: it is not authentic (signature check failed).`
          : `A callback of payment provider "${providerId}" for tenant "${tenantId}" was refused: it names a payment Darcha never started.`,
      hint: 'Callbacks must come from the provider, signed with the secret configured in its plugin, for a payment started through Darcha. The attempt is in the audit log.',
      details: { tenantId, providerId, why },
    });
  },

  amountMismatch(tenantId: string, paymentId: string, expected: number, reported: number): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_AMOUNT_MISMATCH',
      kind: 'conflict',
      message: `Payment ${paymentId} of tenant "${tenantId}" was started for ${expected} UZS but the provider reports ${reported} UZS; it was not confirmed.`,
      hint: 'Compare the payment at the provider with the invoice; the mismatch is in the audit log (payment.amount-mismatch). Settle it with the provider; the payment stays pending.',
      details: { tenantId, paymentId, expected, reported },
    });
  },

  notApplicable(tenantId: string, paymentId: string, invoiceId: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_NOT_APPLICABLE',
      kind: 'conflict',
      message: `Payment ${paymentId} of tenant "${tenantId}" was made at the provider, but invoice ${invoiceId} is ${status} and cannot take it; the payment is marked failed.`,
      hint: 'Return the money through the provider; the case is in the audit log (payment.unapplied).',
      details: { tenantId, paymentId, invoiceId, status },
    });
  },

  refundInvalid(tenantId: string, paymentId: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_REFUND_INVALID',
      kind: 'invalid',
      message: `A refund of payment ${paymentId} (tenant "${tenantId}") was refused: ${problem}.`,
      hint: 'Give a whole number of soums above 0 and a reason of 1 to 1000 characters.',
      details: { tenantId, paymentId, problem },
    });
  },

  refundTooLarge(tenantId: string, paymentId: string, amount: number, available: number): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_REFUND_TOO_LARGE',
      kind: 'conflict',
      message: `A refund of ${amount} UZS of payment ${paymentId} (tenant "${tenantId}") was refused: only ${available} UZS are left to refund (approved and pending refunds count).`,
      hint: 'Refund at most what is left, or reject a pending refund request first.',
      details: { tenantId, paymentId, amount, available },
    });
  },

  notRefundable(tenantId: string, paymentId: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_NOT_REFUNDABLE',
      kind: 'conflict',
      message: `Payment ${paymentId} of tenant "${tenantId}" is ${status}: only confirmed payments can be refunded.`,
      hint: 'Wait for the provider to confirm the payment; a failed payment took no money.',
      details: { tenantId, paymentId, status },
    });
  },

  refundDecided(tenantId: string, refundId: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_REFUND_DECIDED',
      kind: 'conflict',
      message: `Refund ${refundId} of tenant "${tenantId}" is already ${status}.`,
      hint: 'A decision is final; request a new refund if needed.',
      details: { tenantId, refundId, status },
    });
  },

  ownRefund(tenantId: string, refundId: string, actorId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_REFUND_OWN_REQUEST',
      kind: 'forbidden',
      message: `${actorId} requested refund ${refundId} (tenant "${tenantId}") and so may not decide it.`,
      hint: 'Another supervisor or city administrator must approve or reject it (four eyes).',
      details: { tenantId, refundId, actorId },
    });
  },

  filterInvalid(tenantId: string, problem: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_FILTER_INVALID',
      kind: 'invalid',
      message: `The invoice filter for tenant "${tenantId}" is invalid: ${problem}.`,
      hint: 'status is one of issued, paid, cancelled, expired; limit 1-200; offset >= 0; inquiryId a UUID.',
      details: { tenantId, problem },
    });
  },

  noReceipt(tenantId: string, paymentId: string, status: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_NO_RECEIPT',
      kind: 'conflict',
      message: `Payment ${paymentId} of tenant "${tenantId}" is ${status}: only a confirmed payment has a receipt.`,
      hint: 'Wait for the provider to confirm the payment; a failed payment took no money.',
      details: { tenantId, paymentId, status },
    });
  },

  methodInvalid(tenantId: string, invoiceId: string): DarchaError {
    return new DarchaError({
      code: 'DARCHA_PAYMENT_METHOD_INVALID',
      kind: 'invalid',
      message: `A desk payment of invoice ${invoiceId} (tenant "${tenantId}") needs the method "cash" or "card".`,
      hint: 'Online payments go through a provider: POST /invoices/{id}/provider-payments.',
      details: { tenantId, invoiceId },
    });
  },
};
