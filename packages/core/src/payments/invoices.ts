import { appendAudit } from '../audit/audit-log.js';
import type { TenantTransaction } from '../db/types.js';
import { isUuid } from '../staff/staff-rows.js';
import { readInquiryRow } from '../workflow/engine/transition-in.js';
import { inquiryNotFound } from '../workflow/engine/workflow.errors.js';
import { inquiryFromRow } from '../workflow/inquiry/inquiry-rows.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { writeOutboxEvents } from '../workflow/outbox/write-outbox-events.js';
import { PAYMENT_ROLES, requireRole } from './payment-access.js';
import type { PaymentContext } from './payment-context.js';
import { isOverdue, toInvoice, type InvoiceRow } from './payment-rows.js';
import { paymentErrors } from './payments.errors.js';
import type { Invoice, InvoiceFilter, InvoicePage, InvoiceStatus } from './types.js';

const DAY_MS = 86_400_000;
const REASON_MAX = 1000;
const STATUSES: readonly InvoiceStatus[] = ['issued', 'paid', 'cancelled', 'expired'];

/** The inquiry's open invoice (issued and not overdue, or paid), locked when asked. */
export async function openInvoiceRow(
  trx: TenantTransaction,
  tenantId: string,
  inquiryId: string,
  lock = false,
): Promise<InvoiceRow | undefined> {
  const query = trx<InvoiceRow>('invoices')
    .where({ tenant_id: tenantId, inquiry_id: inquiryId })
    .whereIn('status', ['issued', 'paid'])
    .first();
  return lock ? query.forUpdate() : query;
}

/** An invoice row of the tenant, locked when asked; undefined for an unknown or malformed id. */
export async function invoiceRow(
  trx: TenantTransaction,
  tenantId: string,
  invoiceId: string,
  lock = false,
): Promise<InvoiceRow | undefined> {
  if (!isUuid(invoiceId)) return undefined;
  const query = trx<InvoiceRow>('invoices').where({ tenant_id: tenantId, id: invoiceId }).first();
  return lock ? query.forUpdate() : query;
}

/** Marks an overdue invoice expired in the caller's transaction (with its event and audit entry). */
export async function markExpired(
  trx: TenantTransaction,
  tenantId: string,
  row: InvoiceRow,
  now: Date,
): Promise<InvoiceRow> {
  const [updated] = await trx<InvoiceRow>('invoices')
    .where({ tenant_id: tenantId, id: row.id, status: 'issued' })
    .update({ status: 'expired', expired_at: now, updated_at: now })
    .returning('*');
  await writeOutboxEvents(trx, tenantId, [
    {
      type: 'invoice.expired',
      inquiryId: row.inquiry_id,
      payload: { invoiceId: row.id, inquiryId: row.inquiry_id, dueAt: row.due_at.toISOString() },
    },
  ]);
  await appendAudit(trx, tenantId, {
    actor: 'system',
    action: 'invoice.expire',
    subjectType: 'invoice',
    subjectId: row.id,
    details: { inquiryId: row.inquiry_id, dueAt: row.due_at.toISOString() },
  });
  return updated!;
}

/**
 * The inquiry's open invoice, made from its fee quote when there is none (an overdue one is
 * expired first). Null for a free service. The inquiry row is locked while deciding, so two
 * concurrent calls make one invoice.
 */
