import type { Platform } from '@darcha/core';

/**
 * Payment rows of an inquiry written straight into a city's tables (the API fixture's service is
 * free, so the payment service would make no invoice): an invoice paid by one cash payment with a
 * receipt, and a refund request. Returns the ids for tests that probe routes with them.
 */
export async function seedPaymentRows(
  platform: Platform,
  tenantId: string,
  inquiryId: string,
): Promise<{ invoiceId: string; paymentId: string; refundId: string }> {
  return platform.db.withTenant(tenantId, async (trx) => {
    const now = new Date();
    const [invoice] = await trx('invoices')
      .insert({
        tenant_id: tenantId,
        inquiry_id: inquiryId,
        service_code: 'gas.no-debt',
        service_version: 1,
        status: 'paid',
        total: 1000,
        paid_amount: 1000,
        lines: JSON.stringify([]),
        quote: JSON.stringify({}),
        issued_at: now,
        due_at: new Date(now.getTime() + 86_400_000),
        paid_at: now,
        created_by: 'test',
      })
      .returning('id');
    const [payment] = await trx('payments')
      .insert({
        tenant_id: tenantId,
        invoice_id: invoice.id,
        inquiry_id: inquiryId,
        method: 'cash',
        status: 'confirmed',
        amount: 1000,
        receipt_number: `SEED-${now.getFullYear()}-R000001`,
        receipt_year: now.getFullYear(),
        received_by: 'test',
        started_by: 'test',
        started_at: now,
        confirmed_at: now,
      })
      .returning('id');
    const [refund] = await trx('refunds')
      .insert({
        tenant_id: tenantId,
        payment_id: payment.id,
        invoice_id: invoice.id,
        amount: 100,
        reason: 'seeded',
        status: 'requested',
        requested_by: 'test',
        requested_at: now,
      })
      .returning('id');
    return {
      invoiceId: invoice.id as string,
      paymentId: payment.id as string,
      refundId: refund.id as string,
    };
  });
}
