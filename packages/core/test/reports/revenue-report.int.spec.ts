import { expect } from 'chai';
import { CADASTRE_EXTRACT, dbEngine } from '../workflow/engine/engine-fixture.js';
import { refusal } from '../ratings/ratings-fixture.js';
import { MoneyRows } from './money-rows.js';
import { openReportsFixture, type ReportsFixture } from './reports-fixture.js';

const at = (iso: string): Date => new Date(iso);

describe(`revenue report (${dbEngine})`, () => {
  let r: ReportsFixture;
  /** Confirmed payments made, to compare the report's sums with. */
  const made: { tenantId: string; agency: string; amount: number; at: Date }[] = [];

  before(async () => {
    r = await openReportsFixture();
    // A region between the country and Chirchik: uz > uz.tashkent-region > chirchik; Djizak stays under uz.
    await r.tenants.create({
      id: 'uz.tashkent-region',
      kind: 'region',
      parentId: 'uz',
      names: { 'uz-Latn': 'Toshkent viloyati' },
    });
    await r.tenants.update('chirchik', { parentId: 'uz.tashkent-region' });
    const money = new MoneyRows(r.f.db);
    const pay = async (tenantId: string, serviceCode: string, amount: number, iso: string) => {
      const inquiry = await r.file(tenantId, serviceCode);
      const paid = await money.pay(tenantId, inquiry, amount, at(iso));
      made.push({ tenantId, agency: inquiry.agencyCode!, amount, at: at(iso) });
      return paid;
    };
    const gasOne = await pay('chirchik', 'gas.simple', 103_000, '2026-03-10T06:00:00Z');
    // 23:59 on 31 March in Tashkent: March.
    const cadastre = await pay('chirchik', CADASTRE_EXTRACT.code, 515_000, '2026-03-31T18:59:00Z');
    // 00:00 on 1 April in Tashkent (still 31 March in UTC): April.
    await pay('chirchik', 'gas.simple', 206_000, '2026-03-31T19:00:00Z');
    // 23:59 on 28 February in Tashkent: February.
    await pay('chirchik', 'gas.simple', 50_000, '2026-02-28T18:59:00Z');
    const djizak = await pay('djizak', 'gas.simple', 412_000, '2026-03-15T06:00:00Z');
    // Not money received: a payment never confirmed, a refund only requested.
    await money.pending('chirchik', await r.file('chirchik'), 999, at('2026-03-12T06:00:00Z'));
    await money.refund('chirchik', cadastre, 1_000, at('2026-03-20T06:00:00Z'), 'requested');
    // Refunds count when approved: gasOne's in April, Djizak's in March.
    await money.refund('chirchik', gasOne, 50_000, at('2026-04-02T06:00:00Z'));
    await money.refund('djizak', djizak, 12_000, at('2026-03-20T06:00:00Z'));
  });
  after(() => r.close());

  it('sums exactly the confirmed payments of the period, by agency, with totals equal to the rows', async () => {
    const march = await r.reports.revenue('chirchik', {
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'agency',
    });
    const expected = made.filter(
      (p) =>
        p.tenantId === 'chirchik' && p.at >= at('2026-02-28T19:00:00Z') && p.at < at('2026-03-31T19:00:00Z'),
    );
    expect(march.total.gross).to.equal(expected.reduce((sum, p) => sum + p.amount, 0));
    expect(march.total.payments).to.equal(expected.length);
    expect(march.rows).to.deep.equal([
      { key: 'gorgas', payments: 1, gross: 103_000, refundCount: 0, refunds: 0, net: 103_000 },
      { key: 'kadastr', payments: 1, gross: 515_000, refundCount: 0, refunds: 0, net: 515_000 },
    ]);
    expect(march.total).to.deep.equal({
      payments: 2,
      gross: 618_000,
      refundCount: 0,
      refunds: 0,
      net: 618_000,
    });
    expect(march.cities.map((c) => [c.tenantId, c.timeZone])).to.deep.equal([['chirchik', 'Asia/Tashkent']]);
    expect(march.scope).to.equal('tenant');
  });

  it('subtracts approved refunds in the period they were approved', async () => {
    const april = await r.reports.revenue('chirchik', {
      from: '2026-04-01',
      to: '2026-04-30',
      groupBy: 'service',
    });
    expect(april.rows).to.deep.equal([
      { key: 'gas.simple', payments: 1, gross: 206_000, refundCount: 1, refunds: 50_000, net: 156_000 },
    ]);
    expect(april.total.net).to.equal(156_000);
  });

  it('cuts months and days at midnight in Tashkent', async () => {
    const byMonth = await r.reports.revenue('chirchik', {
      from: '2026-02-01',
      to: '2026-04-30',
      groupBy: 'month',
    });
    expect(byMonth.rows.map((row) => [row.key, row.gross, row.refunds, row.net])).to.deep.equal([
      ['2026-02', 50_000, 0, 50_000],
      ['2026-03', 618_000, 0, 618_000],
      ['2026-04', 206_000, 50_000, 156_000],
    ]);
    const byDay = await r.reports.revenue('chirchik', {
      from: '2026-03-31',
      to: '2026-04-01',
      groupBy: 'day',
    });
    expect(byDay.rows.map((row) => [row.key, row.gross])).to.deep.equal([
      ['2026-03-31', 515_000],
      ['2026-04-01', 206_000],
    ]);
  });

  it('rolls a region up from its cities: the total is the sum of the cities', async () => {
    const query = {
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'agency' as const,
      scope: 'descendants' as const,
    };
    const country = await r.reports.revenue('uz', query);
    expect(country.cities.map((c) => c.tenantId)).to.deep.equal(['chirchik', 'djizak']);
    const chirchik = await r.reports.revenue('chirchik', { ...query, scope: 'tenant' });
    const djizak = await r.reports.revenue('djizak', { ...query, scope: 'tenant' });
    expect(country.cities[0]!.total).to.deep.equal(chirchik.total);
    expect(country.cities[1]!.total).to.deep.equal(djizak.total);
    expect(djizak.total).to.deep.equal({
      payments: 1,
      gross: 412_000,
      refundCount: 1,
      refunds: 12_000,
      net: 400_000,
    });
    expect(country.total).to.deep.equal({
      payments: 3,
      gross: 1_030_000,
      refundCount: 1,
      refunds: 12_000,
      net: 1_018_000,
    });
    expect(country.rows).to.deep.equal([
      { key: 'gorgas', payments: 2, gross: 515_000, refundCount: 1, refunds: 12_000, net: 503_000 },
      { key: 'kadastr', payments: 1, gross: 515_000, refundCount: 0, refunds: 0, net: 515_000 },
    ]);
    const region = await r.reports.revenue('uz.tashkent-region', query);
    expect(region.cities.map((c) => c.tenantId)).to.deep.equal(['chirchik']);
    expect(region.total).to.deep.equal(chirchik.total);
    // A city's descendants are the city itself.
    expect((await r.reports.revenue('chirchik', query)).total).to.deep.equal(chirchik.total);
  });

  it('keeps each city’s money to itself', async () => {
    const djizak = await r.reports.revenue('djizak', {
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: 'agency',
    });
    expect(djizak.total.gross).to.equal(412_000);
    const elsewhere = await r.reports.revenue('uz', {
      from: '2026-01-01',
      to: '2026-12-31',
      groupBy: 'agency',
    });
    expect(elsewhere.total.payments).to.equal(0); // the country itself holds no payments
  });

  it('refuses a malformed query and an unknown tenant', async () => {
    for (const query of [
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'week' },
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'agency', scope: 'world' },
      { from: '2025-01-01', to: '2026-03-31', groupBy: 'day' },
      { from: '2026-03-31', to: '2026-03-01', groupBy: 'agency' },
      { to: '2026-03-01', groupBy: 'agency' },
    ]) {
      const refused = await refusal(r.reports.revenue('chirchik', query as never));
      expect(refused, JSON.stringify(query)).to.include({
        code: 'DARCHA_REPORT_QUERY_INVALID',
        kind: 'invalid',
      });
    }
    const unknown = await refusal(
      r.reports.revenue('namangan', { from: '2026-03-01', to: '2026-03-31', groupBy: 'agency' }),
    );
    expect(unknown.code).to.equal('DARCHA_TENANT_NOT_FOUND');
  });
});
