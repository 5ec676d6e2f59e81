import type { FieldError } from '../errors/field-error.js';
import type { Locale } from '../i18n/locales.js';
import { PAYMENT_METHOD_NAMES } from './templates/receipt-template.js';
import { textIn } from './template-resolver.js';
import type { ReceiptData } from './types.js';

/** What `core/receipt` is rendered with: {@link ReceiptData} in one locale. */
export interface ReceiptContext {
  receiptNumber: string;
  paidAt: string;
  payerName: string;
  service: { code: string; name: string };
  trackingNumber: string | null;
  lines: { kind: string; description: string; quantity: number; unitAmount: number; amount: number }[];
  total: number;
  method: string;
  cashierName: string | null;
}

/** Every problem of receipt data, by field (amounts must be integer soums, the date a date). */
export function receiptProblems(data: ReceiptData): FieldError[] {
  if (typeof data !== 'object' || data === null) return [{ field: '/', message: 'must be an object' }];
  const errors: FieldError[] = [];
  const textField = (field: keyof ReceiptData) => {
    if (typeof data[field] !== 'string' || (data[field] as string).length === 0) {
      errors.push({ field: `/${field}`, message: 'must be a non-empty text' });
    }
  };
  textField('receiptNumber');
  textField('payerName');
  textField('serviceCode');
  textField('method');
  if (Number.isNaN(new Date(data.paidAt as Date | string).getTime())) {
    errors.push({ field: '/paidAt', message: 'must be a date or an ISO 8601 string' });
  }
  if (!Number.isSafeInteger(data.total))
    errors.push({ field: '/total', message: 'must be an integer number of soums' });
  if (!Array.isArray(data.lines)) errors.push({ field: '/lines', message: 'must be a list' });
  else {
    data.lines.forEach((line, i) => {
      for (const key of ['quantity', 'unitAmount', 'amount'] as const) {
        if (
          typeof line?.[key] !== 'number' ||
          !Number.isFinite(line[key]) ||
          (key !== 'quantity' && !Number.isSafeInteger(line[key]))
        ) {
          errors.push({
            field: `/lines/${i}/${key}`,
            message: key === 'quantity' ? 'must be a number' : 'must be an integer number of soums',
          });
        }
      }
    });
  }
  return errors;
}

export function receiptContext(data: ReceiptData, locale: Locale): ReceiptContext {
  return {
    receiptNumber: data.receiptNumber,
    paidAt: new Date(data.paidAt).toISOString(),
    payerName: data.payerName,
    service: { code: data.serviceCode, name: textIn(data.serviceNames, locale) || data.serviceCode },
    trackingNumber: data.trackingNumber ?? null,
    lines: data.lines.map((line) => ({
      kind: line.kind,
      description: textIn(line.description, locale) || line.kind,
      quantity: line.quantity,
      unitAmount: line.unitAmount,
      amount: line.amount,
    })),
    total: data.total,
    method: PAYMENT_METHOD_NAMES[locale][data.method] ?? data.method,
    cashierName: data.cashierName,
  };
}

/** Sample data a tenant's override of `core/receipt` is tried with before it is saved. */
export const SAMPLE_RECEIPT: ReceiptContext = {
  receiptNumber: 'CHR-2026-R000001',
  paidAt: '2026-03-02T05:00:00.000Z',
  payerName: 'Karimov Aziz',
  service: { code: 'djizak.room-rental', name: 'Zal ijarasi' },
  trackingNumber: 'CHR-2026-000123',
  lines: [
    { kind: 'fee', description: 'Ijara (soat)', quantity: 3, unitAmount: 100_000, amount: 300_000 },
    { kind: 'discount', description: 'Chegirma 50%', quantity: 1, unitAmount: -150_000, amount: -150_000 },
  ],
  total: 150_000,
  method: 'Naqd pul',
  cashierName: 'Rahimova Dilnoza',
};