export async function ensureInvoice(
  ctx: PaymentContext,
  tenantId: string,
  inquiryId: string,
  actor: Actor,
): Promise<Invoice | null> {
  requireRole(tenantId, actor, 'issue an invoice', PAYMENT_ROLES.issue);
  const now = ctx.clock();
  const found = await ctx.db.withTenant(tenantId, async (trx) => {
    const inquiry = await readInquiryRow(trx, tenantId, inquiryId);
    if (!inquiry) throw inquiryNotFound(tenantId, inquiryId);
    const open = await openInvoiceRow(trx, tenantId, inquiryId);
    return { inquiry, open: open && !isOverdue(open, now) ? open : undefined };
  });
  if (found.open) return toInvoice(found.open, now);
  const quote = await ctx.fees.quoteForInquiry(tenantId, inquiryFromRow(found.inquiry));
  if (quote.free) return null;
  let wrote = false;
  const invoice = await ctx.db.withTenant(tenantId, async (trx) => {
    const inquiry = await readInquiryRow(trx, tenantId, inquiryId, true);
    if (!inquiry) throw inquiryNotFound(tenantId, inquiryId);
    const open = await openInvoiceRow(trx, tenantId, inquiryId, true);
    if (open && !isOverdue(open, now)) return open;
    if (open) await markExpired(trx, tenantId, open, now);
    const [row]: InvoiceRow[] = await trx('invoices')
      .insert({
        tenant_id: tenantId,
        inquiry_id: inquiryId,
        service_code: inquiry.service_code,
        service_version: inquiry.service_version,
        agency_code: inquiry.agency_code,
        // A fee that comes to nothing (a 100% discount) is settled as it is made: there is nothing
        // to pay, and the workflow's `requires: payment` must not wait for a payment that cannot come.
        status: quote.total === 0 ? 'paid' : 'issued',
        ...(quote.total === 0 ? { paid_at: now } : {}),
        currency: 'UZS',
        total: quote.total,
        lines: JSON.stringify(quote.lines),
        quote: JSON.stringify(quote),
        partial_allowed: quote.partialPayments,
        issued_at: now,
        due_at: new Date(now.getTime() + quote.payableDays * DAY_MS),
        created_by: actor.id,
        updated_at: now,
      })
      .returning('*');
    await writeOutboxEvents(trx, tenantId, [
      {
        type: 'invoice.issued',
        inquiryId,
        payload: {
          invoiceId: row!.id,
          inquiryId,
          serviceCode: inquiry.service_code,
          agencyCode: inquiry.agency_code,
          total: quote.total,
          currency: 'UZS',
          dueAt: row!.due_at.toISOString(),
        },
      },
    ]);
    await appendAudit(trx, tenantId, {
      actor: actor.id,
      action: 'invoice.issue',
      subjectType: 'invoice',
      subjectId: row!.id,
      details: { inquiryId, total: quote.total, serviceCode: inquiry.service_code },
    });
    wrote = true;
    return row!;
  });
  if (wrote) ctx.afterCommit();
  return toInvoice(invoice, now);
}

/** The inquiry's open invoice, else its latest one, else null. */
export async function invoiceFor(
  ctx: PaymentContext,
  tenantId: string,
  inquiryId: string,
): Promise<Invoice | null> {
  if (!isUuid(inquiryId)) throw inquiryNotFound(tenantId, inquiryId);
  const row = await ctx.db.withTenant(tenantId, async (trx) => {
    const inquiry = await readInquiryRow(trx, tenantId, inquiryId);
    if (!inquiry) throw inquiryNotFound(tenantId, inquiryId);
    return (
      (await openInvoiceRow(trx, tenantId, inquiryId)) ??
      (await trx<InvoiceRow>('invoices')
        .where({ tenant_id: tenantId, inquiry_id: inquiryId })
        .orderBy('issued_at', 'desc')
        .first())
    );
  });
  return row ? toInvoice(row, ctx.clock()) : null;
}

export async function getInvoice(ctx: PaymentContext, tenantId: string, invoiceId: string): Promise<Invoice> {
  const row = await ctx.db.withTenant(tenantId, (trx) => invoiceRow(trx, tenantId, invoiceId));
  if (!row) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
  return toInvoice(row, ctx.clock());
}

