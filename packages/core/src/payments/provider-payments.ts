import { randomUUID } from 'node:crypto';
import { appendAudit } from '../audit/audit-log.js';
import { isDarchaError } from '../errors/darcha-error.js';
import type { PaymentProvider } from '../plugins/contributions.js';
import { readInquiryRow } from '../workflow/engine/transition-in.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { invoiceRow } from './invoices.js';
import { ownsInquiry, PAYMENT_ROLES, requireRole } from './payment-access.js';
import type { PaymentContext } from './payment-context.js';
import { soums, toInvoice, toPayment, type PaymentRow } from './payment-rows.js';
import { assertPayable } from './payable.js';
import { paymentErrors } from './payments.errors.js';
import { settlePayment } from './settle-payment.js';
import type { CallbackResult, Payment, ProviderCallback } from './types.js';

async function providerOf(
  ctx: PaymentContext,
  tenantId: string,
  providerId: string,
): Promise<PaymentProvider> {
  const provider = (await ctx.providers(tenantId)).find((p) => p.id === providerId);
  if (!provider) throw paymentErrors.providerNotFound(tenantId, String(providerId));
  return provider;
}

/**
 * Starts paying an invoice's outstanding sum through a provider: asks the provider to open the
 * payment, then records it `pending` with the provider's reference. Staff, or the applicant who
 * owns the inquiry, may start it.
 */
export async function startPayment(
  ctx: PaymentContext,
  tenantId: string,
  invoiceId: string,
  providerId: string,
  actor: Actor,
): Promise<Payment> {
  const now = ctx.clock();
  const { invoice, tracking } = await ctx.db.withTenant(tenantId, async (trx) => {
    const row = await invoiceRow(trx, tenantId, invoiceId);
    if (!row) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
    const inquiry = await readInquiryRow(trx, tenantId, row.inquiry_id);
    if (actor.kind === 'citizen') {
      // Another applicant's invoice is not theirs to see.
      if (!inquiry || !ownsInquiry(actor, inquiry)) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
    } else {
      requireRole(tenantId, actor, 'start a provider payment', PAYMENT_ROLES.start);
    }
    return { invoice: row, tracking: `${inquiry?.tracking_number ?? ''} ${row.service_code}`.trim() };
  });
  const amount = soums(invoice.total) - soums(invoice.paid_amount);
  assertPayable(tenantId, { ...invoice, partial_allowed: false }, amount, now);
  const provider = await providerOf(ctx, tenantId, providerId);
  const paymentId = randomUUID();
  let started: { reference: string; redirectUrl?: string };
  try {
    started = await provider.start({
      tenantId,
      paymentId,
      invoiceId,
      inquiryId: invoice.inquiry_id,
      amount,
      currency: 'UZS',
      description: tracking,
    });
  } catch (error) {
    throw paymentErrors.providerFailed(tenantId, providerId, error);
  }
  if (typeof started?.reference !== 'string' || started.reference.length === 0) {
    throw paymentErrors.providerFailed(tenantId, providerId, new Error('start() returned no reference'));
  }
  const row = await ctx.db.withTenant(tenantId, async (trx) => {
    const current = await invoiceRow(trx, tenantId, invoiceId, true);
    if (!current) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
    assertPayable(tenantId, { ...current, partial_allowed: false }, amount, now);
    const [inserted]: PaymentRow[] = await trx('payments')
      .insert({
        tenant_id: tenantId,
        id: paymentId,
        invoice_id: invoiceId,
        inquiry_id: current.inquiry_id,
        method: 'provider',
        provider_id: providerId,
        provider_reference: started.reference,
        redirect_url: started.redirectUrl ?? null,
        status: 'pending',
        currency: 'UZS',
        amount,
        started_by: actor.id,
        started_at: now,
      })
      .returning('*');
    await appendAudit(trx, tenantId, {
      actor: actor.id,
      action: 'payment.start',
      subjectType: 'payment',
      subjectId: paymentId,
      details: { invoiceId, providerId, reference: started.reference, amount },
    });
    return inserted!;
  });
  return toPayment(row);
}

type Outcome = { kind: 'done'; result: CallbackResult } | { kind: 'refused'; error: Error };

/**
 * A provider's callback: the provider verifies it and names the payment; Darcha confirms it once.
 * A replay (or a concurrent duplicate: the payment row is locked) returns the settled payment with
 * `replayed: true`. A forged callback, an unknown reference or an amount that differs from the
 * started payment is refused, audited, and changes nothing else.
 */
