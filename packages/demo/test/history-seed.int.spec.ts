import { expect } from 'chai';
import { searchInquiries, type InboxViewer, type Platform } from '@darcha/core';
import {
  SECONDED_STAFF_KINDS,
  UNITARY_ENTERPRISE_KINDS,
  seedDemoHistory,
  type CityHistoryResult,
  type CityHistorySpec,
  type HistoryProgress,
} from '../src/index.js';
import { clockedPlatform } from './clocked-platform.js';
import { SECONDED, UNITARY, startHistoryCities, type HistoryCities } from './history-city.js';

/** The demo's histories at a small scale: Chirchik's 2013 and Djizak's first quarter of 2014. */
const HISTORIES: CityHistorySpec[] = [
  {
    tenantId: SECONDED,
    from: '2013-01-01',
    to: '2013-12-31',
    inquiries: 400,
    revenueTarget: 40_000_000,
    kinds: SECONDED_STAFF_KINDS,
  },
  {
    tenantId: UNITARY,
    from: '2014-01-01',
    to: '2014-03-31',
    inquiries: 150,
    kinds: UNITARY_ENTERPRISE_KINDS,
  },
];
/** Wide enough for payments of December's inquiries made in January. */
const SPAN = { from: '2013-01-01', to: '2014-12-31' };

