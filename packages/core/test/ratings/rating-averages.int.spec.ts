import { expect } from 'chai';
import { average } from '../../src/ratings/rating-averages.js';
import { PostgresAgencyDirectory } from '../../src/registry/postgres-agency-directory.js';
import type { Actor } from '../../src/workflow/inquiry/types.js';
import { dbEngine } from '../workflow/engine/engine-fixture.js';
import { openRatingsFixture, refusal, type RatingsFixture } from './ratings-fixture.js';

describe(`rating averages (${dbEngine})`, () => {
  let r: RatingsFixture;

  before(async () => {
    r = await openRatingsFixture();
    // gas.simple-water is given to a second gas agency in Chirchik, so that two agencies have ratings.
    await new PostgresAgencyDirectory(r.f.db).upsertAgency('chirchik', {
      code: 'gazsnab',
      kind: 'gas',
      names: { en: 'Gazsnab' },
      contacts: {},
      workingHours: {},
      active: true,
    });
    await r.f.catalog.setEntry('chirchik', {
      serviceCode: 'gas.simple-water',
      offered: true,
      agencyCode: 'gazsnab',
    });
    const member = await r.f.staff.create('chirchik', {
      displayName: 'gazsnab officer',
      roles: ['back_office'],
      agencyCodes: ['gazsnab'],
    });
    const gazsnabOfficer: Actor = {
      id: member.id,
      kind: 'staff',
      roles: ['back_office'],
      agencyCodes: ['gazsnab'],
    };
    const rateAt = async (iso: string, score: number, serviceCode = 'gas.simple'): Promise<void> => {
      r.f.clock.set('2026-03-02T05:00:00Z');
      const officer = serviceCode === 'gas.simple' ? r.f.actors.officer : gazsnabOfficer;
      const inquiry = await r.completed({ serviceCode }, officer);
      r.f.clock.set(iso);
      await r.ratings.rate('chirchik', inquiry.id, { score }, r.owner);
    };
    // March in Tashkent (UTC+5): the last one is 23:59 on 31 March local time.
    await rateAt('2026-03-10T06:00:00Z', 5);
    await rateAt('2026-03-11T06:00:00Z', 4);
    await rateAt('2026-03-12T06:00:00Z', 4);
    await rateAt('2026-03-31T18:59:00Z', 2, 'gas.simple-water');
    // 00:00 on 1 April in Tashkent, still 31 March in UTC.
    await rateAt('2026-03-31T19:00:00Z', 3, 'gas.simple-water');
    // Before the period: 23:59 on 28 February in Tashkent.
    await rateAt('2026-02-28T18:59:00Z', 1);
  });
  after(() => r.close());

  it('averages by agency: count, exact average and distribution, totals from the counts', async () => {
    const result = await r.ratings.averages('chirchik', {
      from: '2026-03-01',
      to: '2026-04-30',
      groupBy: 'agency',
    });
    expect(result).to.include({
      from: '2026-03-01',
      to: '2026-04-30',
      groupBy: 'agency',
      timeZone: 'Asia/Tashkent',
    });
    expect(result.groups).to.deep.equal([
      { key: 'gazsnab', count: 2, average: 2.5, distribution: { 1: 0, 2: 1, 3: 1, 4: 0, 5: 0 } },
      { key: 'gorgas', count: 3, average: 4.33, distribution: { 1: 0, 2: 0, 3: 0, 4: 2, 5: 1 } },
    ]);
    expect(result.total).to.deep.equal({
      count: 5,
      average: 3.6,
      distribution: { 1: 0, 2: 1, 3: 1, 4: 2, 5: 1 },
    });
  });

  it('averages by service', async () => {
    const result = await r.ratings.averages('chirchik', {
      from: '2026-03-01',
      to: '2026-04-30',
      groupBy: 'service',
    });
    expect(result.groups.map((g) => [g.key, g.count, g.average])).to.deep.equal([
      ['gas.simple', 3, 4.33],
      ['gas.simple-water', 2, 2.5],
    ]);
  });

  it('averages by month in Tashkent time, and cuts the period at local midnight', async () => {
    const byMonth = await r.ratings.averages('chirchik', {
      from: '2026-02-01',
      to: '2026-04-30',
      groupBy: 'month',
    });
    expect(byMonth.groups.map((g) => [g.key, g.count, g.average])).to.deep.equal([
      ['2026-02', 1, 1],
      ['2026-03', 4, 3.75],
      ['2026-04', 1, 3],
    ]);
    const march = await r.ratings.averages('chirchik', {
      from: '2026-03-01',
      to: '2026-03-31',
      groupBy: 'month',
    });
    expect(march.total.count).to.equal(4);
    expect(march.groups.map((g) => g.key)).to.deep.equal(['2026-03']);
  });

  it('refuses a malformed period or grouping', async () => {
    const cases: unknown[] = [
      { from: '2026-03-01', to: '2026-02-01', groupBy: 'agency' },
      { from: '2026-02-30', to: '2026-03-01', groupBy: 'agency' },
      { from: '1 March', to: '2026-03-01', groupBy: 'agency' },
      { from: '2026-03-01', to: '2026-03-31', groupBy: 'week' },
      { from: '2000-01-01', to: '2026-03-31', groupBy: 'month' },
    ];
    for (const query of cases) {
      const refused = await refusal(r.ratings.averages('chirchik', query as never));
      expect(refused, JSON.stringify(query)).to.include({
        code: 'DARCHA_REPORT_QUERY_INVALID',
        kind: 'invalid',
      });
    }
  });

  it('rounds half up from the exact quotient', () => {
    expect(average(13, 3)).to.equal(4.33);
    expect(average(14, 3)).to.equal(4.67);
    expect(average(9, 2)).to.equal(4.5);
    expect(average(1, 8)).to.equal(0.13); // 0.125 rounds up
    expect(average(0, 0)).to.equal(null);
  });
});
