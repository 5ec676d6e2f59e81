import { expect } from 'chai';
import { CORE_HOST_TABLES, checkTenantCatalog, isDarchaError } from '@darcha/core';
import { roomRental } from '../src/index.js';
import { DJIZAK, NAMANGAN, booking, dayAhead, startOssCities, type OssCities } from './oss-city.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';
const TABLES = ['oss_rooms', 'oss_room_bookings'];

describe(`oss-centre tables and tenancy (${engine})`, function () {
  this.timeout(60_000);
  let cities: OssCities;
  const date = dayAhead(50);
  let djizakBooking: string;

  before(async () => {
    cities = await startOssCities();
    const { djizak } = cities;
    const inquiry = await djizak.file(roomRental.code, booking(date, 10, 2));
    djizakBooking = (await djizak.act(inquiry, 'confirm_booking', djizak.actors.operator)).id;
  });
  after(() => cities?.stop());

  const bookings = (tenantId: string) =>
    cities.host.withTenant(tenantId, (trx) => trx('oss_room_bookings').select('tenant_id', 'inquiry_id'));

  it('passes the tenancy catalog check: RLS forced, keys and foreign keys with tenant_id, indexes led by it', async () => {
    const violations = await cities.host.db.withHost((trx) =>
      checkTenantCatalog(trx, { hostTables: CORE_HOST_TABLES }),
    );
    expect(violations).to.deep.equal([]);
    const tables: { relname: string; rls: boolean; forced: boolean }[] = await cities.host.db.withHost(
      async (trx) =>
        (
          await trx.raw(
            `select relname, relrowsecurity as rls, relforcerowsecurity as forced from pg_class
              where relname = any(?) order by relname`,
            [TABLES],
          )
        ).rows,
    );
    expect(tables).to.deep.equal([
      { relname: 'oss_room_bookings', rls: true, forced: true },
      { relname: 'oss_rooms', rls: true, forced: true },
    ]);
  });

  it('lets one city see and write only its own bookings', async () => {
    const own = { tenant_id: DJIZAK, inquiry_id: djizakBooking };
    expect(await bookings(DJIZAK)).to.deep.equal([own, own]); // 10:00 and 11:00
    expect(await bookings(NAMANGAN)).to.deep.equal([]);

    // Namangan cannot write a row for Djizak (WITH CHECK), nor change or delete Djizak's rows (USING).
    const forged = await cities.host
      .withTenant(NAMANGAN, (trx) =>
        trx('oss_room_bookings').insert({
          tenant_id: DJIZAK,
          room_code: 'training-room',
          slot_start: new Date(`${date}T15:00:00+05:00`),
          inquiry_id: djizakBooking,
          held_version: 9,
        }),
      )
      .catch((e: unknown) => e);
    expect(String(forged)).to.match(/row-level security|violates/);
    const changed = await cities.host.withTenant(NAMANGAN, async (trx) => [
      await trx('oss_room_bookings').where({ tenant_id: DJIZAK }).update({ held_version: 99 }),
      await trx('oss_room_bookings').where({ tenant_id: DJIZAK }).delete(),
      await trx('oss_room_bookings').update({ held_version: 99 }),
    ]);
    expect(changed).to.deep.equal([0, 0, 0]);
    expect(await bookings(DJIZAK)).to.have.length(2);
    const rooms = await cities.host.withTenant(NAMANGAN, (trx) =>
      trx('oss_rooms').select('tenant_id', 'code'),
    );
    expect(rooms).to.deep.equal([{ tenant_id: NAMANGAN, code: 'training-room' }]);
  });

  it('books the same room code and hours in both cities independently (the key includes tenant_id)', async () => {
    const { namangan } = cities;
    const inquiry = await namangan.file(roomRental.code, booking(date, 10, 2));
    const confirmed = await namangan.act(inquiry, 'confirm_booking', namangan.actors.operator);
    expect(confirmed.state).to.equal('awaiting_payment');
    expect(await bookings(NAMANGAN)).to.have.length(2);
    expect(await bookings(DJIZAK)).to.have.length(2);
  });

  describe('rooms from the tenant settings', () => {
    const names = { 'uz-Latn': 'Zal', 'uz-Cyrl': 'Зал', ru: 'Зал', en: 'Hall' };
    const tenantPlugins = () => cities.host.platform.plugins.tenantPlugins;

    before(async () => {
      await cities.host.platform.tenants.create({
        id: 'samarkand',
        kind: 'city',
        parentId: 'uz',
        names: { 'uz-Latn': 'Samarqand', 'uz-Cyrl': 'Самарқанд', ru: 'Самарканд', en: 'Samarkand' },
      });
    });

    const activeRooms = () =>
      cities.host.withTenant('samarkand', (trx) =>
        trx('oss_rooms').where({ active: true }).orderBy('code').select('code', 'capacity'),
      );

    it('refuses settings that break the schema or name a room twice, enabling nothing', async () => {
      const zero = await tenantPlugins()
        .enable('samarkand', 'oss-centre', { settings: { rooms: [{ code: 'hall', names, capacity: 0 }] } })
        .catch((e: unknown) => e);
      expect(isDarchaError(zero, 'DARCHA_PLUGIN_SETTINGS_INVALID')).to.equal(true);
      const twice = await tenantPlugins()
        .enable('samarkand', 'oss-centre', {
          settings: {
            rooms: [
              { code: 'hall', names, capacity: 30 },
              { code: 'hall', names, capacity: 40 },
            ],
          },
        })
        .catch((e: unknown) => e);
      expect(isDarchaError(twice, 'DARCHA_PLUGIN_SETTINGS_INVALID'), String(twice)).to.equal(true);
      expect(String((twice as Error).message)).to.contain('names room "hall" twice');
      expect(await tenantPlugins().isEnabled('samarkand', 'oss-centre')).to.equal(false);
    });

    it('copies the rooms when the plugin is enabled; a room dropped later is kept inactive', async () => {
      await tenantPlugins().enable('samarkand', 'oss-centre', {
        settings: { rooms: [{ code: 'hall', names, capacity: 30 }] },
      });
      expect(await activeRooms()).to.deep.equal([{ code: 'hall', capacity: 30 }]);
      await tenantPlugins().disable('samarkand', 'oss-centre');
      await tenantPlugins().enable('samarkand', 'oss-centre', {
        settings: { rooms: [{ code: 'small-room', names, capacity: 8 }] },
      });
      expect(await activeRooms()).to.deep.equal([{ code: 'small-room', capacity: 8 }]);
      const all = await cities.host.withTenant('samarkand', (trx) =>
        trx('oss_rooms').orderBy('code').pluck('code'),
      );
      expect(all).to.deep.equal(['hall', 'small-room']);
    });
  });
});
