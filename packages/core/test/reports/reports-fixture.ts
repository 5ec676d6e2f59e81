import { TenantCalendarStore } from '../../src/calendar/tenant-calendar-store.js';
import { PostgresReportService } from '../../src/reports/postgres-report-service.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import type { Inquiry } from '../../src/workflow/inquiry/types.js';
import {
  CADASTRE_EXTRACT,
  openEngineFixture,
  type EngineFixture,
} from '../workflow/engine/engine-fixture.js';

/** The engine fixture with a report service over its database, and a way to put money in. */
export interface ReportsFixture {
  f: EngineFixture;
  tenants: PostgresTenantRegistry;
  reports: PostgresReportService;
  /** Files an inquiry in `tenantId` (at the fixture clock's time). */
  file(tenantId: string, serviceCode?: string): Promise<Inquiry>;
  close(): Promise<void>;
}

export async function openReportsFixture(): Promise<ReportsFixture> {
  const f = await openEngineFixture();
  const tenants = new PostgresTenantRegistry(f.db);
  const calendars = new TenantCalendarStore({ db: f.db, tenants });
  const reports = new PostgresReportService({
    db: f.db,
    tenants,
    services: f.services,
    timeZoneOf: async (tenantId) => (await calendars.get(tenantId)).timeZone,
  });
  return {
    f,
    tenants,
    reports,
    async file(tenantId, serviceCode) {
      const formData = serviceCode === CADASTRE_EXTRACT.code ? { area: 80 } : { account: '1234567' };
      const filing = f.filing(serviceCode ? { serviceCode, formData } : {});
      return (await f.engine.file(tenantId, filing, f.actors.operator)).inquiry;
    },
    close: () => f.close(),
  };
}
