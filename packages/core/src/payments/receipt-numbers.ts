import type { TenantTransaction } from '../db/types.js';

/**
 * Takes the next receipt number of a tenant and year inside the payment's transaction. The counter
 * row stays locked until that transaction ends, so numbers are handed out one at a time, and a
 * rolled-back payment gives its number back: receipts are numbered 1, 2, 3 ... without gaps.
 *
 * @example
 * await nextReceiptNumber(trx, 'chirchik', 2026, 'CHR'); // 'CHR-2026-R000001'
 */
export async function nextReceiptNumber(
  trx: TenantTransaction,
  tenantId: string,
  year: number,
  prefix: string,
): Promise<string> {
  const result = await trx.raw<{ rows: Array<{ last: number }> }>(
    `insert into receipt_counters (tenant_id, year, last) values (?, ?, 1)
     on conflict (tenant_id, year) do update set last = receipt_counters.last + 1
     returning last`,
    [tenantId, year],
  );
  const last = result.rows[0]!.last;
  return `${prefix}-${year}-R${String(last).padStart(6, '0')}`;
}

/** The prefix of receipt numbers: the inquiry's tracking prefix (`CHR` of `CHR-2026-000123`), else the tenant id. */
export function receiptPrefix(tenantId: string, trackingNumber: string | null | undefined): string {
  const match = /^(.+)-\d{4}-\d+$/.exec(trackingNumber ?? '');
  return match ? match[1]! : tenantId.toUpperCase();
}

/** The calendar year of an instant in a time zone (`Asia/Tashkent`). */
export function yearIn(at: Date, timeZone: string): number {
  return Number(new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric' }).format(at));
}