/** Invoices of the tenant, newest first, by status (overdue ones count as expired), inquiry, service. */
export async function listInvoices(
  ctx: PaymentContext,
  tenantId: string,
  filter: InvoiceFilter = {},
): Promise<InvoicePage> {
  const limit = filter.limit ?? 50;
  const offset = filter.offset ?? 0;
  if (filter.status !== undefined && !STATUSES.includes(filter.status)) {
    throw paymentErrors.filterInvalid(tenantId, `unknown status "${String(filter.status)}"`);
  }
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
    throw paymentErrors.filterInvalid(tenantId, 'limit must be 1-200');
  }
  if (!Number.isInteger(offset) || offset < 0)
    throw paymentErrors.filterInvalid(tenantId, 'offset must be >= 0');
  if (filter.inquiryId !== undefined && !isUuid(filter.inquiryId)) {
    throw paymentErrors.filterInvalid(tenantId, 'inquiryId must be a UUID');
  }
  const now = ctx.clock();
  return ctx.db.withTenant(tenantId, async (trx) => {
    const query = trx<InvoiceRow>('invoices').where({ tenant_id: tenantId });
    if (filter.inquiryId) query.where('inquiry_id', filter.inquiryId);
    if (filter.serviceCode) query.where('service_code', filter.serviceCode);
    if (filter.agencyCodes) query.whereIn('agency_code', [...filter.agencyCodes]);
    const overdue = (q: typeof query) =>
      q.where('status', 'issued').where('paid_amount', 0).where('due_at', '<=', now);
    if (filter.status === 'expired') {
      query.where((q) => void q.where('status', 'expired').orWhere((o) => void overdue(o as typeof query)));
    } else if (filter.status === 'issued') {
      query.where('status', 'issued').whereNot((q) => void overdue(q as typeof query));
    } else if (filter.status) {
      query.where('status', filter.status);
    }
    const [count] = await query.clone().count<Array<{ count: string | number }>>('* as count');
    const rows = await query
      .orderBy([{ column: 'issued_at', order: 'desc' }, 'id'])
      .limit(limit)
      .offset(offset);
    return { items: rows.map((row) => toInvoice(row, now)), total: Number(count?.count ?? 0) };
  });
}

/** Cancels an issued invoice on which nothing was paid; its pending provider payments fail. */
export async function cancelInvoice(
  ctx: PaymentContext,
  tenantId: string,
  invoiceId: string,
  reason: string,
  actor: Actor,
): Promise<Invoice> {
  requireRole(tenantId, actor, 'cancel an invoice', PAYMENT_ROLES.cancel);
  if (typeof reason !== 'string' || reason.trim().length === 0 || reason.length > REASON_MAX) {
    throw paymentErrors.reasonInvalid(tenantId, `cancelling invoice ${invoiceId}`);
  }
  const now = ctx.clock();
  const row = await ctx.db.withTenant(tenantId, async (trx) => {
    const current = await invoiceRow(trx, tenantId, invoiceId, true);
    if (!current) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
    if (current.status !== 'issued') throw paymentErrors.notPayable(tenantId, invoiceId, current.status);
    const paid = Number(current.paid_amount);
    if (paid > 0) throw paymentErrors.hasPayments(tenantId, invoiceId, paid);
    await trx('payments')
      .where({ tenant_id: tenantId, invoice_id: invoiceId, status: 'pending' })
      .update({ status: 'failed', failed_at: now, failure_reason: 'invoice cancelled' });
    const [updated] = await trx<InvoiceRow>('invoices')
      .where({ tenant_id: tenantId, id: invoiceId })
      .update({
        status: 'cancelled',
        cancelled_at: now,
        cancelled_by: actor.id,
        cancel_reason: reason.trim(),
        updated_at: now,
      })
      .returning('*');
    await writeOutboxEvents(trx, tenantId, [
      {
        type: 'invoice.cancelled',
        inquiryId: current.inquiry_id,
        payload: { invoiceId, inquiryId: current.inquiry_id, reason: reason.trim() },
      },
    ]);
    await appendAudit(trx, tenantId, {
      actor: actor.id,
      action: 'invoice.cancel',
      subjectType: 'invoice',
      subjectId: invoiceId,
      details: { inquiryId: current.inquiry_id, reason: reason.trim(), total: Number(current.total) },
    });
    return updated!;
  });
  ctx.afterCommit();
  return toInvoice(row, now);
}

/** Marks every overdue invoice of the tenant expired; returns how many (the jobs call it). */
export async function expireOverdue(ctx: PaymentContext, tenantId: string): Promise<number> {
  const now = ctx.clock();
  const count = await ctx.db.withTenant(tenantId, async (trx) => {
    const rows = await trx<InvoiceRow>('invoices')
      .where({ tenant_id: tenantId, status: 'issued', paid_amount: 0 })
      .where('due_at', '<=', now)
      .forUpdate()
      .skipLocked();
    for (const row of rows) await markExpired(trx, tenantId, row, now);
    return rows.length;
  });
  if (count > 0) ctx.afterCommit();
  return count;
}
