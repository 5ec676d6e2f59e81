import { appendAudit } from '../audit/audit-log.js';
import type { TenantTransaction } from '../db/types.js';
import { isUuid } from '../staff/staff-rows.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import { PAYMENT_ROLES, requireRole } from './payment-access.js';
import type { PaymentContext } from './payment-context.js';
import { soums, toRefund, type PaymentRow, type RefundRow } from './payment-rows.js';
import { paymentErrors } from './payments.errors.js';
import type { Refund } from './types.js';

const TEXT_MAX = 1000;

async function paymentRow(
  trx: TenantTransaction,
  tenantId: string,
  paymentId: string,
  lock = false,
): Promise<PaymentRow | undefined> {
  if (!isUuid(paymentId)) return undefined;
  const query = trx<PaymentRow>('payments').where({ tenant_id: tenantId, id: paymentId }).first();
  return lock ? query.forUpdate() : query;
}

/**
 * A cashier asks to give back (part of) a confirmed payment. Pending and approved refunds of the
 * payment together never exceed its amount (the payment row is locked while checking).
 */
export async function requestRefund(
  ctx: PaymentContext,
  tenantId: string,
  paymentId: string,
  input: { amount: number; reason: string },
  actor: Actor,
): Promise<Refund> {
  requireRole(tenantId, actor, 'request a refund', PAYMENT_ROLES.requestRefund);
  const amount = input?.amount;
  const reason = typeof input?.reason === 'string' ? input.reason.trim() : '';
  if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0) {
    throw paymentErrors.refundInvalid(
      tenantId,
      paymentId,
      'the amount must be a whole number of soums above 0',
    );
  }
  if (reason.length === 0 || reason.length > TEXT_MAX) {
    throw paymentErrors.refundInvalid(tenantId, paymentId, 'a reason of 1 to 1000 characters is required');
  }
  const now = ctx.clock();
  const row = await ctx.db.withTenant(tenantId, async (trx) => {
    const payment = await paymentRow(trx, tenantId, paymentId, true);
    if (!payment) throw paymentErrors.paymentNotFound(tenantId, paymentId);
    if (payment.status !== 'confirmed')
      throw paymentErrors.notRefundable(tenantId, paymentId, payment.status);
    const [sum] = await trx('refunds')
      .where({ tenant_id: tenantId, payment_id: paymentId })
      .whereIn('status', ['requested', 'approved'])
      .sum<Array<{ sum: string | number | null }>>('amount as sum');
    const available = soums(payment.amount) - soums(sum?.sum ?? 0);
    if (amount > available) throw paymentErrors.refundTooLarge(tenantId, paymentId, amount, available);
    const [inserted]: RefundRow[] = await trx('refunds')
      .insert({
        tenant_id: tenantId,
        payment_id: paymentId,
        invoice_id: payment.invoice_id,
        amount,
        reason,
        status: 'requested',
        requested_by: actor.id,
        requested_at: now,
      })
      .returning('*');
    await appendAudit(trx, tenantId, {
      actor: actor.id,
      action: 'refund.request',
      subjectType: 'refund',
      subjectId: inserted!.id,
      details: { paymentId, invoiceId: payment.invoice_id, amount, reason },
    });
    return inserted!;
  });
  return toRefund(row);
}

/**
 * Approves or rejects a requested refund: a supervisor or city administrator other than the one
 * who requested it. Approval adds the amount to the payment's and the invoice's `refunded_amount`
 * and writes `payment.refunded`.
 */
export async function decideRefund(
  ctx: PaymentContext,
  tenantId: string,
  refundId: string,
  decision: 'approved' | 'rejected',
  note: string | null,
  actor: Actor,
): Promise<Refund> {
  requireRole(
    tenantId,
    actor,
    `${decision === 'approved' ? 'approve' : 'reject'} a refund`,
    PAYMENT_ROLES.decideRefund,
  );
  const text = typeof note === 'string' ? note.trim() : '';
  if (text.length > TEXT_MAX)
    throw paymentErrors.refundInvalid(tenantId, refundId, 'the note is longer than 1000 characters');
  if (decision === 'rejected' && text.length === 0)
    throw paymentErrors.reasonInvalid(tenantId, `rejecting refund ${refundId}`);
  const now = ctx.clock();
  const row = await ctx.db.withTenant(tenantId, async (trx) => {
    const refund = isUuid(refundId)
      ? await trx<RefundRow>('refunds').where({ tenant_id: tenantId, id: refundId }).first().forUpdate()
      : undefined;
    if (!refund) throw paymentErrors.refundNotFound(tenantId, refundId);
    if (refund.status !== 'requested') throw paymentErrors.refundDecided(tenantId, refundId, refund.status);
    if (refund.requested_by === actor.id) throw paymentErrors.ownRefund(tenantId, refundId, actor.id);
    const amount = soums(refund.amount);
    const [updated]: RefundRow[] = await trx('refunds')
      .where({ tenant_id: tenantId, id: refundId })
      .update({ status: decision, decided_by: actor.id, decided_at: now, decision_note: text || null })
      .returning('*');
    if (decision === 'approved') {
      const payment = (await paymentRow(trx, tenantId, refund.payment_id, true))!;
      await trx('payments')
        .where({ tenant_id: tenantId, id: payment.id })
        .update({ refunded_amount: soums(payment.refunded_amount) + amount });
      await trx('invoices')
        .where({ tenant_id: tenantId, id: refund.invoice_id })
        .update({ refunded_amount: trx.raw('refunded_amount + ?', [amount]), updated_at: now });
      await writeOutboxEvents(trx, tenantId, [
        {
          type: 'payment.refunded',
          inquiryId: payment.inquiry_id,
          payload: {
            refundId,
            paymentId: payment.id,
            invoiceId: refund.invoice_id,
            inquiryId: payment.inquiry_id,
            amount,
            currency: 'UZS',
            reason: refund.reason,
          },
        },
      ]);
    }
    await appendAudit(trx, tenantId, {
      actor: actor.id,
      action: decision === 'approved' ? 'refund.approve' : 'refund.reject',
      subjectType: 'refund',
      subjectId: refundId,
      details: { paymentId: refund.payment_id, amount, note: text || null, requestedBy: refund.requested_by },
    });
    return updated!;
  });
  if (decision === 'approved') ctx.afterCommit();
  return toRefund(row);
}

export async function getRefund(ctx: PaymentContext, tenantId: string, refundId: string): Promise<Refund> {
  const row = isUuid(refundId)
    ? await ctx.db.withTenant(tenantId, (trx) =>
        trx<RefundRow>('refunds').where({ tenant_id: tenantId, id: refundId }).first(),
      )
    : undefined;
  if (!row) throw paymentErrors.refundNotFound(tenantId, refundId);
  return toRefund(row);
}

export async function refundsOf(ctx: PaymentContext, tenantId: string, paymentId: string): Promise<Refund[]> {
  if (!isUuid(paymentId)) throw paymentErrors.paymentNotFound(tenantId, paymentId);
  const rows = await ctx.db.withTenant(tenantId, (trx) =>
    trx<RefundRow>('refunds')
      .where({ tenant_id: tenantId, payment_id: paymentId })
      .orderBy([{ column: 'requested_at', order: 'asc' }, 'id']),
  );
  return rows.map(toRefund);
}

export { paymentRow };
