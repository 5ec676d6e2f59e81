import { appendAudit } from '../audit/audit-log.js';
import type { TenantTransaction } from '../db/types.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import type { InvoiceRow, PaymentRow } from './payment-rows.js';
import { nextReceiptNumber, receiptPrefix, yearIn } from './receipt-numbers.js';

/**
 * Books a confirmed payment on its (locked) invoice in the caller's transaction: takes the next
 * receipt number, adds the amount to `paid_amount` (the invoice is paid when it reaches the total),
 * writes `payment.received` (and `invoice.paid`) to the outbox and audits `payment.receive`.
 * The caller has checked the amount against the outstanding sum.
 */
export async function settlePayment(
  trx: TenantTransaction,
  input: {
    tenantId: string;
    invoice: InvoiceRow;
    /** A new desk payment (inserted confirmed) or a pending provider payment's id (updated). */
    payment:
      | { kind: 'new'; method: 'cash' | 'card'; amount: number; actorId: string }
      | { kind: 'pending'; id: string; amount: number; actorId: string };
    at: Date;
    timeZone: string;
  },
): Promise<{ payment: PaymentRow; invoice: InvoiceRow }> {
  const { tenantId, invoice, at } = input;
  const tracking = await trx('inquiries')
    .where({ tenant_id: tenantId, id: invoice.inquiry_id })
    .first<{ tracking_number: string } | undefined>('tracking_number');
  const year = yearIn(at, input.timeZone);
  const receiptNumber = await nextReceiptNumber(
    trx,
    tenantId,
    year,
    receiptPrefix(tenantId, tracking?.tracking_number),
  );
  const amount = input.payment.amount;
  let payment: PaymentRow;
  if (input.payment.kind === 'new') {
    const [row]: PaymentRow[] = await trx('payments')
      .insert({
        tenant_id: tenantId,
        invoice_id: invoice.id,
        inquiry_id: invoice.inquiry_id,
        method: input.payment.method,
        status: 'confirmed',
        currency: 'UZS',
        amount,
        receipt_number: receiptNumber,
        receipt_year: year,
        received_by: input.payment.actorId,
        started_by: input.payment.actorId,
        started_at: at,
        confirmed_at: at,
      })
      .returning('*');
    payment = row!;
  } else {
    const [row]: PaymentRow[] = await trx('payments')
      .where({ tenant_id: tenantId, id: input.payment.id, status: 'pending' })
      .update({ status: 'confirmed', receipt_number: receiptNumber, receipt_year: year, confirmed_at: at })
      .returning('*');
    payment = row!;
  }
  const paidAmount = Number(invoice.paid_amount) + amount;
  const fullyPaid = paidAmount === Number(invoice.total);
  const [updated]: InvoiceRow[] = await trx('invoices')
    .where({ tenant_id: tenantId, id: invoice.id })
    .update({
      paid_amount: paidAmount,
      ...(fullyPaid ? { status: 'paid', paid_at: at } : {}),
      updated_at: at,
    })
    .returning('*');
  await writeOutboxEvents(trx, tenantId, [
    {
      type: 'payment.received',
      inquiryId: invoice.inquiry_id,
      payload: {
        paymentId: payment.id,
        invoiceId: invoice.id,
        inquiryId: invoice.inquiry_id,
        amount,
        currency: 'UZS',
        method: payment.method,
        providerId: payment.provider_id,
        receiptNumber,
        invoicePaid: fullyPaid,
      },
    },
    ...(fullyPaid
      ? [
          {
            type: 'invoice.paid',
            inquiryId: invoice.inquiry_id,
            payload: { invoiceId: invoice.id, inquiryId: invoice.inquiry_id, total: Number(invoice.total) },
          },
        ]
      : []),
  ]);
  await appendAudit(trx, tenantId, {
    actor: input.payment.actorId,
    action: 'payment.receive',
    subjectType: 'payment',
    subjectId: payment.id,
    details: {
      invoiceId: invoice.id,
      inquiryId: invoice.inquiry_id,
      amount,
      method: payment.method,
      providerId: payment.provider_id,
      receiptNumber,
      invoicePaid: fullyPaid,
    },
  });
  return { payment, invoice: updated! };
}
