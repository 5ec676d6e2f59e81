import type { Database } from '../db/database.js';
import type { ServiceRegistry } from '../registry/contracts.js';
import { assertTenantId } from '../tenancy/tenant-id.js';
import type { TenantRegistry } from '../tenancy/types.js';
import { reportQueryInvalid } from './reports.errors.js';
import { resolvePeriod, type ResolvedPeriod } from './report-period.js';
import { checkReportQuery, type CheckedQuery } from './report-query.js';
import { cityReport, mergeRows, sumFigures, type Figures } from './report-rollup.js';
import { readRevenue, ZERO_REVENUE } from './revenue-queries.js';
import type {
  CityReport,
  Report,
  ReportQuery,
  ReportRow,
  ReportService,
  RevenueReport,
  VolumeReport,
} from './types.js';
import { foldVolumes, readVolumes, ZERO_VOLUMES, type ChargesFee } from './volume-queries.js';

export interface ReportServiceOptions {
  db: Database;
  tenants: Pick<TenantRegistry, 'get' | 'descendants'>;
  /** Reads pinned service versions (whether they charge a fee). */
  services: Pick<ServiceRegistry, 'get'>;
  /** A tenant's time zone (its calendar's), for local days and months. */
  timeZoneOf(tenantId: string): Promise<string>;
}

/**
 * {@link ReportService} on the platform database. Each city's figures are read in its own
 * `withTenant` transaction (row-level security applies); a region's report adds its cities up.
 */
export class PostgresReportService implements ReportService {
  readonly #options: ReportServiceOptions;

  constructor(options: ReportServiceOptions) {
    this.#options = options;
  }

  revenue(tenantId: string, query: ReportQuery): Promise<RevenueReport> {
    return this.#report(tenantId, query, ZERO_REVENUE, (city, period, q) =>
      this.#options.db.withTenant(city, (trx) => readRevenue(trx, city, period, q.groupBy)),
    );
  }

  volumes(tenantId: string, query: ReportQuery): Promise<VolumeReport> {
    const cache = new Map<string, Promise<boolean>>();
    const chargesFee: ChargesFee = (code, version) => {
      const id = `${code}@${version}`;
      let known = cache.get(id);
      if (known === undefined) {
        known = this.#options.services.get(code, version).then(
          (definition) => definition.fee.free === false,
          () => false,
        );
        cache.set(id, known);
      }
      return known;
    };
    return this.#report(tenantId, query, ZERO_VOLUMES, async (city, period, q) => {
      const rows = await this.#options.db.withTenant(city, (trx) =>
        readVolumes(trx, city, period, q.groupBy),
      );
      return foldVolumes(rows, chargesFee);
    });
  }

  async #report<F extends Figures<F>>(
    tenantId: string,
    query: ReportQuery,
    zero: F,
    read: (city: string, period: ResolvedPeriod, query: CheckedQuery) => Promise<ReportRow<F>[]>,
  ): Promise<Report<F>> {
    assertTenantId(tenantId);
    const checked = checkReportQuery(tenantId, query);
    const cities = await this.#cities(tenantId, checked.scope);
    const parts: CityReport<F>[] = [];
    for (const city of cities) {
      const timeZone = await this.#options.timeZoneOf(city);
      const period = resolvePeriod(checked, timeZone);
      if (Array.isArray(period)) throw reportQueryInvalid(tenantId, period);
      parts.push(cityReport(city, timeZone, zero, await read(city, period, checked)));
    }
    const rows = mergeRows(zero, parts);
    return {
      tenantId,
      from: checked.from,
      to: checked.to,
      groupBy: checked.groupBy,
      scope: checked.scope,
      cities: parts,
      rows,
      total: sumFigures(
        zero,
        parts.map((part) => part.total),
      ),
    };
  }

  /** The tenant itself, or every city at or below it (a region's cities); unknown tenants throw. */
  async #cities(tenantId: string, scope: CheckedQuery['scope']): Promise<string[]> {
    const tenant = await this.#options.tenants.get(tenantId);
    if (scope === 'tenant') return [tenant.id];
    const below = await this.#options.tenants.descendants(tenantId);
    const cities = [tenant, ...below].filter((t) => t.kind === 'city').map((t) => t.id);
    return cities.sort();
  }
}
