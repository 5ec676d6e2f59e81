import { expect } from 'chai';
import { CITY_A, openApiFixture, type ApiFixture } from '../api-fixture.js';
import { fieldsOf, keysOf, platformClient, staffClient, type AdminClient } from './admin-client.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`administration API: tenants and platform users (${engine})`, function () {
  this.timeout(120_000);
  let fixture: ApiFixture;
  let root: AdminClient;
  let rootId: string;

  before(async () => {
    fixture = await openApiFixture();
    root = await platformClient(fixture);
    rootId = (await fixture.platform.identity.listPlatformUsers())[0]!.id;
  });
  after(() => fixture.close());

  it('lists tenants by id, a page at a time, with filters', async () => {
    const first = await root.get('/tenants?limit=2');
    expect(first.status).to.equal(200);
    expect(first.body.items.map((t: { id: string }) => t.id)).to.deep.equal(['chirchik', 'djizak']);
    expect(first.body.nextCursor).to.be.a('string');
    const second = await root.get(`/tenants?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((t: { id: string }) => t.id)).to.deep.equal(['uz']);
    expect(second.body.nextCursor).to.equal(null);
    const cities = await root.get('/tenants?kind=city');
    expect(cities.body.items.map((t: { id: string }) => t.id)).to.deep.equal(['chirchik', 'djizak']);
    const bad = await root.get('/tenants?cursor=bm90LWEtY3Vyc29y');
    expect(bad.status).to.equal(400);
    expect(bad.body.code).to.equal('DARCHA_HTTP_CURSOR_INVALID');
  });

  it('creates a region and a city under it (201 + Location), audited as the platform user', async () => {
    const region = await root.post('/tenants', {
      id: 'uz.fergana-region',
      kind: 'region',
      parentId: 'uz',
      names: { 'uz-Latn': "Farg'ona viloyati", en: 'Fergana Region' },
    });
    expect(region.status).to.equal(201);
    expect(region.headers['location']).to.equal('/api/v1/tenants/uz.fergana-region');
    expect(region.body).to.include({ id: 'uz.fergana-region', status: 'active', timeZone: 'Asia/Tashkent' });
    const city = await root.post('/tenants', {
      id: 'namangan',
      kind: 'city',
      parentId: 'uz.fergana-region',
      names: { 'uz-Latn': 'Namangan' },
      settings: { inquiries: { trackingPrefix: 'NMG' } },
    });
    expect(city.status).to.equal(201);
    const read = await root.get('/tenants/namangan');
    expect(read.status).to.equal(200);
    expect(read.body.parentId).to.equal('uz.fergana-region');
    const audit = await (await platformClient(fixture, 'namangan')).get('/audit?action=tenant.create');
    expect(audit.status).to.equal(200);
    expect(audit.body.items[0]).to.include({ action: 'tenant.create', actor: `platform:${rootId}` });
  });

  it('refuses a duplicate (409), an invalid body (400 listing each field) and an unknown tenant (404)', async () => {
    const duplicate = await root.post('/tenants', {
      id: CITY_A,
      kind: 'city',
      parentId: 'uz',
      names: { 'uz-Latn': 'x' },
    });
    expect(duplicate.status).to.equal(409);
    expect(duplicate.body.code).to.equal('DARCHA_TENANT_EXISTS');
    const invalid = await root.post('/tenants', { id: 'Bad Id', kind: 'town', colour: 'red' });
    expect(invalid.status).to.equal(400);
    expect(invalid.body.code).to.equal('DARCHA_HTTP_VALIDATION');
    expect(fieldsOf(invalid)).to.include.members(['body/id', 'body/kind', 'body/names', 'body/colour']);
    const parent = await root.post('/tenants', {
      id: 'kokand',
      kind: 'city',
      parentId: 'nowhere',
      names: { 'uz-Latn': 'Qo‘qon' },
    });
    expect(parent.status).to.equal(400);
    expect(parent.body.code).to.equal('DARCHA_TENANT_PARENT_INVALID');
    expect((await root.get('/tenants/nowhere')).status).to.equal(404);
    expect((await root.patch('/tenants/nowhere', { names: { en: 'x' } })).status).to.equal(404);
  });

  it('changes names and status; a reason is required to suspend; archiving a parent with live children is a conflict', async () => {
    const renamed = await root.patch('/tenants/namangan', {
      names: { 'uz-Latn': 'Namangan', ru: 'Наманган' },
    });
    expect(renamed.status).to.equal(200);
    expect(renamed.body.names).to.deep.equal({ 'uz-Latn': 'Namangan', ru: 'Наманган' });
    const noReason = await root.patch('/tenants/namangan', { status: 'suspended' });
    expect(noReason.status).to.equal(400);
    expect(fieldsOf(noReason)).to.include('body/reason');
    const empty = await root.patch('/tenants/namangan', {});
    expect(empty.status).to.equal(400);
    const suspended = await root.patch('/tenants/namangan', {
      status: 'suspended',
      reason: 'unpaid invoice',
    });
    expect(suspended.status).to.equal(200);
    expect(suspended.body).to.include({ status: 'suspended', statusReason: 'unpaid invoice' });
    const refused = await (await platformClient(fixture, 'namangan')).get('/agencies');
    expect(refused.body.code).to.equal('DARCHA_TENANT_SUSPENDED');
    const resumed = await root.patch('/tenants/namangan', { status: 'active' });
    expect(resumed.body).to.include({ status: 'active', statusReason: null });
    const archive = await root.patch('/tenants/uz.fergana-region', { status: 'archived', reason: 'merged' });
    expect(archive.status).to.equal(409);
    expect(archive.body.code).to.equal('DARCHA_TENANT_HAS_CHILDREN');
    expect((await root.get('/tenants/uz.fergana-region')).body.status).to.equal('active');
  });

  it('reads and patches settings: own and effective, null inherits again', async () => {
    const region = await root.patch('/tenants/uz.fergana-region/settings', {
      settings: { branding: { color: '#0a7', logo: 'fergana.svg' } },
    });
    expect(region.status).to.equal(200);
    expect(region.body.own).to.deep.equal({ branding: { color: '#0a7', logo: 'fergana.svg' } });
    const city = await root.patch('/tenants/namangan/settings', {
      settings: { branding: { color: '#c00' } },
    });
    expect(city.body.effective.branding).to.deep.equal({ color: '#c00', logo: 'fergana.svg' });
    expect(city.body.own.branding).to.deep.equal({ color: '#c00' });
    const back = await root.patch('/tenants/namangan/settings', { settings: { branding: null } });
    expect(back.body.effective.branding).to.deep.equal({ color: '#0a7', logo: 'fergana.svg' });
    const read = await root.get('/tenants/namangan/settings');
    expect(read.body.own).to.deep.equal({ inquiries: { trackingPrefix: 'NMG' } });
    const bare = await root.patch('/tenants/namangan/settings', { branding: {} });
    expect(bare.status).to.equal(400);
    expect(fieldsOf(bare)).to.include.members(['body/settings', 'body/branding']);
  });

  it('adds, lists and removes host names; another tenant’s host name is a conflict', async () => {
    const added = await root.post('/tenants/namangan/domains', { host: 'oss.namangan.uz' });
    expect(added.status).to.equal(201);
    expect(added.headers['location']).to.equal('/api/v1/tenants/namangan/domains/oss.namangan.uz');
    expect((await root.get('/tenants/namangan/domains')).body.items).to.deep.equal([
      { host: 'oss.namangan.uz' },
    ]);
    const taken = await root.post(`/tenants/${CITY_A}/domains`, { host: 'oss.namangan.uz' });
    expect(taken.status).to.equal(409);
    expect(taken.body.code).to.equal('DARCHA_TENANT_DOMAIN_TAKEN');
    const invalid = await root.post('/tenants/namangan/domains', { host: 'https://x.uz/' });
    expect(invalid.status).to.equal(400);
    // Removing it through another tenant leaves it alone.
    expect((await root.delete(`/tenants/${CITY_A}/domains/oss.namangan.uz`)).status).to.equal(204);
    expect(await fixture.platform.tenants.findByDomain('oss.namangan.uz')).to.equal('namangan');
    expect((await root.delete('/tenants/namangan/domains/oss.namangan.uz')).status).to.equal(204);
    expect((await root.get('/tenants/namangan/domains')).body.items).to.deep.equal([]);
  });

  it('is for platform administrators only', async () => {
    const admin = await staffClient(fixture, CITY_A, 'city.admin');
    expect((await admin.get('/tenants')).status).to.equal(403);
    expect((await admin.post('/tenants', { id: 'x', kind: 'city', names: { en: 'x' } })).status).to.equal(
      403,
    );
    expect((await admin.get('/platform-users')).status).to.equal(403);
  });

  it('lists and creates platform users without ever showing a password', async () => {
    const created = await root.post('/platform-users', {
      login: 'Ops@Darcha.Example',
      displayName: 'Operations',
      password: 'another long passphrase',
    });
    expect(created.status).to.equal(201);
    expect(created.headers['location']).to.equal(`/api/v1/platform-users/${created.body.id}`);
    expect(created.body).to.include({ login: 'ops@darcha.example', displayName: 'Operations', active: true });
    const list = await root.get('/platform-users');
    expect(list.body.items.map((u: { login: string }) => u.login)).to.deep.equal([
      'ops@darcha.example',
      'root@darcha.example',
    ]);
    for (const body of [created.body, list.body]) {
      expect(keysOf(body).filter((k) => /password|hash|secret/i.test(k))).to.deep.equal([]);
    }
    expect(JSON.stringify(created.body)).not.to.include('another long passphrase');
    const taken = await root.post('/platform-users', {
      login: 'ops@darcha.example',
      displayName: 'x',
      password: 'yet another passphrase',
    });
    expect(taken.status).to.equal(409);
    expect(taken.body.code).to.equal('DARCHA_IDENTITY_LOGIN_TAKEN');
    const weak = await root.post('/platform-users', {
      login: 'weak',
      displayName: 'Weak',
      password: 'short',
    });
    expect(weak.status).to.equal(400);
    expect(JSON.stringify(weak.body)).not.to.include('short"');
    const unknown = await root.post('/platform-users', {
      login: 'x.y',
      displayName: 'X',
      password: 'a long enough one',
      admin: true,
    });
    expect(fieldsOf(unknown)).to.deep.equal(['body/admin']);
  });
});
