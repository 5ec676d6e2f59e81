/** How report rows are grouped: by agency code, service code, local month `YYYY-MM` or day `YYYY-MM-DD`. */
export type ReportGroupBy = 'agency' | 'service' | 'month' | 'day';
export const REPORT_GROUPINGS: readonly ReportGroupBy[] = ['agency', 'service', 'month', 'day'];

/**
 * Whose figures: the tenant's own (`tenant`), or every city at or below it (`descendants`: a region's
 * dashboard), each city computed in its own transaction and time zone, then added up.
 */
export type ReportScope = 'tenant' | 'descendants';
export const REPORT_SCOPES: readonly ReportScope[] = ['tenant', 'descendants'];

/** A report's query: local dates `from` and `to`, both included, in each city's time zone. */
export interface ReportQuery {
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  /** `tenant` by default. */
  scope?: ReportScope;
}

/** Money figures of one group, in integer soums. */
export interface RevenueFigures {
  /** Confirmed payments whose `confirmed_at` falls in the period. */
  payments: number;
  /** Their sum. */
  gross: number;
  /** Approved refunds whose `decided_at` falls in the period. */
  refundCount: number;
  /** Their sum. */
  refunds: number;
  /** `gross - refunds`. */
  net: number;
}

/** Inquiry counts of one group: inquiries filed in the period, as they stand now. */
export interface VolumeFigures {
  filed: number;
  /** Of a service version that charges a fee, or with an invoice. */
  paid: number;
  free: number;
  service: number;
  information: number;
  appeal: number;
  /** Closed as completed. */
  completed: number;
  rejected: number;
  /** Past their overall due date at some point (overall SLA breached). */
  overdue: number;
}

/** One row of a report: the group's key (`null`: inquiries or payments without an agency) and figures. */
export type ReportRow<F> = F & { key: string | null };

/** One city's part of a report. */
export interface CityReport<F> {
  tenantId: string;
  timeZone: string;
  rows: ReportRow<F>[];
  total: F;
}

/**
 * A report over a period. `rows` add the cities' rows up by key; `total` equals the sum of `rows`
 * and the sum of the cities' totals.
 */
export interface Report<F> {
  tenantId: string;
  from: string;
  to: string;
  groupBy: ReportGroupBy;
  scope: ReportScope;
  cities: CityReport<F>[];
  rows: ReportRow<F>[];
  total: F;
}

export type RevenueReport = Report<RevenueFigures>;
export type VolumeReport = Report<VolumeFigures>;

/**
 * Revenue and volume figures of a city, or of a region rolled up from its cities: what the 2014
 * workshop compared by hand.
 *
 * @example
 * const q1 = await reports.revenue('chirchik', { from: '2026-01-01', to: '2026-03-31', groupBy: 'agency' });
 * q1.total.net; // soums
 * const region = await reports.volumes('uz.tashkent-region', { from: '2026-01-01', to: '2026-03-31',
 *   groupBy: 'month', scope: 'descendants' });
 * region.cities.map((c) => [c.tenantId, c.total.filed]);
 */
export interface ReportService {
  revenue(tenantId: string, query: ReportQuery): Promise<RevenueReport>;
  volumes(tenantId: string, query: ReportQuery): Promise<VolumeReport>;
}
