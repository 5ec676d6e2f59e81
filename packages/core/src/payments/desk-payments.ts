import { claimIdempotencyKey, recordIdempotentResult, requestHash } from '../workflow/engine/idempotency.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { invoiceRow } from './invoices.js';
import { PAYMENT_ROLES, requireRole } from './payment-access.js';
import type { PaymentContext } from './payment-context.js';
import { toInvoice, toPayment, type InvoiceRow, type PaymentRow } from './payment-rows.js';
import { assertPayable } from './payable.js';
import { paymentErrors } from './payments.errors.js';
import { settlePayment } from './settle-payment.js';
import type { Invoice, Payment } from './types.js';

const SCOPE = 'payments.desk';

/**
 * A payment taken at the cash desk, in cash or by card: confirmed at once, with a receipt number
 * taken in the same transaction. The invoice row is locked, so concurrent payments of one invoice
 * are booked one after the other and never exceed its total. With an idempotency key, a retry
 * (same key, same request) returns the first payment with `replayed: true` and takes nothing.
 */
export async function payAtDesk(
  ctx: PaymentContext,
  tenantId: string,
  invoiceId: string,
  input: { amount: number; method: 'cash' | 'card' },
  actor: Actor,
  options: { idempotencyKey?: string } = {},
): Promise<{ payment: Payment; invoice: Invoice; replayed: boolean }> {
  requireRole(tenantId, actor, 'take a payment at the desk', PAYMENT_ROLES.desk);
  const method = input?.method;
  if (method !== 'cash' && method !== 'card') {
    throw paymentErrors.methodInvalid(tenantId, invoiceId);
  }
  const timeZone = await ctx.timeZoneOf(tenantId);
  const now = ctx.clock();
  const key = options.idempotencyKey;
  const result = await ctx.db.withTenant(tenantId, async (trx) => {
    if (key !== undefined) {
      const hash = requestHash({ invoiceId, amount: input.amount, method, actor: actor.id });
      const replay = await claimIdempotencyKey<{ paymentId: string }>(trx, tenantId, SCOPE, key, hash);
      if (replay) {
        const payment = await trx<PaymentRow>('payments')
          .where({ tenant_id: tenantId, id: replay.result.paymentId })
          .first();
        const invoice = await invoiceRow(trx, tenantId, payment!.invoice_id);
        return { payment: payment!, invoice: invoice!, replayed: true };
      }
    }
    const invoice = await invoiceRow(trx, tenantId, invoiceId, true);
    if (!invoice) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
    const amount = assertPayable(tenantId, invoice, input.amount, now);
    const settled: { payment: PaymentRow; invoice: InvoiceRow } = await settlePayment(trx, {
      tenantId,
      invoice,
      payment: { kind: 'new', method, amount, actorId: actor.id },
      at: now,
      timeZone,
    });
    if (key !== undefined) {
      await recordIdempotentResult(trx, tenantId, SCOPE, key, { paymentId: settled.payment.id });
    }
    return { ...settled, replayed: false };
  });
  if (!result.replayed) ctx.afterCommit();
  return {
    payment: toPayment(result.payment),
    invoice: toInvoice(result.invoice, now),
    replayed: result.replayed,
  };
}
