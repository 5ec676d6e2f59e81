import { expect } from 'chai';
import { isDarchaError, type DarchaError, type PluginRouteRequest } from '@darcha/core';
import { createServer, type DarchaServer } from '@darcha/server';
import { roomAvailabilityRoute, roomRental, type RoomAvailability } from '../src/index.js';
import { booking, dayAhead, startOssCities, type OssCities } from './oss-city.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`oss-centre room routes (${engine})`, function () {
  this.timeout(60_000);
  let cities: OssCities;
  let server: DarchaServer;
  let base: string;
  const date = dayAhead(40);

  before(async () => {
    cities = await startOssCities();
    const { djizak } = cities;
    const inquiry = await djizak.file(roomRental.code, booking(date, 11, 3)); // 11:00-14:00
    await djizak.act(inquiry, 'confirm_booking', djizak.actors.operator);
    await djizak.file(roomRental.code, booking(date, 15, 1)); // filed, not confirmed: holds nothing
    server = createServer({ platform: cities.host.platform, metrics: false });
    base = `http://127.0.0.1:${await server.listen(0, '127.0.0.1')}`;
  });
  after(async () => {
    await server?.close();
    await cities?.stop();
  });

  const get = async (path: string) => {
    const response = await fetch(`${base}${path}`);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };

  it('GET /rooms lists the city’s own rooms, for anyone', async () => {
    const djizak = await get('/t/djizak/api/v1/plugins/oss-centre/rooms');
    expect(djizak.status).to.equal(200);
    const rooms = djizak.body['rooms'] as { code: string; capacity: number; names: { ru: string } }[];
    expect(rooms.map((r) => [r.code, r.capacity, r.names.ru])).to.deep.equal([
      ['conference-hall', 60, 'Конференц-зал'],
      ['training-room', 20, 'Учебный зал'],
    ]);
    const namangan = await get('/t/namangan/api/v1/plugins/oss-centre/rooms');
    expect((namangan.body['rooms'] as { code: string }[]).map((r) => r.code)).to.deep.equal([
      'training-room',
    ]);
  });

  it('shows the confirmed hours of a day as taken and the rest as free (Asia/Tashkent), without who booked them', async () => {
    const { status, body } = await get(
      `/t/djizak/api/v1/plugins/oss-centre/rooms/training-room/availability?date=${date}`,
    );
    expect(status).to.equal(200);
    const availability = body as unknown as RoomAvailability;
    expect(availability).to.include({ date, timeZone: 'Asia/Tashkent' });
    expect(availability.room).to.include({ code: 'training-room', capacity: 20 });
    expect(availability.taken).to.deep.equal([11, 12, 13]);
    expect(availability.free).to.deep.equal([9, 10, 14, 15, 16, 17]);
    expect(availability.hours[0]).to.deep.equal({ hour: 9, from: '09:00', to: '10:00', status: 'free' });
    expect(availability.hours[2]).to.deep.equal({ hour: 11, from: '11:00', to: '12:00', status: 'taken' });
    expect(availability.hours).to.have.length(9);
    expect(JSON.stringify(body)).not.to.contain('DJZ-');
  });

  it('keeps each city’s bookings to itself: the same room code is free in Namangan', async () => {
    const { body } = await get(
      `/t/namangan/api/v1/plugins/oss-centre/rooms/training-room/availability?date=${date}`,
    );
    expect((body as unknown as RoomAvailability).taken).to.deep.equal([]);
  });

  it('answers 400 DARCHA_HTTP_VALIDATION naming the field for an unknown room or a bad date', async () => {
    const unknown = await get(
      `/t/namangan/api/v1/plugins/oss-centre/rooms/conference-hall/availability?date=${date}`,
    );
    expect(unknown.status).to.equal(400);
    expect(unknown.body['code']).to.equal('DARCHA_HTTP_VALIDATION');
    expect((unknown.body['details'] as { fields: unknown }).fields).to.deep.equal([
      { field: 'params/room', message: 'is not a room of this centre (its rooms: training-room)' },
    ]);
    for (const query of [
      '?date=2026-02-30',
      '?date=15.12.2026',
      '?date=',
      '',
      '?date=2026-12-01&date=2026-12-02',
    ]) {
      const bad = await get(`/t/djizak/api/v1/plugins/oss-centre/rooms/training-room/availability${query}`);
      expect(bad.status, query).to.equal(400);
      expect(bad.body['code'], query).to.equal('DARCHA_HTTP_VALIDATION');
      const fields = (bad.body['details'] as { fields: { field: string }[] }).fields;
      expect(
        fields.map((f) => f.field),
        query,
      ).to.deep.equal(['query/date']);
    }
    const both = await get('/t/djizak/api/v1/plugins/oss-centre/rooms/GYM/availability?date=tomorrow');
    expect(
      (both.body['details'] as { fields: { field: string }[] }).fields.map((f) => f.field),
    ).to.deep.equal(['params/room', 'query/date']);
  });

  it('answers 404 for a city where the plugin is not enabled', async () => {
    await cities.host.platform.tenants.create({
      id: 'samarkand',
      kind: 'city',
      parentId: 'uz',
      names: { 'uz-Latn': 'Samarqand', 'uz-Cyrl': 'Самарқанд', ru: 'Самарканд', en: 'Samarkand' },
    });
    const { status } = await get(
      `/t/samarkand/api/v1/plugins/oss-centre/rooms/training-room/availability?date=${date}`,
    );
    expect(status).to.equal(404);
  });

  it('is a plain handler: called with a request built on the real withTenant', async () => {
    const request = (room: string, query: Record<string, unknown>): PluginRouteRequest => ({
      tenantId: 'djizak',
      withTenant: (work) => cities.host.withTenant('djizak', work),
      params: { room },
      query,
      body: undefined,
      logger: cities.host.platform.logger,
    });
    const { body } = await roomAvailabilityRoute.handler(request('conference-hall', { date }));
    expect((body as RoomAvailability).free).to.have.length(9);
    const error = await roomAvailabilityRoute
      .handler(request('training-room', { date: ['2026-12-01'] }))
      .catch((e: unknown) => e);
    expect(isDarchaError(error, 'DARCHA_HTTP_VALIDATION')).to.equal(true);
    expect((error as DarchaError).message)
      .to.contain('tenant "djizak"')
      .and.to.contain('query/date');
  });
});