describe('demo history seeded into test cities', function () {
  this.timeout(180_000);
  let cities: HistoryCities;
  let platform: Platform;
  let results: CityHistoryResult[];
  const progress: HistoryProgress[] = [];
  let inboxBefore: Record<string, number>;

  const viewer = (tenantId: string): InboxViewer => {
    const officer = cities.actor(tenantId, 'back_office', 'cadastre-unit');
    return { id: officer.id, roles: officer.roles, agencyCodes: officer.agencyCodes ?? [], actingFor: [] };
  };
  const rows = <T>(tenantId: string, sql: string, bindings: (string | number)[] = []) =>
    platform.db.withTenant(
      tenantId,
      async (trx) => (await trx.raw<{ rows: T[] }>(sql, [tenantId, ...bindings])).rows,
    );

  before(async () => {
    cities = await startHistoryCities();
    platform = cities.host.platform;
    inboxBefore = await platform.inbox.counts(SECONDED, viewer(SECONDED), { dueBefore: new Date() });
    results = await seedDemoHistory(platform, { onProgress: (p) => progress.push(p) }, HISTORIES);
  });
  after(() => cities?.stop());

  it('files the inquiries asked for, closed, numbered in filing order without gaps', async () => {
    expect(results.map((r) => [r.tenantId, r.seeded, r.inquiries])).to.deep.equal([
      [SECONDED, true, 400],
      [UNITARY, true, 150],
    ]);
    for (const [tenantId, prefix, year, count] of [
      [SECONDED, 'CHR', 2013, 400],
      [UNITARY, 'DJZ', 2014, 150],
    ] as const) {
      const filed = await rows<{ tracking_number: string; closed_at: Date | null }>(
        tenantId,
        'select tracking_number, closed_at from inquiries where tenant_id = ? order by filed_at, id',
      );
      expect(filed.map((r) => r.tracking_number)).to.deep.equal(
        Array.from({ length: count }, (_, i) => `${prefix}-${year}-${String(i + 1).padStart(6, '0')}`),
      );
      expect(filed.every((r) => r.closed_at !== null)).to.equal(true);
      const [counter] = await rows<{ last_value: number }>(
        tenantId,
        'select last_value from tracking_counters where tenant_id = ? and prefix = ? and year = ?',
        [prefix, year],
      );
      expect(counter!.last_value).to.equal(count);
    }
    expect(progress.filter((p) => p.tenantId === SECONDED).map((p) => p.phase)).to.include.members([
      'plan',
      'write',
      'done',
    ]);
  });

  it('leaves the open queues as they were and lists the history under closed', async () => {
    const after = await platform.inbox.counts(SECONDED, viewer(SECONDED), { dueBefore: new Date() });
    expect(after).to.deep.equal(inboxBefore);
    const closed = await platform.inbox.list(SECONDED, viewer(SECONDED), {
      bucket: 'closed',
      agencyCode: 'cadastre-unit',
      limit: 5,
    });
    expect(closed.items).to.have.length(5);
    expect(closed.items.every((i) => i.closedAt !== null && i.agencyCode === 'cadastre-unit')).to.equal(true);
  });

  it('gives every inquiry its history: one entry per version, filed first, closed last', async () => {
    const [check] = await rows<{ inquiries: number; entries: number; versions: number; bad: number }>(
      SECONDED,
      `select count(*)::int as inquiries,
              (select count(*)::int from inquiry_history h where h.tenant_id = i.tenant_id) as entries,
              sum(version)::int as versions,
              count(*) filter (where not exists (
                select 1 from inquiry_history h where h.tenant_id = i.tenant_id and h.inquiry_id = i.id
                   and h.seq = i.version and h.to_state = i.state and h.at = i.closed_at))::int as bad
         from inquiries i where tenant_id = ? group by i.tenant_id`,
    );
    expect(check!.entries).to.equal(check!.versions);
    expect(check!.entries).to.equal(results[0]!.historyEntries);
    expect(check!.bad).to.equal(0);
  });

  it("shows the payments' sum as the revenue report's, and the inquiries in the volume report", async () => {
    for (const result of results) {
      const [paid] = await rows<{ count: number; sum: string }>(
        result.tenantId,
        `select count(*)::int as count, coalesce(sum(amount), 0)::bigint as sum from payments where tenant_id = ? and status = 'confirmed'`,
      );
      const revenue = await platform.reports.revenue(result.tenantId, { ...SPAN, groupBy: 'agency' });
      expect(revenue.total.gross).to.equal(Number(paid!.sum)).and.equal(result.revenue);
      expect(revenue.total.payments).to.equal(paid!.count).and.equal(result.payments);
      const volumes = await platform.reports.volumes(result.tenantId, {
        from: result.from,
        to: result.to,
        groupBy: 'month',
      });
      expect(volumes.total.filed).to.equal(result.inquiries);
      expect(volumes.total.completed + volumes.total.rejected).to.equal(result.inquiries);
      const [overdue] = await rows<{ n: number }>(
        result.tenantId,
        'select count(*)::int as n from inquiries where tenant_id = ? and overall_breached_at is not null',
      );
      expect(volumes.total.overdue).to.equal(overdue!.n);
    }
    expect(results[0]!.revenue).to.be.greaterThan(0);
  });

  it('has a believable mix: most on time, some overdue, rejected, appealed; ratings mostly 4-5', async () => {
    const [mix] = await rows<Record<string, number>>(
      SECONDED,
      `select count(*)::int as total,
              count(*) filter (where public_status = 'rejected')::int as rejected,
              count(*) filter (where overall_breached_at is not null)::int as overdue,
              count(*) filter (where kind = 'information')::int as information,
              (select count(distinct inquiry_id)::int from inquiry_history h
                where h.tenant_id = i.tenant_id and h.action = 'appeal') as appealed
         from inquiries i where tenant_id = ? group by tenant_id`,
    );
    expect(mix!['rejected']! / mix!['total']!).to.be.within(0.01, 0.15);
    expect(mix!['overdue']! / mix!['total']!).to.be.within(0.02, 0.3);
    expect(mix!['information']).to.be.greaterThan(0);
    expect(mix!['appealed']).to.be.greaterThan(0);
    const averages = await platform.ratings.averages(SECONDED, { ...SPAN, groupBy: 'agency' });
    expect(averages.total.count).to.equal(results[0]!.ratings);
    const { distribution } = averages.total;
    expect((distribution['4'] + distribution['5']) / averages.total.count).to.be.greaterThan(0.7);
    expect(distribution['1'] + distribution['2']).to.be.greaterThan(0);
    const [sums] = await rows<{ sum: number; n: number }>(
      SECONDED,
      'select sum(score)::int as sum, count(*)::int as n from ratings where tenant_id = ?',
    );
    expect(averages.total.average).to.equal(Math.round((sums!.sum / sums!.n) * 100) / 100);
  });

  it("invoices carry the quote the fee service gives for the inquiry, at the history's BHM", async () => {
    const invoices = await rows<{ inquiry_id: string; quote: unknown; total: string }>(
      SECONDED,
      'select inquiry_id, quote, total from invoices where tenant_id = ? order by issued_at limit 25',
    );
    expect(invoices.length).to.be.greaterThan(0);
    for (const invoice of invoices) {
      const inquiry = await platform.engine.get(SECONDED, invoice.inquiry_id);
      const quote = await platform.fees.quoteForInquiry(SECONDED, inquiry);
      expect(invoice.quote).to.deep.equal(JSON.parse(JSON.stringify(quote)));
      expect(Number(invoice.total)).to.equal(quote.total);
      expect(quote.breakdown.bhm?.value).to.be.oneOf([79_590, 87_550, 96_105]);
    }
  });

  it('numbers receipts per year without gaps; the next payment and filing get the next numbers', async () => {
    const receipts = await rows<{ receipt_year: number; receipt_number: string }>(
      SECONDED,
      `select receipt_year, receipt_number from payments where tenant_id = ? order by confirmed_at, receipt_number`,
    );
    const perYear = new Map<number, string[]>();
    for (const r of receipts)
      perYear.set(r.receipt_year, [...(perYear.get(r.receipt_year) ?? []), r.receipt_number]);
    for (const [year, numbers] of perYear) {
      expect(numbers).to.deep.equal(
        numbers.map((_, i) => `CHR-${year}-R${String(i + 1).padStart(6, '0')}`),
        `receipts of ${year}`,
      );
      const [counter] = await rows<{ last: number }>(
        SECONDED,
        'select last from receipt_counters where tenant_id = ? and year = ?',
        [year],
      );
      expect(counter!.last).to.equal(numbers.length);
    }
    // One more inquiry filed and paid on the last working day of 2013, by the platform itself.
    const clocked = clockedPlatform(platform, [SECONDED]);
    const officer = cities.actor(SECONDED, 'front_office', 'cadastre-unit');
    clocked.now = new Date('2013-12-31T06:00:00Z');
    const { inquiry } = await clocked.engine.file(
      SECONDED,
      {
        serviceCode: 'cadastre.register-extract',
        applicant: {
          type: 'individual',
          pinfl: '31507976020031',
          lastName: 'Karimov',
          firstName: 'Aziz',
          locale: 'ru',
        },
        formData: {
          applicantType: 'individual',
          pinfl: '31507976020031',
          cadastreNumber: '10:11:12:01:02:0034:0005:001',
          propertyType: 'housing',
          area: 80,
          address: 'Chirchiq, Bog‘iston ko‘chasi 7',
          phone: '+998901234567',
        },
        channel: 'desk',
      },
      officer,
    );
    expect(inquiry.trackingNumber).to.equal('CHR-2013-000401');
    clocked.now = new Date('2013-12-31T06:05:00Z');
    const invoice = await clocked.payments.ensureInvoice(SECONDED, inquiry.id, officer);
    expect(invoice!.total).to.equal(120_131); // 1.25 x 96,105 (the BHM from 2013-12-15), rounded half up
    const { payment } = await clocked.payments.payAtDesk(
      SECONDED,
      invoice!.id,
      { amount: invoice!.total, method: 'cash' },
      cities.actor(SECONDED, 'cashier'),
    );
    expect(payment.receiptNumber).to.equal(
      `CHR-2013-R${String(perYear.get(2013)!.length + 1).padStart(6, '0')}`,
    );
  });

  it('is found by search, with the last public comment', async () => {
    const page = await searchInquiries(platform.db, SECONDED, {
      filedFrom: new Date('2013-01-01T00:00:00+05:00'),
      filedUntil: new Date('2013-12-31T23:59:59+05:00'),
      publicStatuses: ['rejected'],
      limit: 1000,
    });
    expect(page.items.length).to.be.greaterThan(0);
    expect(page.items.every((hit) => hit.inquiry.trackingNumber.startsWith('CHR-2013-'))).to.equal(true);
    expect(page.items.some((hit) => (hit.lastPublicComment ?? '').length > 0)).to.equal(true);
    const one = await searchInquiries(platform.db, SECONDED, { trackingNumbers: ['CHR-2013-000007'] });
    expect(one.items.map((hit) => hit.inquiry.trackingNumber)).to.deep.equal(['CHR-2013-000007']);
  });

  it('adds nothing when run again', async () => {
    const [before] = await rows<{ n: number }>(
      SECONDED,
      'select count(*)::int as n from inquiries where tenant_id = ?',
    );
    const again: HistoryProgress[] = [];
    const rerun = await seedDemoHistory(platform, { onProgress: (p) => again.push(p) }, HISTORIES);
    expect(rerun.map((r) => r.seeded)).to.deep.equal([false, false]);
    expect(again.map((p) => p.phase)).to.deep.equal(['skipped', 'skipped']);
    const [afterRerun] = await rows<{ n: number }>(
      SECONDED,
      'select count(*)::int as n from inquiries where tenant_id = ?',
    );
    expect(afterRerun!.n).to.equal(before!.n);
  });

  it('is the same history for the same seed', async () => {
    const other = await startHistoryCities();
    try {
      const [again] = await seedDemoHistory(other.host.platform, {}, [HISTORIES[0]!]);
      const { ms: _a, skipped: _b, ...figures } = again!;
      const { ms: _c, skipped: _d, ...first } = results[0]!;
      expect(figures).to.deep.equal(first);
    } finally {
      await other.stop();
    }
  });
});