export async function confirmCallback(
  ctx: PaymentContext,
  tenantId: string,
  providerId: string,
  callback: ProviderCallback,
): Promise<CallbackResult> {
  const provider = await providerOf(ctx, tenantId, providerId);
  let verdict: Awaited<ReturnType<PaymentProvider['verify']>>;
  try {
    verdict = await provider.verify({
      tenantId,
      body: callback.body,
      ...(callback.rawBody !== undefined ? { rawBody: callback.rawBody } : {}),
      headers: callback.headers ?? {},
    });
  } catch (error) {
    if (isDarchaError(error)) throw error;
    throw paymentErrors.providerFailed(tenantId, providerId, error);
  }
  if (
    verdict === null ||
    typeof verdict !== 'object' ||
    typeof verdict.reference !== 'string' ||
    typeof verdict.paid !== 'boolean' ||
    !Number.isSafeInteger(verdict.amount)
  ) {
    await refuse(ctx, tenantId, 'payment.callback-refused', { providerId, why: 'signature' });
    throw paymentErrors.callbackRefused(tenantId, providerId, 'signature');
  }
  const { reference, paid, amount } = verdict;
  const timeZone = await ctx.timeZoneOf(tenantId);
  const now = ctx.clock();
  const outcome = await ctx.db.withTenant(tenantId, async (trx): Promise<Outcome> => {
    // Locks in the order cancellation takes them (the invoice, then its payments): no deadlock.
    const found = await trx<PaymentRow>('payments')
      .where({ tenant_id: tenantId, provider_id: providerId, provider_reference: reference })
      .first('id', 'invoice_id');
    if (found) await invoiceRow(trx, tenantId, found.invoice_id, true);
    const payment = found
      ? await trx<PaymentRow>('payments').where({ tenant_id: tenantId, id: found.id }).first().forUpdate()
      : undefined;
    if (!payment) {
      await appendAudit(trx, tenantId, {
        actor: `provider:${providerId}`,
        action: 'payment.callback-refused',
        details: { providerId, reference, why: 'reference' },
      });
      return { kind: 'refused', error: paymentErrors.callbackRefused(tenantId, providerId, 'reference') };
    }
    const invoice = await invoiceRow(trx, tenantId, payment.invoice_id, true);
    if (payment.status === 'failed' && paid) {
      // The provider took money for a payment Darcha had given up on (its invoice was cancelled, or
      // the provider first said unpaid): nothing is booked, and the money must go back through the
      // provider. Said loudly, every time the provider reports it.
      await appendAudit(trx, tenantId, {
        actor: `provider:${providerId}`,
        action: 'payment.unapplied',
        subjectType: 'payment',
        subjectId: payment.id,
        details: { providerId, reference, amount, failureReason: payment.failure_reason },
      });
      ctx.logger?.warn(
        { tenantId, paymentId: payment.id, providerId, reference, amount },
        'a provider reports a failed payment as paid; the money is not applied',
      );
      return {
        kind: 'refused',
        error: paymentErrors.notApplicable(tenantId, payment.id, invoice!.id, invoice!.status),
      };
    }
    if (payment.status !== 'pending') {
      return {
        kind: 'done',
        result: { payment: toPayment(payment), invoice: toInvoice(invoice!, now), replayed: true },
      };
    }
    const actor = `provider:${providerId}`;
    if (!paid) {
      const [failed]: PaymentRow[] = await trx('payments')
        .where({ tenant_id: tenantId, id: payment.id })
        .update({ status: 'failed', failed_at: now, failure_reason: 'the provider reports it unpaid' })
        .returning('*');
      await appendAudit(trx, tenantId, {
        actor,
        action: 'payment.fail',
        subjectType: 'payment',
        subjectId: payment.id,
        details: { providerId, reference },
      });
      return {
        kind: 'done',
        result: { payment: toPayment(failed!), invoice: toInvoice(invoice!, now), replayed: false },
      };
    }
    const expected = soums(payment.amount);
    if (amount !== expected) {
      await appendAudit(trx, tenantId, {
        actor,
        action: 'payment.amount-mismatch',
        subjectType: 'payment',
        subjectId: payment.id,
        details: { providerId, reference, expected, reported: amount },
      });
      return { kind: 'refused', error: paymentErrors.amountMismatch(tenantId, payment.id, expected, amount) };
    }
    const outstanding = soums(invoice!.total) - soums(invoice!.paid_amount);
    if (invoice!.status !== 'issued' || amount > outstanding) {
      await trx('payments')
        .where({ tenant_id: tenantId, id: payment.id })
        .update({
          status: 'failed',
          failed_at: now,
          failure_reason: `invoice ${invoice!.status}: not applied`,
        });
      await appendAudit(trx, tenantId, {
        actor,
        action: 'payment.unapplied',
        subjectType: 'payment',
        subjectId: payment.id,
        details: { providerId, reference, amount, invoiceStatus: invoice!.status, outstanding },
      });
      return {
        kind: 'refused',
        error: paymentErrors.notApplicable(tenantId, payment.id, invoice!.id, invoice!.status),
      };
    }
    const settled = await settlePayment(trx, {
      tenantId,
      invoice: invoice!,
      payment: { kind: 'pending', id: payment.id, amount, actorId: actor },
      at: now,
      timeZone,
    });
    return {
      kind: 'done',
      result: {
        payment: toPayment(settled.payment),
        invoice: toInvoice(settled.invoice, now),
        replayed: false,
      },
    };
  });
  if (outcome.kind === 'refused') {
    ctx.logger?.warn({ tenantId, providerId, err: outcome.error }, 'payment callback refused');
    throw outcome.error;
  }
  if (!outcome.result.replayed) ctx.afterCommit();
  return outcome.result;
}

async function refuse(
  ctx: PaymentContext,
  tenantId: string,
  action: string,
  details: Record<string, unknown>,
): Promise<void> {
  ctx.logger?.warn({ tenantId, ...details }, 'payment callback refused');
  await ctx.db.withTenant(tenantId, (trx) =>
    appendAudit(trx, tenantId, { actor: `provider:${String(details['providerId'])}`, action, details }),
  );
}
