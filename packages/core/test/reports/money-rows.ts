import type { Database } from '../../src/db/database.js';
import type { Inquiry } from '../../src/workflow/inquiry/types.js';

/**
 * Money written straight into the payments tables (migration 0016), for figures that must land at
 * exact instants (period boundaries) and for states the payment service makes only through a
 * provider (a pending payment). Rows satisfy the tables' checks.
 */
export class MoneyRows {
  #receipt = 0;
  constructor(private readonly db: Database) {}

  /** An invoice for the inquiry (status issued), as of `at`. */
  async invoice(tenantId: string, inquiry: Inquiry, total: number, at: Date): Promise<string> {
    return this.db.withTenant(tenantId, async (trx) => {
      const [row] = await trx('invoices')
        .insert({
          tenant_id: tenantId,
          inquiry_id: inquiry.id,
          service_code: inquiry.serviceCode,
          service_version: inquiry.serviceVersion,
          agency_code: inquiry.agencyCode,
          status: 'issued',
          total,
          lines: '[]',
          quote: '{}',
          issued_at: at,
          due_at: new Date(at.getTime() + 30 * 86_400_000),
          created_by: 'test',
        })
        .returning('id');
      return (row as { id: string }).id;
    });
  }

  /** A confirmed desk payment of `amount` on a new invoice of the same amount, confirmed at `at`. */
  async pay(
    tenantId: string,
    inquiry: Inquiry,
    amount: number,
    at: Date,
  ): Promise<{ paymentId: string; invoiceId: string }> {
    const invoiceId = await this.invoice(tenantId, inquiry, amount, at);
    return this.db.withTenant(tenantId, async (trx) => {
      this.#receipt += 1;
      const [row] = await trx('payments')
        .insert({
          tenant_id: tenantId,
          invoice_id: invoiceId,
          inquiry_id: inquiry.id,
          method: 'cash',
          status: 'confirmed',
          amount,
          receipt_number: `T-${this.#receipt}`,
          receipt_year: at.getUTCFullYear(),
          received_by: 'cashier',
          started_by: 'cashier',
          started_at: at,
          confirmed_at: at,
        })
        .returning('id');
      await trx('invoices')
        .where({ tenant_id: tenantId, id: invoiceId })
        .update({ status: 'paid', paid_amount: amount, paid_at: at });
      return { paymentId: (row as { id: string }).id, invoiceId };
    });
  }

  /** A provider payment started at `at` and never confirmed. */
  async pending(tenantId: string, inquiry: Inquiry, amount: number, at: Date): Promise<void> {
    const invoiceId = await this.invoice(tenantId, inquiry, amount, at);
    await this.db.withTenant(tenantId, (trx) =>
      trx('payments').insert({
        tenant_id: tenantId,
        invoice_id: invoiceId,
        inquiry_id: inquiry.id,
        method: 'provider',
        provider_id: 'test-pay',
        provider_reference: `ref-${invoiceId}`,
        status: 'pending',
        amount,
        started_by: 'citizen',
        started_at: at,
      }),
    );
  }

  /** A refund of a payment: approved at `at`, or only `requested`. */
  async refund(
    tenantId: string,
    paid: { paymentId: string; invoiceId: string },
    amount: number,
    at: Date,
    status: 'approved' | 'requested' = 'approved',
  ): Promise<void> {
    await this.db.withTenant(tenantId, (trx) =>
      trx('refunds').insert({
        tenant_id: tenantId,
        payment_id: paid.paymentId,
        invoice_id: paid.invoiceId,
        amount,
        reason: 'Paid twice',
        status,
        requested_by: 'cashier',
        requested_at: at,
        ...(status === 'approved' ? { decided_by: 'supervisor', decided_at: at } : {}),
      }),
    );
  }
}
