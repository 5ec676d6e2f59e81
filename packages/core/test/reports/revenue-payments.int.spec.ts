import { expect } from 'chai';
import { TenantCalendarStore } from '../../src/calendar/tenant-calendar-store.js';
import { BaseAmountTable } from '../../src/fees/base-amount-table.js';
import { FeeService } from '../../src/fees/fee-service.js';
import { createLogger } from '../../src/logging/logger.js';
import { PostgresPaymentService } from '../../src/payments/postgres-payment-service.js';
import type { Actor } from '../../src/workflow/inquiry/types.js';
import { CADASTRE_EXTRACT, dbEngine } from '../workflow/engine/engine-fixture.js';
import { openReportsFixture, type ReportsFixture } from './reports-fixture.js';

describe(`revenue report over payments made through the payment service (${dbEngine})`, () => {
  let r: ReportsFixture;
  let payments: PostgresPaymentService;
  const cashier: Actor = { id: 'cashier-1', kind: 'staff', roles: ['cashier'] };
  const supervisor: Actor = { id: 'supervisor-1', kind: 'staff', roles: ['supervisor'] };

  before(async () => {
    r = await openReportsFixture();
    const calendars = new TenantCalendarStore({ db: r.f.db, tenants: r.tenants });
    const timeZoneOf = async (tenantId: string) => (await calendars.get(tenantId)).timeZone;
    const fees = new FeeService({
      baseAmounts: new BaseAmountTable({
        db: r.f.db,
        tenants: r.tenants,
        logger: createLogger({ level: 'silent' }),
      }),
      services: r.f.services,
      catalog: r.f.catalog,
      tenants: r.tenants,
      timeZoneOf,
      clock: r.f.clock.read,
    });
    payments = new PostgresPaymentService({
      db: r.f.db,
      fees,
      services: r.f.services,
      timeZoneOf,
      clock: r.f.clock.read,
    });
  });
  after(() => r.close());

  it('reports exactly what the cashiers took, less the refunds approved', async () => {
    const { f } = r;
    const taken: number[] = [];
    const paid: string[] = [];
    for (const area of [80, 150, 400]) {
      f.clock.set('2026-06-01T05:00:00Z');
      const { inquiry } = await f.engine.file(
        'chirchik',
        f.filing({ serviceCode: CADASTRE_EXTRACT.code, formData: { area } }),
        f.actors.operator,
      );
      const invoice = await payments.ensureInvoice('chirchik', inquiry.id, f.actors.operator);
      expect(invoice, `an invoice for ${area} m2`).to.not.equal(null);
      f.clock.set('2026-06-02T06:00:00Z');
      const { payment } = await payments.payAtDesk(
        'chirchik',
        invoice!.id,
        { amount: invoice!.total, method: 'cash' },
        cashier,
      );
      taken.push(payment.amount);
      paid.push(payment.id);
    }
    // One refund approved in June, one requested and never decided.
    f.clock.set('2026-06-03T06:00:00Z');
    const refund = await payments.requestRefund(
      'chirchik',
      paid[0]!,
      { amount: 10_000, reason: 'Overcharged' },
      cashier,
    );
    await payments.approveRefund('chirchik', refund.id, 'Checked the area', supervisor);
    await payments.requestRefund('chirchik', paid[1]!, { amount: 5_000, reason: 'Asked twice' }, cashier);

    const june = await r.reports.revenue('chirchik', {
      from: '2026-06-01',
      to: '2026-06-30',
      groupBy: 'service',
    });
    const gross = taken.reduce((sum, amount) => sum + amount, 0);
    expect(gross).to.be.greaterThan(0);
    expect(june.rows).to.deep.equal([
      {
        key: CADASTRE_EXTRACT.code,
        payments: 3,
        gross,
        refundCount: 1,
        refunds: 10_000,
        net: gross - 10_000,
      },
    ]);
    expect(june.total).to.deep.equal({
      payments: 3,
      gross,
      refundCount: 1,
      refunds: 10_000,
      net: gross - 10_000,
    });
    const volumes = await r.reports.volumes('chirchik', {
      from: '2026-06-01',
      to: '2026-06-30',
      groupBy: 'agency',
    });
    expect(volumes.total).to.include({ filed: 3, paid: 3, free: 0 });
  });
});
