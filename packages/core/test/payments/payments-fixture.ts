import { TenantCalendarStore } from '../../src/calendar/tenant-calendar-store.js';
import { BaseAmountTable } from '../../src/fees/base-amount-table.js';
import { FeeService } from '../../src/fees/fee-service.js';
import { createLogger } from '../../src/logging/logger.js';
import { ContributionRegistry } from '../../src/plugins/contribution-registry.js';
import { demoPaymentProvider } from '../../src/payments/demo-payment-provider.js';
import { PostgresPaymentService } from '../../src/payments/postgres-payment-service.js';
import { postgresStaffQueries } from '../../src/staff/staff-routing.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import { TenantWorkflowContexts } from '../../src/workflow/engine/tenant-workflow-context.js';
import { WorkflowEngine } from '../../src/workflow/engine/workflow-engine.js';
import type { Actor, Inquiry } from '../../src/workflow/inquiry/types.js';
import {
  CADASTRE_EXTRACT,
  openEngineFixture,
  type EngineFixture,
} from '../workflow/engine/engine-fixture.js';

export const PROVIDER_SECRET = 'test-secret-of-the-demo-provider';

export interface PaymentsFixture {
  f: EngineFixture;
  payments: PostgresPaymentService;
  fees: FeeService;
  /** An engine whose `requires: payment` asks the payment service. */
  engine: WorkflowEngine;
  cashier: Actor;
  cashier2: Actor;
  supervisor: Actor;
  admin: Actor;
  djizakCashier: Actor;
  /** Files a paid cadastre extract (80 m2: 1.25 BHM = 515,000 UZS on 2026-03-02) in a city. */
  filePaid(tenantId?: string, area?: number): Promise<Inquiry>;
  close(): Promise<void>;
}

export async function openPaymentsFixture(): Promise<PaymentsFixture> {
  const f = await openEngineFixture();
  const tenants = new PostgresTenantRegistry(f.db);
  const calendars = new TenantCalendarStore({ db: f.db, tenants });
  const timeZoneOf = async (tenantId: string) => (await calendars.get(tenantId)).timeZone;
  const fees = new FeeService({
    baseAmounts: new BaseAmountTable({ db: f.db, tenants, logger: createLogger({ level: 'silent' }) }),
    services: f.services,
    catalog: f.catalog,
    tenants,
    timeZoneOf,
    clock: f.clock.read,
  });
  const provider = demoPaymentProvider({ secret: PROVIDER_SECRET });
  const payments = new PostgresPaymentService({
    db: f.db,
    fees,
    services: f.services,
    providers: async (tenantId) => (tenantId === 'chirchik' ? [provider] : []),
    timeZoneOf,
    clock: f.clock.read,
  });
  const engine = new WorkflowEngine({
    db: f.db,
    logger: createLogger({ level: 'silent' }),
    workflows: f.workflows,
    services: f.services,
    catalog: f.catalog,
    contexts: new TenantWorkflowContexts({ tenants, calendars, ttlMs: 0 }),
    staff: postgresStaffQueries,
    contributions: new ContributionRegistry(),
    payments,
    clock: f.clock.read,
  });
  const member = async (tenantId: string, name: string, roles: string[]): Promise<Actor> => {
    const created = await f.staff.create(tenantId, { displayName: name, roles, agencyCodes: [] });
    return { id: created.id, kind: 'staff', roles };
  };
  return {
    f,
    payments,
    fees,
    engine,
    cashier: await member('chirchik', 'Dilnoza Kassir', ['cashier']),
    cashier2: await member('chirchik', 'Second Cashier', ['cashier']),
    supervisor: await member('chirchik', 'Supervisor', ['supervisor']),
    admin: await member('chirchik', 'City Admin', ['city_admin']),
    djizakCashier: await member('djizak', 'Djizak Cashier', ['cashier']),
    filePaid: async (tenantId = 'chirchik', area = 80) =>
      (
        await f.engine.file(
          tenantId,
          f.filing({ serviceCode: CADASTRE_EXTRACT.code, formData: { area } }),
          f.actors.operator,
        )
      ).inquiry,
    close: () => f.close(),
  };
}
