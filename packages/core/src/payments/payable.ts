import { isOverdue, soums, type InvoiceRow } from './payment-rows.js';
import { paymentErrors } from './payments.errors.js';

/**
 * Checks that an invoice takes a payment of `amount` now: it is issued and not expired, and the
 * amount is whole soums equal to the outstanding sum, or, when the fee allows partial payments,
 * above 0 and at most the outstanding sum.
 */
export function assertPayable(tenantId: string, invoice: InvoiceRow, amount: unknown, now: Date): number {
  if (invoice.status === 'expired' || isOverdue(invoice, now)) {
    throw paymentErrors.invoiceExpired(tenantId, invoice.id, invoice.due_at);
  }
  if (invoice.status !== 'issued') throw paymentErrors.notPayable(tenantId, invoice.id, invoice.status);
  const outstanding = soums(invoice.total) - soums(invoice.paid_amount);
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw paymentErrors.amountInvalid(
      tenantId,
      invoice.id,
      'the amount must be a whole number of soums above 0',
      outstanding,
    );
  }
  if (invoice.partial_allowed) {
    if (amount <= 0 || amount > outstanding) {
      throw paymentErrors.amountInvalid(
        tenantId,
        invoice.id,
        `${amount} UZS is not above 0 and at most the outstanding sum`,
        outstanding,
      );
    }
  } else if (amount !== outstanding) {
    throw paymentErrors.amountInvalid(
      tenantId,
      invoice.id,
      `${amount} UZS is not the outstanding sum, and this fee takes no partial payments`,
      outstanding,
    );
  }
  return amount;
}
