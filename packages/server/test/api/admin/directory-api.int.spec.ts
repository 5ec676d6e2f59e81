import { expect } from 'chai';
import request from 'supertest';
import { CITY_A, CITY_B, PASSWORD, openApiFixture, signIn, type ApiFixture } from '../api-fixture.js';
import {
  apiKeyClient,
  fieldsOf,
  keysOf,
  platformClient,
  staffClient,
  type AdminClient,
} from './admin-client.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`administration API: agencies, desks, staff and API keys (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;
  let admin: AdminClient;
  let adminB: AdminClient;
  let supervisor: AdminClient;
  let officer: AdminClient;

  before(async () => {
    fixture = await openApiFixture();
    admin = await staffClient(fixture, CITY_A, 'city.admin');
    adminB = await staffClient(fixture, CITY_B, 'city.admin');
    supervisor = await staffClient(fixture, CITY_A, 'supervisor');
    officer = await staffClient(fixture, CITY_A, 'back.office');
  });
  after(() => fixture.close());

  describe('agencies and desks', () => {
    it('creates an agency (201 + Location), lets any staff read it, and refuses a duplicate code (409)', async () => {
      const created = await admin.post('/agencies', {
        code: 'soliq',
        kind: 'tax',
        names: { 'uz-Latn': 'Soliq inspeksiyasi', ru: 'Налоговая инспекция' },
        contacts: { phone: '+998 70 123-45-67' },
        workingHours: { mon: ['09:00', '18:00'] },
      });
      expect(created.status).to.equal(201);
      expect(created.headers['location']).to.equal('/api/v1/agencies/soliq');
      expect(created.body).to.include({ code: 'soliq', kind: 'tax', active: true });
      const read = await officer.get('/agencies/soliq');
      expect(read.status).to.equal(200);
      expect(read.body.workingHours).to.deep.equal({ mon: ['09:00', '18:00'] });
      const list = await officer.get('/agencies?kind=tax');
      expect(list.body.items.map((a: { code: string }) => a.code)).to.deep.equal(['soliq']);
      const duplicate = await admin.post('/agencies', { code: 'soliq', kind: 'tax', names: { en: 'Tax' } });
      expect(duplicate.status).to.equal(409);
      expect(duplicate.body.code).to.equal('DARCHA_AGENCY_EXISTS');
      expect(
        (await officer.post('/agencies', { code: 'x', kind: 'tax', names: { en: 'X' } })).status,
      ).to.equal(403);
    });

    it('patches an agency partially; its kind cannot change while the catalog routes a service through it', async () => {
      const patched = await admin.patch('/agencies/soliq', {
        names: { en: 'Tax inspection' },
        active: false,
      });
      expect(patched.status).to.equal(200);
      expect(patched.body).to.include({ kind: 'tax', active: false });
      expect(patched.body.contacts).to.deep.equal({ phone: '+998 70 123-45-67' });
      const inUse = await admin.patch('/agencies/gorgas', { kind: 'water' });
      expect(inUse.status).to.equal(409);
      expect(inUse.body.code).to.equal('DARCHA_AGENCY_IN_USE');
      const invalid = await admin.patch('/agencies/soliq', {
        code: 'other',
        workingHours: { mon: ['9', '18:00'] },
      });
      expect(invalid.status).to.equal(400);
      expect(fieldsOf(invalid)).to.include.members(['body/code', 'body/workingHours/mon/0']);
      const hours = await admin.patch('/agencies/soliq', { workingHours: { tue: ['18:00', '09:00'] } });
      expect(hours.status).to.equal(400);
      expect(hours.body.code).to.equal('DARCHA_AGENCY_INVALID');
      expect((await admin.patch('/agencies/nowhere', { active: false })).status).to.equal(404);
      expect((await officer.get('/agencies/nowhere')).status).to.equal(404);
    });

    it('keeps each city’s agencies to itself', async () => {
      expect((await adminB.get('/agencies/soliq')).status).to.equal(404);
      expect((await adminB.patch('/agencies/soliq', { active: true })).status).to.equal(404);
      const listB = await adminB.get('/agencies');
      expect(listB.body.items.map((a: { code: string }) => a.code))
        .to.include('gorgas')
        .and.not.include('soliq');
    });

    it('creates, reads and patches desks; an unknown agency is 404 and a duplicate 409', async () => {
      const created = await admin.post('/desks', {
        code: '7',
        names: { en: 'Window 7' },
        agencyCode: 'gorgas',
      });
      expect(created.status).to.equal(201);
      expect(created.headers['location']).to.equal('/api/v1/desks/7');
      expect(created.body).to.deep.equal({
        code: '7',
        names: { en: 'Window 7' },
        agencyCode: 'gorgas',
        active: true,
      });
      expect((await admin.post('/desks', { code: '7', names: { en: 'Again' } })).status).to.equal(409);
      const unknown = await admin.post('/desks', { code: '8', names: { en: 'W8' }, agencyCode: 'nowhere' });
      expect(unknown.status).to.equal(404);
      expect(unknown.body.code).to.equal('DARCHA_AGENCY_NOT_FOUND');
      const patched = await admin.patch('/desks/7', { agencyCode: null });
      expect(patched.body).to.include({ agencyCode: null, active: true });
      expect((await officer.get('/desks/7')).body.names).to.deep.equal({ en: 'Window 7' });
      expect((await officer.get('/desks?agencyCode=gorgas')).body.items).to.deep.equal([]);
      expect((await admin.patch('/desks/99', { active: false })).status).to.equal(404);
      expect((await adminB.get('/desks/7')).status).to.equal(404);
    });
  });

  describe('staff', () => {
    let memberId: string;

    it('lists staff by name with filters, a page at a time, for supervisors and admins only', async () => {
      const all = await supervisor.get('/staff?limit=3');
      expect(all.status).to.equal(200);
      expect(all.body.items).to.have.length(3);
      const names: string[] = all.body.items.map((s: { displayName: string }) => s.displayName);
      expect(names).to.deep.equal([...names].sort());
      let cursor: string | null = all.body.nextCursor;
      const seen = [...names];
      while (cursor) {
        const page = await supervisor.get(`/staff?limit=3&cursor=${cursor}`);
        seen.push(...page.body.items.map((s: { displayName: string }) => s.displayName));
        cursor = page.body.nextCursor;
      }
      const total = (await fixture.platform.staff.list(CITY_A)).length;
      expect(seen).to.have.length(total);
      expect(new Set(seen).size).to.equal(total);
      const water = await supervisor.get('/staff?agencyCode=gorvodokanal&role=back_office');
      expect(water.body.items.map((s: { displayName: string }) => s.displayName)).to.deep.equal([
        'back_office of chirchik',
        'water officer of chirchik',
      ]);
      expect((await officer.get('/staff')).status).to.equal(403);
      expect((await supervisor.get('/staff?limit=500')).status).to.equal(400);
      expect(keysOf(all.body).filter((k) => /password|hash|login/i.test(k))).to.deep.equal([]);
    });

    it('creates, patches and deactivates a member, audited with the admin as actor', async () => {
      const created = await admin.post('/staff', {
        displayName: 'Dilnoza Karimova',
        roles: ['back_office'],
        agencyCodes: ['gorgas'],
        deskCodes: ['7'],
      });
      expect(created.status).to.equal(201);
      expect(created.body.deskCodes).to.deep.equal(['7']);
      memberId = created.body.id;
      expect(created.headers['location']).to.equal(`/api/v1/staff/${memberId}`);
      const patched = await admin.patch(`/staff/${memberId}`, { roles: ['back_office', 'supervisor'] });
      expect(patched.body.roles).to.deep.equal(['back_office', 'supervisor']);
      expect(patched.body.agencyCodes).to.deep.equal(['gorgas']);
      const deactivated = await admin.post(`/staff/${memberId}/deactivation`);
      expect(deactivated.status).to.equal(200);
      expect(deactivated.body.active).to.equal(false);
      expect((await supervisor.get(`/staff/${memberId}`)).body.active).to.equal(false);
      const audit = await admin.get(`/audit?subjectType=staff&subjectId=${memberId}`);
      expect(audit.body.items.map((e: { action: string }) => e.action)).to.deep.equal([
        'staff.deactivate',
        'staff.update',
        'staff.create',
      ]);
      for (const entry of audit.body.items) expect(entry.actor).to.equal(fixture.a.staffIds.city_admin);
      await admin.patch(`/staff/${memberId}`, { active: true });
    });

    it('refuses invalid staff (400 with the fields), unknown ids (404) and other cities’ staff (404)', async () => {
      const invalid = await admin.post('/staff', { displayName: ' ', roles: ['janitor'], pinfl: '1' });
      expect(invalid.status).to.equal(400);
      expect(fieldsOf(invalid)).to.include.members(['body/displayName', 'body/roles/0', 'body/pinfl']);
      const agency = await admin.post('/staff', {
        displayName: 'X',
        roles: ['back_office'],
        agencyCodes: ['soliq-x'],
      });
      expect(agency.status).to.equal(400);
      expect(agency.body.code).to.equal('DARCHA_STAFF_AGENCY_UNKNOWN');
      const unknown = '00000000-0000-4000-8000-000000000001';
      expect((await admin.get(`/staff/${unknown}`)).status).to.equal(404);
      expect((await admin.patch(`/staff/${unknown}`, { active: false })).status).to.equal(404);
      expect((await adminB.get(`/staff/${memberId}`)).status).to.equal(404);
      expect((await adminB.patch(`/staff/${memberId}`, { displayName: 'Stolen' })).status).to.equal(404);
      expect((await supervisor.get(`/staff/${memberId}`)).body.displayName).to.equal('Dilnoza Karimova');
      expect((await supervisor.post('/staff', { displayName: 'X', roles: ['back_office'] })).status).to.equal(
        403,
      );
    });

    it('sets a login and password that then sign in; the password is never in an answer', async () => {
      const set = await admin.put(`/staff/${memberId}/credentials`, {
        login: 'D.Karimova',
        password: 'a long enough secret',
      });
      expect(set.status).to.equal(204);
      expect(set.text).to.equal('');
      const { agent } = await signIn(fixture.server, CITY_A, 'd.karimova', 'a long enough secret');
      expect((await agent.get('/api/v1/auth/session')).body.user.id).to.equal(memberId);
      const taken = await admin.put(`/staff/${memberId}/credentials`, {
        login: 'supervisor',
        password: 'a long enough secret',
      });
      expect(taken.status).to.equal(409);
      expect(taken.body.code).to.equal('DARCHA_IDENTITY_LOGIN_TAKEN');
      const weak = await admin.put(`/staff/${memberId}/credentials`, {
        login: 'd.karimova',
        password: 'short1',
      });
      expect(weak.status).to.equal(400);
      expect(JSON.stringify(weak.body)).not.to.include('short1');
      const audit = await admin.get('/audit?action=staff.credentials.set');
      expect(JSON.stringify(audit.body)).not.to.include('a long enough secret');
      expect(
        (await adminB.put(`/staff/${memberId}/credentials`, { login: 'x.y', password: PASSWORD })).status,
      ).to.equal(404);
    });

    it('records, lists and ends absences with a delegate', async () => {
      const delegate = fixture.a.staffIds.back_office;
      const added = await supervisor.post(`/staff/${memberId}/absences`, {
        startsAt: '2030-07-06T09:00:00+05:00',
        endsAt: '2030-07-20T09:00:00+05:00',
        delegateId: delegate,
        reason: 'annual leave',
      });
      expect(added.status).to.equal(201);
      expect(added.headers['location']).to.equal(`/api/v1/staff/${memberId}/absences/${added.body.id}`);
      expect(added.body).to.include({ staffId: memberId, delegateId: delegate, reason: 'annual leave' });
      const overlap = await supervisor.post(`/staff/${memberId}/absences`, {
        startsAt: '2030-07-10T09:00:00+05:00',
        endsAt: '2030-07-12T09:00:00+05:00',
      });
      expect(overlap.status).to.equal(409);
      expect(overlap.body.code).to.equal('DARCHA_STAFF_ABSENCE_OVERLAP');
      const backwards = await supervisor.post(`/staff/${memberId}/absences`, {
        startsAt: '2030-08-10T09:00:00+05:00',
        endsAt: '2030-08-01T09:00:00+05:00',
      });
      expect(backwards.status).to.equal(400);
      const listed = await officer.get(`/staff/${memberId}/absences`);
      expect(listed.status).to.equal(403);
      const list = await supervisor.get(`/staff/${memberId}/absences`);
      expect(list.body.items.map((a: { id: string }) => a.id)).to.deep.equal([added.body.id]);
      // Another officer's path does not reach this absence.
      const wrongPath = await supervisor.post(`/staff/${delegate}/absences/${added.body.id}/end`, {});
      expect(wrongPath.status).to.equal(404);
      expect(wrongPath.body.code).to.equal('DARCHA_STAFF_ABSENCE_NOT_FOUND');
      expect((await adminB.post(`/staff/${memberId}/absences/${added.body.id}/end`, {})).status).to.equal(
        404,
      );
      const ended = await supervisor.post(`/staff/${memberId}/absences/${added.body.id}/end`, {});
      expect(ended.status).to.equal(200);
      expect(ended.body).to.deep.equal({ absence: null, cancelled: true });
      expect((await supervisor.get(`/staff/${memberId}/absences`)).body.items).to.deep.equal([]);
    });
  });

  describe('API keys', () => {
    it('creates a key shown once (201), lists keys without secrets, and revokes (204) so it stops working', async () => {
      const created = await admin.post('/api-keys', {
        name: 'Tax bridge',
        role: 'back_office',
        agencyCodes: ['gorgas'],
      });
      expect(created.status).to.equal(201);
      expect(created.body.key).to.match(/^dk_/);
      expect(created.headers['location']).to.equal(`/api/v1/api-keys/${created.body.apiKey.id}`);
      expect(created.headers['cache-control']).to.equal('no-store');
      const key: string = created.body.key;
      expect((await apiKeyClient(fixture, key).get('/inquiries')).status).to.equal(200);
      const list = await admin.get('/api-keys?limit=200');
      expect(list.status).to.equal(200);
      expect(list.body.items[0]).to.include({
        id: created.body.apiKey.id,
        name: 'Tax bridge',
        revokedAt: null,
      });
      expect(JSON.stringify(list.body)).not.to.include(key);
      expect(keysOf(list.body).filter((k) => /hash|secret|^key$/i.test(k))).to.deep.equal([]);
      expect((await adminB.delete(`/api-keys/${created.body.apiKey.id}`)).status).to.equal(404);
      expect((await admin.delete(`/api-keys/${created.body.apiKey.id}`)).status).to.equal(204);
      expect((await admin.delete(`/api-keys/${created.body.apiKey.id}`)).status).to.equal(204);
      expect((await apiKeyClient(fixture, key).get('/inquiries')).status).to.equal(401);
      const live = await admin.get('/api-keys?revoked=false');
      expect(live.body.items.map((k: { id: string }) => k.id)).not.to.include(created.body.apiKey.id);
      const audit = await admin.get(`/audit?subjectId=${created.body.apiKey.id}`);
      for (const entry of audit.body.items) expect(entry.actor).to.equal(fixture.a.staffIds.city_admin);
      expect(audit.body.items.map((e: { action: string }) => e.action)).to.include('api_key.revoke');
    });

    it('refuses an unknown role or agency, an unknown key, and anyone but a city admin', async () => {
      const invalid = await admin.post('/api-keys', { name: '', role: 'root', secret: 'x' });
      expect(invalid.status).to.equal(400);
      expect(fieldsOf(invalid)).to.include.members(['body/name', 'body/role', 'body/secret']);
      const agency = await admin.post('/api-keys', {
        name: 'x',
        role: 'back_office',
        agencyCodes: ['nowhere'],
      });
      expect(agency.status).to.equal(400);
      expect((await admin.delete('/api-keys/00000000-0000-4000-8000-000000000001')).status).to.equal(404);
      expect((await supervisor.get('/api-keys')).status).to.equal(403);
      expect((await apiKeyClient(fixture, fixture.a.apiKeys.city_admin).get('/api-keys')).status).to.equal(
        403,
      );
    });
  });

  describe('platform administrators', () => {
    it('onboard a city through /t/<city>', async () => {
      const root = await platformClient(fixture, CITY_A);
      const agency = await root.post('/agencies', {
        code: 'kadastr',
        kind: 'cadastre',
        names: { en: 'Cadastre' },
      });
      expect(agency.status).to.equal(201);
      const member = await root.post('/staff', { displayName: 'Onboarded Admin', roles: ['city_admin'] });
      expect(member.status).to.equal(201);
      const rootId = (await fixture.platform.identity.listPlatformUsers())[0]!.id;
      const audit = await root.get(`/audit?subjectId=${member.body.id}`);
      expect(audit.body.items[0]).to.include({ action: 'staff.create', actor: `platform:${rootId}` });
      // An anonymous caller gets nowhere.
      expect((await request(fixture.server.app).get(`/t/${CITY_A}/api/v1/staff`)).status).to.equal(401);
    });
  });
});
