import { expect } from 'chai';
import { createLogger } from '../../src/logging/logger.js';
import { TimerScheduler } from '../../src/workflow/timers/timer-scheduler.js';
import { CADASTRE_EXTRACT, dbEngine, SIMPLE_SERVICE } from '../workflow/engine/engine-fixture.js';
import { MoneyRows } from './money-rows.js';
import { openReportsFixture, type ReportsFixture } from './reports-fixture.js';

const MAY = { from: '2026-05-01', to: '2026-05-31' };

describe(`volume report (${dbEngine})`, () => {
  let r: ReportsFixture;

  before(async () => {
    r = await openReportsFixture();
    const { f } = r;
    // An information service (free consultation on a utility debt), offered in Chirchik.
    await f.services.publish('agency-gas', [
      { ...SIMPLE_SERVICE, code: 'gas.debt-info', kind: 'information' },
    ]);
    await f.catalog.setEntry('chirchik', {
      serviceCode: 'gas.debt-info',
      offered: true,
      agencyCode: 'gorgas',
    });
    // Monday 4 May 2026, 10:00 in Tashkent.
    f.clock.set('2026-05-04T05:00:00Z');
    const finish = async (id: string) => {
      await f.engine.transition('chirchik', id, { action: 'review', expectedVersion: 1 }, f.actors.officer);
      await f.engine.claim('chirchik', id, 2, f.actors.officer);
      await f.engine.transition('chirchik', id, { action: 'finish', expectedVersion: 3 }, f.actors.officer);
    };
    const completed = await r.file('chirchik');
    await finish(completed.id);
    const rejected = await r.file('chirchik');
    await f.engine.transition(
      'chirchik',
      rejected.id,
      { action: 'reject', expectedVersion: 1, comment: 'No such account' },
      f.actors.officer,
    );
    await r.file('chirchik'); // left open: breaches its 3 working days
    await r.file('chirchik', CADASTRE_EXTRACT.code); // a paid service, open, 5 working days
    const invoiced = await r.file('chirchik'); // a free service with an invoice (a local charge)
    await new MoneyRows(f.db).invoice('chirchik', invoiced, 20_000, f.clock.read());
    await finish(invoiced.id);
    const information = await r.file('chirchik', 'gas.debt-info');
    await finish(information.id);
    // Filed on 30 April, 23:59 in Tashkent: not May.
    f.clock.set('2026-04-30T18:59:00Z');
    await r.file('chirchik');
    // Friday 8 May, 10:00: the open gas inquiry is past its 3 working days, the cadastre one is not.
    f.clock.set('2026-05-08T05:00:00Z');
    const timers = new TimerScheduler({
      engine: f.engine,
      logger: createLogger({ level: 'silent' }),
      tenantIds: () => Promise.resolve(['chirchik']),
    });
    await timers.runOnce();
  });
  after(() => r.close());

  it('counts the inquiries filed in the period: paid and free, by kind and outcome, overdue', async () => {
    const byService = await r.reports.volumes('chirchik', { ...MAY, groupBy: 'service' });
    expect(byService.rows).to.deep.equal([
      {
        key: 'cadastre.register-extract',
        filed: 1,
        paid: 1,
        free: 0,
        service: 1,
        information: 0,
        appeal: 0,
        completed: 0,
        rejected: 0,
        overdue: 0,
      },
      {
        key: 'gas.debt-info',
        filed: 1,
        paid: 0,
        free: 1,
        service: 0,
        information: 1,
        appeal: 0,
        completed: 1,
        rejected: 0,
        overdue: 0,
      },
      {
        key: 'gas.simple',
        filed: 4,
        paid: 1,
        free: 3,
        service: 4,
        information: 0,
        appeal: 0,
        completed: 2,
        rejected: 1,
        overdue: 1,
      },
    ]);
    expect(byService.total).to.deep.equal({
      filed: 6,
      paid: 2,
      free: 4,
      service: 5,
      information: 1,
      appeal: 0,
      completed: 3,
      rejected: 1,
      overdue: 1,
    });
  });

  it('groups by agency and by local day, with the same total', async () => {
    const byAgency = await r.reports.volumes('chirchik', { ...MAY, groupBy: 'agency' });
    expect(byAgency.rows.map((row) => [row.key, row.filed])).to.deep.equal([
      ['gorgas', 5],
      ['kadastr', 1],
    ]);
    const byDay = await r.reports.volumes('chirchik', {
      from: '2026-04-30',
      to: '2026-05-04',
      groupBy: 'day',
    });
    expect(byDay.rows.map((row) => [row.key, row.filed])).to.deep.equal([
      ['2026-04-30', 1],
      ['2026-05-04', 6],
    ]);
    expect(byDay.total.filed).to.equal(7);
  });

  it('rolls the cities up to the country and keeps each city’s counts to itself', async () => {
    const djizak = await r.reports.volumes('djizak', { ...MAY, groupBy: 'agency' });
    expect(djizak.total.filed).to.equal(0);
    const country = await r.reports.volumes('uz', { ...MAY, groupBy: 'month', scope: 'descendants' });
    expect(country.cities.map((c) => [c.tenantId, c.total.filed])).to.deep.equal([
      ['chirchik', 6],
      ['djizak', 0],
    ]);
    expect(country.rows).to.deep.equal([{ key: '2026-05', ...country.total }]);
    expect(country.total.filed).to.equal(6);
  });
});
