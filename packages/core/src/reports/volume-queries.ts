import type { TenantTransaction } from '../db/types.js';
import type { ResolvedPeriod } from './report-period.js';
import { keyBindings, keyExpression } from './report-query.js';
import type { ReportGroupBy, ReportRow, VolumeFigures } from './types.js';

/** Zero of every volume figure. */
export const ZERO_VOLUMES: VolumeFigures = {
  filed: 0,
  paid: 0,
  free: 0,
  service: 0,
  information: 0,
  appeal: 0,
  completed: 0,
  rejected: 0,
  overdue: 0,
};

/** Counts of one group, service version and invoiced flag, as read. */
export interface VolumeRow {
  key: string | null;
  service_code: string;
  service_version: number;
  invoiced: boolean;
  filed: number;
  service: number;
  information: number;
  appeal: number;
  completed: number;
  rejected: number;
  overdue: number;
}

/** Whether a service version charges a fee (its definition's `fee.free` is false). */
export type ChargesFee = (serviceCode: string, version: number) => Promise<boolean>;

/**
 * The inquiries filed in the period, counted by group, pinned service version and whether they have
 * an invoice that was not cancelled, by kind and outcome.
 */
export async function readVolumes(
  trx: TenantTransaction,
  tenantId: string,
  period: ResolvedPeriod,
  groupBy: ReportGroupBy,
): Promise<VolumeRow[]> {
  const key = keyExpression(groupBy, 'q.agency_code', 'q.service_code', 'q.filed_at');
  const result = await trx.raw<{ rows: VolumeRow[] }>(
    `select ${key} as key, q.service_code, q.service_version,
            exists (select 1 from invoices i
                     where i.tenant_id = q.tenant_id and i.inquiry_id = q.id and i.status <> 'cancelled') as invoiced,
            count(*)::int as filed,
            count(*) filter (where q.kind = 'service')::int as service,
            count(*) filter (where q.kind = 'information')::int as information,
            count(*) filter (where q.kind = 'appeal')::int as appeal,
            count(*) filter (where q.public_status = 'completed')::int as completed,
            count(*) filter (where q.public_status = 'rejected')::int as rejected,
            count(*) filter (where q.overall_breached_at is not null)::int as overdue
       from inquiries q
      where q.tenant_id = ? and q.filed_at >= ? and q.filed_at < ?
      group by 1, 2, 3, 4
      order by 1 nulls last`,
    [...keyBindings(groupBy, period.timeZone), tenantId, period.start, period.end],
  );
  return result.rows;
}

/**
 * Folds {@link readVolumes} into one row per group. An inquiry is paid when its pinned service
 * version charges a fee or when it has an invoice; every other one is free. Run it outside the
 * tenant transaction: `chargesFee` reads the host's service definitions.
 */
export async function foldVolumes(
  rows: readonly VolumeRow[],
  chargesFee: ChargesFee,
): Promise<ReportRow<VolumeFigures>[]> {
  const byKey = new Map<string | null, VolumeFigures>();
  for (const row of rows) {
    const paid = row.invoiced || (await chargesFee(row.service_code, Number(row.service_version)));
    const figures = byKey.get(row.key) ?? { ...ZERO_VOLUMES };
    figures.filed += row.filed;
    figures.paid += paid ? row.filed : 0;
    figures.free += paid ? 0 : row.filed;
    figures.service += row.service;
    figures.information += row.information;
    figures.appeal += row.appeal;
    figures.completed += row.completed;
    figures.rejected += row.rejected;
    figures.overdue += row.overdue;
    byKey.set(row.key, figures);
  }
  return [...byKey.entries()].map(([key, figures]) => ({ key, ...figures }));
}
