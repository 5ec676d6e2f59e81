import type { Database } from '../db/database.js';
import { isUuid } from '../staff/staff-rows.js';
import type { Logger } from '../logging/logger.js';
import type { PaymentProvider } from '../plugins/contributions.js';
import type { ServiceRegistry } from '../registry/contracts.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import type { PaymentCheck } from '../workflow/engine/engine-types.js';
import type { Actor } from '../workflow/inquiry/types.js';
import { payAtDesk } from './desk-payments.js';
import {
  cancelInvoice,
  ensureInvoice,
  expireOverdue,
  getInvoice,
  invoiceFor,
  listInvoices,
} from './invoices.js';
import { paymentCheck } from './payment-check.js';
import type { PaymentContext } from './payment-context.js';
import { paymentReceipt } from './payment-receipt.js';
import { toPayment, type PaymentRow } from './payment-rows.js';
import { paymentErrors } from './payments.errors.js';
import { confirmCallback, startPayment } from './provider-payments.js';
import { decideRefund, getRefund, paymentRow, refundsOf, requestRefund } from './refunds.js';
import type {
  CallbackResult,
  FeeQuoter,
  Invoice,
  InvoiceFilter,
  InvoicePage,
  Payment,
  PaymentReceipt,
  PaymentService,
  ProviderCallback,
  Refund,
} from './types.js';

export interface PostgresPaymentServiceOptions {
  db: Database;
  /** The fee service (`quoteForInquiry`). */
  fees: FeeQuoter;
  services: Pick<ServiceRegistry, 'get'>;
  /** The payment providers usable by the tenant (active plugins enabled for it). Default none. */
  providers?: (tenantId: string) => Promise<PaymentProvider[]>;
  timeZoneOf: (tenantId: string) => Promise<string>;
  clock?: () => Date;
  /** Called after a commit that wrote outbox events (the dispatcher's `wake`). */
  afterCommit?: () => void;
  logger?: Logger;
}

/**
 * {@link PaymentService} on the platform database; also the workflow engine's {@link PaymentCheck}.
 *
 * @example
 * const invoice = await payments.ensureInvoice('chirchik', inquiry.id, operator);
 * const { payment } = await payments.payAtDesk('chirchik', invoice!.id, { amount: invoice!.total, method: 'cash' }, cashier);
 * payment.receiptNumber; // 'CHR-2026-R000001'
 */
export class PostgresPaymentService implements PaymentService, PaymentCheck {
  readonly #ctx: PaymentContext;
  readonly #check: PaymentCheck;

  constructor(options: PostgresPaymentServiceOptions) {
    this.#ctx = {
      db: options.db,
      fees: options.fees,
      services: options.services,
      providers: options.providers ?? (async () => []),
      timeZoneOf: options.timeZoneOf,
      clock: options.clock ?? (() => new Date()),
      afterCommit: options.afterCommit ?? (() => {}),
      ...(options.logger ? { logger: options.logger } : {}),
    };
    this.#check = paymentCheck(options.services);
  }

  isPaid: PaymentCheck['isPaid'] = (trx, tenantId, inquiryId) => this.#check.isPaid(trx, tenantId, inquiryId);

  ensureInvoice(tenantId: string, inquiryId: string, actor: Actor): Promise<Invoice | null> {
    assertTenantId(tenantId);
    return ensureInvoice(this.#ctx, tenantId, inquiryId, actor);
  }

  invoiceFor(tenantId: string, inquiryId: string): Promise<Invoice | null> {
    assertTenantId(tenantId);
    return invoiceFor(this.#ctx, tenantId, inquiryId);
  }

  getInvoice(tenantId: string, invoiceId: string): Promise<Invoice> {
    assertTenantId(tenantId);
    return getInvoice(this.#ctx, tenantId, invoiceId);
  }

  listInvoices(tenantId: string, filter?: InvoiceFilter): Promise<InvoicePage> {
    assertTenantId(tenantId);
    return listInvoices(this.#ctx, tenantId, filter);
  }

  cancelInvoice(tenantId: string, invoiceId: string, reason: string, actor: Actor): Promise<Invoice> {
    assertTenantId(tenantId);
    return cancelInvoice(this.#ctx, tenantId, invoiceId, reason, actor);
  }

  expireOverdue(tenantId: string): Promise<number> {
    assertTenantId(tenantId);
    return expireOverdue(this.#ctx, tenantId);
  }

  payAtDesk(
    tenantId: string,
    invoiceId: string,
    input: { amount: number; method: 'cash' | 'card' },
    actor: Actor,
    options: { idempotencyKey?: string } = {},
  ): Promise<{ payment: Payment; invoice: Invoice; replayed: boolean }> {
    assertTenantId(tenantId);
    return payAtDesk(this.#ctx, tenantId, invoiceId, input, actor, options);
  }

  startPayment(tenantId: string, invoiceId: string, providerId: string, actor: Actor): Promise<Payment> {
    assertTenantId(tenantId);
    return startPayment(this.#ctx, tenantId, invoiceId, providerId, actor);
  }

  confirmCallback(tenantId: string, providerId: string, callback: ProviderCallback): Promise<CallbackResult> {
    assertTenantId(tenantId);
    return confirmCallback(this.#ctx, tenantId, providerId, callback);
  }

  async getPayment(tenantId: string, paymentId: string): Promise<Payment> {
    assertTenantId(tenantId);
    const row = await this.#ctx.db.withTenant(tenantId, (trx) => paymentRow(trx, tenantId, paymentId));
    if (!row) throw paymentErrors.paymentNotFound(tenantId, paymentId);
    return toPayment(row);
  }

  async paymentsOf(tenantId: string, invoiceId: string): Promise<Payment[]> {
    assertTenantId(tenantId);
    if (!isUuid(invoiceId)) throw paymentErrors.invoiceNotFound(tenantId, invoiceId);
    const rows = await this.#ctx.db.withTenant(tenantId, (trx) =>
      trx<PaymentRow>('payments')
        .where({ tenant_id: tenantId, invoice_id: invoiceId })
        .orderBy([{ column: 'started_at', order: 'asc' }, 'id']),
    );
    return rows.map(toPayment);
  }

  receipt(tenantId: string, paymentId: string): Promise<PaymentReceipt> {
    assertTenantId(tenantId);
    return paymentReceipt(this.#ctx, tenantId, paymentId);
  }

  requestRefund(
    tenantId: string,
    paymentId: string,
    input: { amount: number; reason: string },
    actor: Actor,
  ): Promise<Refund> {
    assertTenantId(tenantId);
    return requestRefund(this.#ctx, tenantId, paymentId, input, actor);
  }

  approveRefund(tenantId: string, refundId: string, note: string | null, actor: Actor): Promise<Refund> {
    assertTenantId(tenantId);
    return decideRefund(this.#ctx, tenantId, refundId, 'approved', note, actor);
  }

  rejectRefund(tenantId: string, refundId: string, note: string | null, actor: Actor): Promise<Refund> {
    assertTenantId(tenantId);
    return decideRefund(this.#ctx, tenantId, refundId, 'rejected', note, actor);
  }

  getRefund(tenantId: string, refundId: string): Promise<Refund> {
    assertTenantId(tenantId);
    return getRefund(this.#ctx, tenantId, refundId);
  }

  refundsOf(tenantId: string, paymentId: string): Promise<Refund[]> {
    assertTenantId(tenantId);
    return refundsOf(this.#ctx, tenantId, paymentId);
  }
}
