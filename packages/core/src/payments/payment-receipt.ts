import { isUuid } from '../staff/staff-rows.js';
import type { Applicant } from '../workflow/inquiry/types.js';
import type { Locale } from '../i18n/locales.js';
import type { PaymentContext } from './payment-context.js';
import { soums, type InvoiceRow, type PaymentRow } from './payment-rows.js';
import { paymentErrors } from './payments.errors.js';
import type { PaymentReceipt, ReceiptLine } from './types.js';

/** The name printed as the payer: the person, or the organisation. */
export function payerName(applicant: Applicant): string {
  if (applicant.type === 'legal_entity') return applicant.name;
  return [applicant.lastName, applicant.firstName, applicant.middleName].filter(Boolean).join(' ');
}

/** Everything a printed receipt of a confirmed payment needs. */
export async function paymentReceipt(
  ctx: PaymentContext,
  tenantId: string,
  paymentId: string,
): Promise<PaymentReceipt> {
  if (!isUuid(paymentId)) throw paymentErrors.paymentNotFound(tenantId, paymentId);
  const data = await ctx.db.withTenant(tenantId, async (trx) => {
    const payment = await trx<PaymentRow>('payments').where({ tenant_id: tenantId, id: paymentId }).first();
    if (!payment) throw paymentErrors.paymentNotFound(tenantId, paymentId);
    const invoice = (await trx<InvoiceRow>('invoices')
      .where({ tenant_id: tenantId, id: payment.invoice_id })
      .first())!;
    const inquiry = (await trx('inquiries')
      .where({ tenant_id: tenantId, id: payment.inquiry_id })
      .first<{ tracking_number: string; applicant: Applicant; locale: Locale }>(
        'tracking_number',
        'applicant',
        'locale',
      ))!;
    const cashier = isUuid(payment.received_by)
      ? await trx('staff_members')
          .where({ tenant_id: tenantId, id: payment.received_by })
          .first<{ display_name: string } | undefined>('display_name')
      : undefined;
    const [paid] = await trx('payments')
      .where({ tenant_id: tenantId, invoice_id: invoice.id, status: 'confirmed' })
      .where('confirmed_at', '<=', payment.confirmed_at ?? new Date(0))
      .sum<Array<{ sum: string | number | null }>>('amount as sum');
    return { payment, invoice, inquiry, cashier, paidToDate: soums(paid?.sum ?? 0) };
  });
  const { payment, invoice, inquiry } = data;
  if (payment.status !== 'confirmed' || !payment.receipt_number || !payment.confirmed_at) {
    throw paymentErrors.noReceipt(tenantId, paymentId, payment.status);
  }
  const definition = await ctx.services.get(invoice.service_code, invoice.service_version);
  const amount = soums(payment.amount);
  const total = soums(invoice.total);
  const lines: ReceiptLine[] =
    amount === total
      ? invoice.lines.map((line) => ({ ...line }))
      : [
          {
            kind: 'partial',
            description: {
              'uz-Latn': `Qisman to'lov: ${total} so'mdan`,
              'uz-Cyrl': `Қисман тўлов: ${total} сўмдан`,
              ru: `Частичная оплата из ${total} сум`,
              en: `Partial payment of ${total} UZS`,
            },
            quantity: 1,
            unitAmount: amount,
            amount,
          },
        ];
  return {
    paymentId,
    invoiceId: invoice.id,
    inquiryId: invoice.inquiry_id,
    receiptNumber: payment.receipt_number,
    paidAt: payment.confirmed_at,
    payerName: payerName(inquiry.applicant),
    serviceCode: invoice.service_code,
    serviceNames: definition.names,
    trackingNumber: inquiry.tracking_number,
    lines,
    total: amount,
    currency: 'UZS',
    method: payment.method === 'provider' ? (payment.provider_id ?? 'provider') : payment.method,
    cashierName: data.cashier?.display_name ?? null,
    locale: inquiry.locale,
    invoiceTotal: total,
    invoiceLines: invoice.lines,
    paidToDate: data.paidToDate,
  };
}
