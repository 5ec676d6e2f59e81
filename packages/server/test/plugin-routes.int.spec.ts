import { expect } from 'chai';
import request from 'supertest';
import { definePlugin, loadConfig, openPlatform, type Platform } from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { createServer, type DarchaServer } from '../src/create-server.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const gas = definePlugin({
  id: 'agency-gas',
  version: '1.0.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  routes: [
    {
      method: 'GET',
      path: '/tariffs/:kind',
      roles: ['public'],
      handler: async (req) => ({ body: { tenant: req.tenantId, kind: req.params['kind'], perM3: 1200 } }),
    },
    {
      method: 'POST',
      path: '/tariffs',
      roles: ['back_office'],
      handler: async () => ({ status: 201, body: { created: true } }),
    },
  ],
});

describe(`plugin routes behind tenant resolution (${engine})`, () => {
  let platform: Platform;
  let server: DarchaServer;

  before(async () => {
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    platform = await openPlatform({
      config,
      db: await openTestDatabase(),
      plugins: [{ plugin: gas, source: 'inline' }],
    });
    await platform.tenants.create({
      id: 'uz',
      kind: 'country',
      names: { en: 'Uzbekistan' },
      defaultLocale: 'en',
    });
    for (const city of ['chirchik', 'djizak', 'angren']) {
      await platform.tenants.create({
        id: city,
        kind: 'city',
        parentId: 'uz',
        names: { en: city },
        defaultLocale: 'en',
      });
    }
    await platform.plugins.tenantPlugins.enable('chirchik', 'agency-gas');
    await platform.plugins.tenantPlugins.enable('angren', 'agency-gas');
    await platform.tenants.suspend('angren', 'audit');
    await platform.tenants.addDomain('chirchik', 'oss.chirchik.uz');
    server = createServer({ platform });
  });
  after(() => platform.close());

  it('serves a public plugin route for a tenant that enabled the plugin', async () => {
    const res = await request(server.app).get('/t/chirchik/api/v1/plugins/agency-gas/tariffs/household?x=1');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ tenant: 'chirchik', kind: 'household', perM3: 1200 });
  });

  it('finds the tenant by a registered host name too', async () => {
    const res = await request(server.app)
      .get('/api/v1/plugins/agency-gas/tariffs/household')
      .set('host', 'oss.chirchik.uz');
    expect(res.status).to.equal(200);
    expect(res.body.tenant).to.equal('chirchik');
  });

  it('answers 404 for a tenant where the plugin is not enabled, like any unknown route', async () => {
    const res = await request(server.app).get('/t/djizak/api/v1/plugins/agency-gas/tariffs/household');
    expect(res.status).to.equal(404);
    expect(res.body.code).to.equal('DARCHA_HTTP_NOT_FOUND');
  });

  it('answers 404 without any tenant', async () => {
    const res = await request(server.app).get('/api/v1/plugins/agency-gas/tariffs/household');
    expect(res.status).to.equal(404);
  });

  it('refuses a suspended tenant with DARCHA_TENANT_SUSPENDED', async () => {
    const res = await request(server.app).get('/t/angren/api/v1/plugins/agency-gas/tariffs/household');
    expect(res.status).to.equal(403);
    expect(res.body.code).to.equal('DARCHA_TENANT_SUSPENDED');
  });

  it('refuses a malformed tenant in the path with 400', async () => {
    const res = await request(server.app).get('/t/Chir%20chik/api/v1/plugins/agency-gas/tariffs/household');
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('DARCHA_TENANT_INVALID');
  });

  it('answers a path with a broken percent-escape with 400, not 500', async () => {
    const res = await request(server.app).get('/t/chirchik/api/v1/plugins/agency-gas/tariffs/%ZZ');
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('DARCHA_HTTP_REQUEST_INVALID');
  });

  it('needs a signed-in caller for routes that are not public', async () => {
    const res = await request(server.app)
      .post('/t/chirchik/api/v1/plugins/agency-gas/tariffs')
      .send({ rate: 1 });
    expect(res.status).to.equal(401);
    expect(res.body.code).to.equal('DARCHA_AUTH_REQUIRED');
  });

  it('lists the plugin in the readiness report', async () => {
    const res = await request(server.app).get('/readyz');
    expect(res.body.plugins).to.deep.equal([
      {
        id: 'agency-gas',
        version: '1.0.0',
        kind: 'agency',
        status: 'active',
        source: 'inline',
        startupMs: res.body.plugins[0].startupMs,
      },
    ]);
  });
});
