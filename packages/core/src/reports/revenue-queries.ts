import type { TenantTransaction } from '../db/types.js';
import type { ResolvedPeriod } from './report-period.js';
import { keyBindings, keyExpression } from './report-query.js';
import type { ReportGroupBy, ReportRow, RevenueFigures } from './types.js';

/** Zero of every revenue figure. */
export const ZERO_REVENUE: RevenueFigures = { payments: 0, gross: 0, refundCount: 0, refunds: 0, net: 0 };

interface RevenueRow {
  key: string | null;
  payments: number;
  gross: string | number;
  refund_count: number;
  refunds: string | number;
}

/**
 * Money of the period by group: confirmed payments by the instant they were confirmed, approved
 * refunds by the instant they were approved (`decided_at`), each attributed to the agency and
 * service its invoice was issued for. Sums are bigint in SQL and checked to be safe integers here.
 */
export async function readRevenue(
  trx: TenantTransaction,
  tenantId: string,
  period: ResolvedPeriod,
  groupBy: ReportGroupBy,
): Promise<ReportRow<RevenueFigures>[]> {
  const paidKey = keyExpression(groupBy, 'i.agency_code', 'i.service_code', 'p.confirmed_at');
  const refundKey = keyExpression(groupBy, 'i.agency_code', 'i.service_code', 'r.decided_at');
  const zone = keyBindings(groupBy, period.timeZone);
  const result = await trx.raw<{ rows: RevenueRow[] }>(
    `select key, sum(payments)::int as payments, sum(gross)::bigint as gross,
            sum(refund_count)::int as refund_count, sum(refunds)::bigint as refunds
       from (
         select ${paidKey} as key, 1 as payments, p.amount as gross, 0 as refund_count, 0::bigint as refunds
           from payments p
           join invoices i on i.tenant_id = p.tenant_id and i.id = p.invoice_id
          where p.tenant_id = ? and p.status = 'confirmed' and p.confirmed_at >= ? and p.confirmed_at < ?
         union all
         select ${refundKey} as key, 0 as payments, 0::bigint as gross, 1 as refund_count, r.amount as refunds
           from refunds r
           join invoices i on i.tenant_id = r.tenant_id and i.id = r.invoice_id
          where r.tenant_id = ? and r.status = 'approved' and r.decided_at >= ? and r.decided_at < ?
       ) money
      group by key
      order by key nulls last`,
    [...zone, tenantId, period.start, period.end, ...zone, tenantId, period.start, period.end],
  );
  return result.rows.map((row) => {
    const gross = soums(row.gross);
    const refunds = soums(row.refunds);
    return {
      key: row.key,
      payments: row.payments,
      gross,
      refundCount: row.refund_count,
      refunds,
      net: gross - refunds,
    };
  });
}

/** A bigint sum from the driver (a string) as a number; refuses what a number cannot hold exactly. */
function soums(value: string | number): number {
  const amount = Number(value);
  if (!Number.isSafeInteger(amount)) throw new RangeError(`sum ${value} soums exceeds a safe integer`);
  return amount;
}
