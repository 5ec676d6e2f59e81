import {
  PostgresPaymentService,
  TenantWorkflowContexts,
  TimerScheduler,
  WorkflowEngine,
  postgresStaffQueries,
  type Platform,
} from '@darcha/core';

/**
 * The platform's own workflow engine, payment service and timer scheduler, built from its parts
 * with a clock the test sets: they write exactly what the running platform writes, at any instant
 * (an inquiry filed "in 2013").
 */
export interface ClockedPlatform {
  /** The instant the services see as now; set it before each call. */
  now: Date;
  engine: WorkflowEngine;
  payments: PostgresPaymentService;
  timers: TimerScheduler;
}

export function clockedPlatform(platform: Platform, tenantIds: readonly string[]): ClockedPlatform {
  const clocked = { now: new Date() } as ClockedPlatform;
  const clock = () => clocked.now;
  clocked.payments = new PostgresPaymentService({
    db: platform.db,
    fees: platform.fees,
    services: platform.services,
    timeZoneOf: async (tenantId) => (await platform.calendars.get(tenantId)).timeZone,
    clock,
  });
  clocked.engine = new WorkflowEngine({
    db: platform.db,
    logger: platform.logger,
    workflows: platform.workflows,
    services: platform.services,
    catalog: platform.catalog,
    contexts: new TenantWorkflowContexts({ tenants: platform.tenants, calendars: platform.calendars }),
    staff: postgresStaffQueries,
    contributions: platform.plugins.contributions,
    payments: clocked.payments,
    clock,
  });
  clocked.timers = new TimerScheduler({
    engine: clocked.engine,
    logger: platform.logger,
    tenantIds: async () => [...tenantIds],
  });
  return clocked;
}
