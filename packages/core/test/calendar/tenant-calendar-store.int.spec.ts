import { expect } from 'chai';
import { listAudit } from '../../src/audit/audit-log.js';
import { defaultCalendar } from '../../src/calendar/default-calendar.js';
import { TenantCalendarStore } from '../../src/calendar/tenant-calendar-store.js';
import type { CalendarDefinition } from '../../src/calendar/types.js';
import type { Database } from '../../src/db/database.js';
import { openTestDatabase } from '../../src/db/testing.js';
import { isDarchaError, type DarchaError } from '../../src/errors/darcha-error.js';
import { PostgresTenantRegistry } from '../../src/tenancy/postgres-tenant-registry.js';
import { OFFICE_HOURS, uzbekistan2026, withHolidays } from './uzbekistan-2026.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const TENANTS = ['uz', 'uz.tashkent-region', 'chirchik', 'angren', 'djizak', 'termez'];

/** The Tashkent region works Saturday mornings at its centres. */
const tashkentRegion: CalendarDefinition = {
  ...uzbekistan2026,
  workingWeek: { ...uzbekistan2026.workingWeek, sat: [['09:00', '13:00']] },
};

describe(`tenant calendar store (${engine})`, () => {
  let db: Database;
  let tenants: PostgresTenantRegistry;
  let now: number;
  let store: TenantCalendarStore;

  before(async () => {
    db = await openTestDatabase();
    tenants = new PostgresTenantRegistry(db);
    const names = (n: string) => ({ 'uz-Latn': n });
    await tenants.create({ id: 'uz', kind: 'country', names: names("O'zbekiston") });
    await tenants.create({
      id: 'uz.tashkent-region',
      kind: 'region',
      parentId: 'uz',
      names: names('Toshkent viloyati'),
    });
    await tenants.create({
      id: 'chirchik',
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: names('Chirchiq'),
    });
    await tenants.create({
      id: 'angren',
      kind: 'city',
      parentId: 'uz.tashkent-region',
      names: names('Angren'),
    });
    await tenants.create({ id: 'djizak', kind: 'city', parentId: 'uz', names: names('Jizzax') });
    await tenants.create({
      id: 'termez',
      kind: 'city',
      parentId: 'uz',
      names: names('Termiz'),
      timeZone: 'Asia/Samarkand',
    });
  });
  after(() => db.close());

  beforeEach(async () => {
    now = Date.parse('2026-03-02T09:00:00Z');
    store = new TenantCalendarStore({ db, tenants, ttlMs: 1_000, clock: () => now });
    for (const id of TENANTS) await store.clear(id, 'test');
  });

  it('gives a tenant without any calendar in its chain the default calendar, in its own time zone', async () => {
    expect(await store.definition('chirchik')).to.deep.equal({
      definition: defaultCalendar('Asia/Tashkent'),
      sourceTenantId: null,
    });
    const termez = await store.get('termez');
    expect(termez.timeZone).to.equal('Asia/Samarkand');
    expect(termez.isWorkingDay('2026-01-01')).to.equal(true); // no holidays until the country adds them
    expect(termez.isWorkingDay('2026-01-03')).to.equal(false); // a Saturday
  });

  it('inherits down uz > region > city, with a city override and a return to inheritance on clear', async () => {
    await store.set('uz', uzbekistan2026, 'admin-uz');
    const chirchikFromUz = await store.get('chirchik');
    expect((await store.definition('chirchik')).sourceTenantId).to.equal('uz');
    expect(chirchikFromUz.isWorkingDay('2026-03-20')).to.equal(false); // Ramazon hayiti, a Friday
    expect(chirchikFromUz.isWorkingDay('2026-01-10')).to.equal(true); // the moved working Saturday

    await store.set('uz.tashkent-region', tashkentRegion, 'admin-region');
    expect((await store.definition('chirchik')).sourceTenantId).to.equal('uz.tashkent-region');
    expect((await store.get('chirchik')).isWorkingDay('2026-02-07')).to.equal(true); // a Saturday morning
    expect((await store.get('djizak')).isWorkingDay('2026-02-07')).to.equal(false); // under uz only

    await store.set('chirchik', withHolidays('2026-06-15'), 'admin-chirchik'); // a city day off
    const chirchik = await store.get('chirchik');
    expect((await store.definition('chirchik')).sourceTenantId).to.equal('chirchik');
    expect(chirchik.isWorkingDay('2026-06-15')).to.equal(false);
    expect(chirchik.isWorkingDay('2026-02-07')).to.equal(false); // its own week has no Saturday
    expect((await store.get('angren')).isWorkingDay('2026-06-15')).to.equal(true); // a sibling is not affected

    expect(await store.clear('chirchik', 'admin-chirchik')).to.equal(true);
    expect(await store.clear('chirchik', 'admin-chirchik')).to.equal(false);
    expect((await store.definition('chirchik')).sourceTenantId).to.equal('uz.tashkent-region');
    expect((await store.get('chirchik')).isWorkingDay('2026-06-15')).to.equal(true);
  });

  it("applies an inherited calendar in the city's own time zone", async () => {
    await store.set('uz', uzbekistan2026, 'admin-uz');
    const { definition, sourceTenantId } = await store.definition('termez');
    expect(sourceTenantId).to.equal('uz');
    expect(definition.timeZone).to.equal('Asia/Samarkand');
    expect(definition.holidays).to.deep.equal(uzbekistan2026.holidays);
  });

  it('compiles a calendar once and keeps it for ttlMs; a change made elsewhere shows after that', async () => {
    await store.set('uz', uzbekistan2026, 'admin-uz');
    const first = await store.get('chirchik');
    expect(await store.get('chirchik')).to.equal(first);
    // Another process (its own store) gives the country a new holiday.
    const elsewhere = new TenantCalendarStore({ db, tenants });
    await elsewhere.set('uz', withHolidays('2026-03-02'), 'admin-uz');
    now += 999;
    expect(await store.get('chirchik')).to.equal(first);
    expect(first.isWorkingDay('2026-03-02')).to.equal(true);
    now += 1;
    const reread = await store.get('chirchik');
    expect(reread).not.to.equal(first);
    expect(reread.isWorkingDay('2026-03-02')).to.equal(false);
  });

  it('drops the cached calendars of the tenant and those below it at once on set and clear', async () => {
    const before = await store.get('chirchik');
    await store.get('angren');
    await store.get('djizak');
    const djizak = await store.get('djizak');
    await store.set('uz.tashkent-region', withHolidays('2026-04-01'), 'admin-region');
    expect((await store.get('chirchik')).isWorkingDay('2026-04-01')).to.equal(false);
    expect((await store.get('angren')).isWorkingDay('2026-04-01')).to.equal(false);
    expect(await store.get('djizak')).to.equal(djizak); // not below the region: still cached
    expect(before.isWorkingDay('2026-04-01')).to.equal(true); // a calendar object never changes
    await store.clear('uz.tashkent-region', 'admin-region');
    expect((await store.get('chirchik')).isWorkingDay('2026-04-01')).to.equal(true);
  });

  it('lists every problem of an invalid calendar and saves nothing', async () => {
    await store.set('chirchik', uzbekistan2026, 'admin-chirchik');
    const bad = {
      timeZone: 'Asia/Chirchik',
      workingWeek: { ...uzbekistan2026.workingWeek, mon: [['13:00', '09:00']], sun: 'open' },
      holidays: [{ date: '2026-02-30' }, { date: '2026-01-01' }, { date: '2026-01-01' }],
    } as unknown as CalendarDefinition;
    const error = await expectCode(store.set('chirchik', bad, 'admin-chirchik'), 'DARCHA_CALENDAR_INVALID');
    expect(error.message).to.include('tenant "chirchik"');
    expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.include.members([
      '/timeZone',
      '/workingWeek/mon/0',
      '/workingWeek/sun',
      '/holidays/0/date',
      '/holidays/2/date',
    ]);
    const closed = Object.fromEntries(Object.keys(uzbekistan2026.workingWeek).map((d) => [d, 'closed']));
    await expectCode(
      store.set('chirchik', { ...uzbekistan2026, workingWeek: closed } as CalendarDefinition, 'x'),
      'DARCHA_CALENDAR_NO_WORKING_TIME',
    );
    expect((await store.definition('chirchik')).definition).to.deep.equal(uzbekistan2026);
    await expectCode(store.set('namangan', uzbekistan2026, 'x'), 'DARCHA_TENANT_NOT_FOUND');
    await expectCode(store.get('namangan'), 'DARCHA_TENANT_NOT_FOUND');
  });

  it('adds holidays to a copy of the inherited calendar, and merges them into an own one', async () => {
    await store.set('uz', uzbekistan2026, 'admin-uz');
    await store.addHolidays(
      'chirchik',
      [{ date: '2026-06-15', names: { en: 'City day' } }],
      'admin-chirchik',
    );
    const own = await store.definition('chirchik');
    expect(own.sourceTenantId).to.equal('chirchik');
    expect(own.definition.extraWorkingDays).to.deep.equal(uzbekistan2026.extraWorkingDays);
    expect(own.definition.holidays?.map((h) => h.date)).to.deep.equal(
      [...uzbekistan2026.holidays!.map((h) => h.date), '2026-06-15'].sort(),
    );
    // A date listed again takes the new names; the list stays in date order.
    const calendar = await store.addHolidays(
      'chirchik',
      [
        { date: '2026-06-15', names: { en: 'Chirchik city day' } },
        { date: '2026-02-02', names: { en: 'Snow day' } },
      ],
      'admin-chirchik',
    );
    expect(calendar.isWorkingDay('2026-02-02')).to.equal(false);
    const holidays = (await store.definition('chirchik')).definition.holidays!;
    expect(holidays.find((h) => h.date === '2026-06-15')?.names).to.deep.equal({ en: 'Chirchik city day' });
    expect(holidays.map((h) => h.date)).to.deep.equal([...holidays.map((h) => h.date)].sort());
    expect((await store.definition('djizak')).definition.holidays).to.deep.equal(uzbekistan2026.holidays);

    const audit = await db.withTenant('chirchik', (trx) =>
      listAudit(trx, 'chirchik', { subjectType: 'calendar' }),
    );
    expect(audit.slice(0, 2).map((a) => [a.action, a.actor, a.details['copiedFrom']])).to.deep.equal([
      ['calendar.holidays.add', 'admin-chirchik', null],
      ['calendar.holidays.add', 'admin-chirchik', 'uz'],
    ]);
  });

  it('keeps both of two holiday additions made at once to a tenant without its own calendar', async () => {
    await store.set('uz', uzbekistan2026, 'admin-uz');
    const other = new TenantCalendarStore({ db, tenants });
    await Promise.all([
      store.addHolidays('angren', [{ date: '2026-06-15' }], 'admin-1'),
      other.addHolidays('angren', [{ date: '2026-06-16' }], 'admin-2'),
    ]);
    const dates = (await store.definition('angren')).definition.holidays!.map((h) => h.date);
    expect(dates).to.include.members(['2026-06-15', '2026-06-16', '2026-01-01']);
  });

  it('refuses holidays that are malformed, repeated, or already working days, naming each', async () => {
    await store.set('uz', uzbekistan2026, 'admin-uz');
    const error = await expectCode(
      store.addHolidays(
        'chirchik',
        [{ date: '2026-13-01' }, { date: '2026-06-15' }, { date: '2026-06-15' }, { date: '2026-01-10' }],
        'admin-chirchik',
      ),
      'DARCHA_CALENDAR_INVALID',
    );
    expect((error.details['errors'] as { field: string }[]).map((e) => e.field)).to.have.members([
      '/holidays/0/date',
      '/holidays/2/date',
      '/extraWorkingDays/0/date', // 2026-01-10 is the moved working Saturday
    ]);
    expect((await store.definition('chirchik')).sourceTenantId).to.equal('uz'); // nothing was saved
  });

  it('audits set and clear with the actor', async () => {
    await store.set('djizak', { ...uzbekistan2026, extraWorkingDays: [] }, 'admin-djizak');
    await store.clear('djizak', 'admin-djizak');
    const audit = await db.withTenant('djizak', (trx) =>
      listAudit(trx, 'djizak', { subjectType: 'calendar' }),
    );
    expect(audit.slice(0, 2).map((a) => [a.action, a.actor, a.subjectId])).to.deep.equal([
      ['calendar.clear', 'admin-djizak', 'djizak'],
      ['calendar.set', 'admin-djizak', 'djizak'],
    ]);
    expect(audit[1]!.details).to.deep.equal({
      timeZone: 'Asia/Tashkent',
      holidays: uzbekistan2026.holidays!.length,
      extraWorkingDays: 0,
      replaced: false,
    });
  });

  it("keeps each city's own calendar row out of every other city's reach", async () => {
    await store.set(
      'djizak',
      { ...uzbekistan2026, workingWeek: { ...uzbekistan2026.workingWeek, sat: OFFICE_HOURS } },
      'a',
    );
    await store.set('chirchik', uzbekistan2026, 'a');
    const seen = await db.withTenant('chirchik', async (trx) => ({
      rows: await trx('tenant_calendars').pluck('tenant_id'),
      updated: await trx('tenant_calendars').where({ tenant_id: 'djizak' }).update({ updated_by: 'x' }),
    }));
    expect(seen).to.deep.equal({ rows: ['chirchik'], updated: 0 });
    expect((await store.get('djizak')).isWorkingDay('2026-02-07')).to.equal(true);
    expect((await store.get('chirchik')).isWorkingDay('2026-02-07')).to.equal(false);
  });
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<DarchaError> {
  try {
    await promise;
  } catch (error) {
    expect(isDarchaError(error, code), `expected ${code}, got ${String(error)}`).to.equal(true);
    return error as DarchaError;
  }
  return expect.fail(`expected ${code}`);
}
