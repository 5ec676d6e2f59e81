import { expect } from 'chai';
import request from 'supertest';
import { CITY_A, CITY_B, SERVICE, openApiFixture, type ApiFixture } from '../api-fixture.js';
import { apiKeyClient, fieldsOf, platformClient, staffClient, type AdminClient } from './admin-client.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const WEEK = {
  mon: [
    ['09:00', '13:00'],
    ['14:00', '18:00'],
  ],
  tue: [['09:00', '18:00']],
  wed: [['09:00', '18:00']],
  thu: [['09:00', '18:00']],
  fri: [['09:00', '18:00']],
  sat: [['09:00', '14:00']],
  sun: 'closed',
};

describe(`administration API: catalog, services, calendar and audit log (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;
  let admin: AdminClient;
  let officer: AdminClient;
  let auditor: AdminClient;
  const anonymous = (path: string) => request(fixture.server.app).get(`/t/${CITY_A}/api/v1${path}`);
  const offeredCodes = async (): Promise<string[]> =>
    (await anonymous('/catalog?limit=200')).body.items.map((s: { serviceCode: string }) => s.serviceCode);

  before(async () => {
    fixture = await openApiFixture();
    admin = await staffClient(fixture, CITY_A, 'city.admin');
    officer = await staffClient(fixture, CITY_A, 'back.office');
    auditor = await staffClient(fixture, CITY_A, 'auditor');
  });
  after(() => fixture.close());

  describe('catalog and services', () => {
    it('shows the public catalog to anyone, with search, and one offered service', async () => {
      const catalog = await anonymous('/catalog');
      expect(catalog.status).to.equal(200);
      const offered = catalog.body.items.find((s: { serviceCode: string }) => s.serviceCode === SERVICE.code);
      expect(offered).to.include({ agencyCode: 'gorgas', source: CITY_A });
      const header = await request(fixture.server.app)
        .get('/api/v1/catalog?text=debt')
        .set('X-Darcha-Tenant', CITY_A);
      expect(header.body.items).to.have.length(1);
      expect((await anonymous('/catalog?text=passport')).body.items).to.deep.equal([]);
      const one = await anonymous(`/catalog/services/${SERVICE.code}`);
      expect(one.status).to.equal(200);
      expect(one.body.definition.form.required).to.deep.equal(['account']);
      const missing = await anonymous('/catalog/services/gas.unknown');
      expect(missing.status).to.equal(404);
      expect(missing.body.code).to.equal('DARCHA_CATALOG_NOT_OFFERED');
      const categories = await anonymous('/catalog/categories?limit=200');
      expect(categories.body.items.map((c: { id: string }) => c.id)).to.include('utilities.gas');
      const bad = await anonymous('/catalog?kind=poem&sort=name');
      expect(bad.status).to.equal(400);
      expect(fieldsOf(bad)).to.include.members(['query/kind', 'query/sort']);
    });

    it('lets staff read every installed service definition, not anonymous callers', async () => {
      const list = await officer.get('/services?category=utilities');
      expect(list.status).to.equal(200);
      const codes: string[] = list.body.items.map((d: { code: string }) => d.code);
      expect(codes).to.include(SERVICE.code);
      expect(codes).to.deep.equal([...codes].sort());
      expect((await officer.get('/services?agencyKind=tax')).body.items).to.deep.equal([]);
      const one = await officer.get(`/services/${SERVICE.code}?version=1`);
      expect(one.body).to.include({ code: SERVICE.code, version: 1 });
      expect((await officer.get('/services/gas.unknown')).status).to.equal(404);
      expect((await anonymous('/services')).status).to.equal(401);
    });

    it('withholds, removes and re-offers a service; the country’s entry applies when the city has none', async () => {
      const withheld = await admin.put(`/catalog/entries/${SERVICE.code}`, { offered: false });
      expect(withheld.status).to.equal(200);
      expect(withheld.body).to.deep.equal({
        serviceCode: SERVICE.code,
        offered: false,
        agencyCode: null,
        overrides: {},
      });
      expect(await offeredCodes()).not.to.include(SERVICE.code);
      const entries = await officer.get('/catalog/entries');
      expect(entries.body.items).to.deep.equal([withheld.body]);
      // The country offers it; once the city's own entry is removed, the country's applies.
      const root = await platformClient(fixture, 'uz');
      expect((await root.put(`/catalog/entries/${SERVICE.code}`, { offered: true })).status).to.equal(200);
      expect((await admin.delete(`/catalog/entries/${SERVICE.code}`)).status).to.equal(204);
      expect((await admin.delete(`/catalog/entries/${SERVICE.code}`)).status).to.equal(204);
      const inherited = await anonymous(`/catalog/services/${SERVICE.code}`);
      expect(inherited.body).to.include({
        serviceCode: SERVICE.code,
        source: 'uz',
        agencyCode: null,
      });
      const offered = await admin.put(`/catalog/entries/${SERVICE.code}`, {
        offered: true,
        agencyCode: 'gorgas',
        overrides: { names: { en: 'Gas: no debt' } },
      });
      expect(offered.status).to.equal(200);
      const local = await anonymous(`/catalog/services/${SERVICE.code}`);
      expect(local.body).to.include({ source: CITY_A, agencyCode: 'gorgas' });
      expect(local.body.names.en).to.equal('Gas: no debt');
      const audit = await auditor.get(`/audit?subjectType=service&subjectId=${SERVICE.code}`);
      const latest = audit.body.items.slice(0, 3);
      expect(latest.map((e: { action: string }) => e.action)).to.deep.equal([
        'catalog.offer',
        'catalog.remove',
        'catalog.withhold',
      ]);
      for (const entry of latest) expect(entry.actor).to.equal(fixture.a.staffIds.city_admin);
    });

    it('refuses a wrong agency, an override out of bounds, an unknown service and non-admins', async () => {
      const mismatch = await admin.put(`/catalog/entries/${SERVICE.code}`, {
        offered: true,
        agencyCode: 'gorvodokanal',
      });
      expect(mismatch.status).to.equal(400);
      expect(mismatch.body.code).to.equal('DARCHA_CATALOG_AGENCY_MISMATCH');
      const sla = await admin.put(`/catalog/entries/${SERVICE.code}`, {
        offered: true,
        overrides: { slaValue: 2 },
      });
      expect(sla.status).to.equal(400);
      expect(sla.body.code).to.equal('DARCHA_CATALOG_OVERRIDE_INVALID');
      const unknown = await admin.put('/catalog/entries/gas.unknown', { offered: true });
      expect(unknown.status).to.equal(404);
      const invalid = await admin.put(`/catalog/entries/${SERVICE.code}`, {
        offerd: true,
        overrides: { fee: 1 },
      });
      expect(invalid.status).to.equal(400);
      expect(fieldsOf(invalid)).to.include.members(['body/offered', 'body/offerd', 'body/overrides/fee']);
      expect((await officer.put(`/catalog/entries/${SERVICE.code}`, { offered: false })).status).to.equal(
        403,
      );
      expect(await offeredCodes()).to.include(SERVICE.code);
    });
  });

  describe('calendar', () => {
    it('reads the default calendar, sets the city’s own (audited), and clears it again', async () => {
      const before = await officer.get('/calendar');
      expect(before.status).to.equal(200);
      expect(before.body.sourceTenantId).to.equal(null);
      const definition = {
        timeZone: 'Asia/Tashkent',
        workingWeek: WEEK,
        holidays: [{ date: '2030-03-21', names: { en: 'Navruz' } }],
      };
      const set = await admin.put('/calendar', definition);
      expect(set.status).to.equal(200);
      expect(set.body.sourceTenantId).to.equal(CITY_A);
      const after = await officer.get('/calendar');
      expect(after.body.sourceTenantId).to.equal(CITY_A);
      expect(after.body.definition.workingWeek.sat).to.deep.equal([['09:00', '14:00']]);
      expect(
        (await staffClient(fixture, CITY_B, 'back.office').then((b) => b.get('/calendar'))).body
          .sourceTenantId,
      ).to.equal(null);
      const audit = await auditor.get('/audit?action=calendar.set');
      expect(audit.body.items[0].actor).to.equal(fixture.a.staffIds.city_admin);
      expect((await admin.delete('/calendar')).status).to.equal(204);
      expect((await officer.get('/calendar')).body.sourceTenantId).to.equal(null);
    });

    it('refuses an invalid calendar with every field named, and non-admins', async () => {
      const shape = await admin.put('/calendar', {
        timeZone: 'Asia/Tashkent',
        workingWeek: { ...WEEK, sun: 'open' },
        rest: 1,
      });
      expect(shape.status).to.equal(400);
      expect(fieldsOf(shape)).to.include.members(['body/workingWeek/sun', 'body/rest']);
      const rules = await admin.put('/calendar', {
        timeZone: 'Mars/Olympus',
        workingWeek: { ...WEEK, mon: [['18:00', '09:00']] },
      });
      expect(rules.status).to.equal(400);
      expect(rules.body.code).to.equal('DARCHA_CALENDAR_INVALID');
      const fields = (rules.body.details.errors as { field: string }[]).map((e) => e.field);
      expect(fields).to.include.members(['/timeZone', '/workingWeek/mon/0']);
      const closed = await admin.put('/calendar', {
        timeZone: 'Asia/Tashkent',
        workingWeek: Object.fromEntries(Object.keys(WEEK).map((day) => [day, 'closed'])),
      });
      expect(closed.status).to.equal(400);
      expect(closed.body.code).to.equal('DARCHA_CALENDAR_NO_WORKING_TIME');
      expect(
        (await officer.put('/calendar', { timeZone: 'Asia/Tashkent', workingWeek: WEEK })).status,
      ).to.equal(403);
      expect((await officer.get('/calendar')).body.sourceTenantId).to.equal(null);
    });
  });

  describe('audit log', () => {
    it('pages newest first without repeating an entry, with filters', async () => {
      const seen: { id: string; at: string }[] = [];
      let cursor: string | null = null;
      do {
        const res: request.Response = await auditor.get(`/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        expect(res.status).to.equal(200);
        seen.push(...res.body.items);
        cursor = res.body.nextCursor;
      } while (cursor);
      expect(seen.length).to.be.greaterThan(10);
      expect(new Set(seen.map((e) => e.id)).size).to.equal(seen.length);
      const times = seen.map((e) => e.at);
      expect(times).to.deep.equal([...times].sort().reverse());
      const two = await auditor.get('/audit?action=catalog.offer&action=catalog.withhold');
      expect(new Set(two.body.items.map((e: { action: string }) => e.action))).to.deep.equal(
        new Set(['catalog.offer', 'catalog.withhold']),
      );
      const byActor = await auditor.get(`/audit?actor=${fixture.a.staffIds.city_admin}`);
      expect(byActor.body.items.length).to.be.greaterThan(0);
      for (const entry of byActor.body.items) expect(entry.actor).to.equal(fixture.a.staffIds.city_admin);
      const middle = times[Math.floor(times.length / 2)]!;
      const older = await auditor.get(`/audit?limit=200&to=${encodeURIComponent(middle)}`);
      for (const entry of older.body.items) expect(entry.at < middle).to.equal(true);
      const empty = await auditor.get('/audit?from=2999-01-01T00:00:00Z');
      expect(empty.body).to.deep.equal({ items: [], nextCursor: null });
    });

    it('is the city’s own, for auditors, admins and their API keys, and refuses bad queries', async () => {
      const mine = await auditor.get('/audit?limit=200');
      const theirs = await staffClient(fixture, CITY_B, 'auditor').then((b) => b.get('/audit?limit=200'));
      const ids = new Set(mine.body.items.map((e: { id: string }) => e.id));
      expect(theirs.body.items.some((e: { id: string }) => ids.has(e.id))).to.equal(false);
      // A cursor of city A's log means nothing in city B's.
      const page = await auditor.get('/audit?limit=1');
      const foreign = await staffClient(fixture, CITY_B, 'auditor').then((b) =>
        b.get(`/audit?cursor=${page.body.nextCursor}`),
      );
      expect(foreign.status).to.equal(400);
      expect(foreign.body.code).to.equal('DARCHA_AUDIT_QUERY_INVALID');
      expect((await apiKeyClient(fixture, fixture.a.apiKeys.auditor).get('/audit')).status).to.equal(200);
      expect((await officer.get('/audit')).status).to.equal(403);
      expect((await auditor.get('/audit?cursor=%%%')).status).to.equal(400);
      expect((await auditor.get('/audit?cursor=WyJ4Il0')).body.code).to.equal('DARCHA_AUDIT_QUERY_INVALID');
      const order = await auditor.get('/audit?from=2030-01-02T00:00:00Z&to=2030-01-01T00:00:00Z');
      expect(order.status).to.equal(400);
      expect((await auditor.get('/audit?limit=0')).status).to.equal(400);
    });
  });
});
