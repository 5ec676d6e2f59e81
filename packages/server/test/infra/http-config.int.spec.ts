import { expect } from 'chai';
import request from 'supertest';
import {
  definePlugin,
  isDarchaError,
  loadConfig,
  openPlatform,
  type Migration,
  type Platform,
} from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { createServer } from '../../src/create-server.js';
import { captureLog, requestLine } from './log-capture.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

const migrations: Migration[] = [
  {
    name: '0001_tariffs',
    async up(knex) {
      await knex.schema.createTable('agency_gas_tariffs', (t) => t.text('kind').primary());
    },
  },
];
const gas = definePlugin({
  id: 'agency-gas',
  version: '1.0.0',
  kind: 'agency',
  engines: { darcha: '^1.0.0' },
  migrations,
  routes: [
    {
      method: 'GET',
      path: '/boom',
      roles: ['public'],
      handler: () => {
        throw new Error('the gas billing system is down');
      },
    },
  ],
});

describe(`server HTTP settings and readiness (${engine})`, () => {
  const opened: Platform[] = [];
  async function open(overrides: Record<string, unknown> = {}, options: { log?: boolean } = {}) {
    const log = captureLog('info');
    const config = loadConfig({ env: {}, overrides: { logLevel: 'info', ...overrides } });
    const platform = await openPlatform({
      config,
      logger: log.logger,
      db: await openTestDatabase(),
      plugins: [{ plugin: gas, source: 'inline' }],
    });
    opened.push(platform);
    return { platform, log: options.log === false ? undefined : log };
  }
  afterEach(async () => {
    for (const platform of opened.splice(0)) await platform.close();
  });

  it('never logs the credentials of a request, whatever the server answers', async () => {
    const { platform, log } = await open();
    await platform.tenants.create({
      id: 'chirchik',
      kind: 'country',
      names: { en: 'Chirchik' },
      defaultLocale: 'en',
    });
    await platform.plugins.tenantPlugins.enable('chirchik', 'agency-gas');
    const server = createServer({ platform });
    const secrets = ['auth-secret-1', 'cookie-secret-2', 'key-secret-3', 'query-secret-4'];
    const asked = [
      request(server.app).get('/api/v1/nothing-here?api_key=query-secret-4'),
      request(server.app).get('/open311/v2/services.json?api_key=query-secret-4&jurisdiction_id=chirchik'),
      request(server.app).get('/api/v1/inquiries?api_key=query-secret-4'),
      request(server.app).get('/t/chirchik/api/v1/plugins/agency-gas/boom?api_key=query-secret-4'),
    ];
    const statuses: number[] = [];
    for (const req of asked) {
      const res = await req
        .set('Authorization', 'Bearer auth-secret-1')
        .set('Cookie', 'darcha_session=cookie-secret-2')
        .set('X-Api-Key', 'key-secret-3');
      statuses.push(res.status);
      const line = await log!.waitFor(requestLine(res.headers['x-request-id']));
      expect((line['req'] as { url: string }).url).to.include('api_key=[redacted]');
    }
    expect(statuses).to.include(500); // the failure is logged in full, but not the credentials
    expect(log!.text()).to.include('the gas billing system is down');
    for (const secret of secrets) expect(log!.text()).to.not.include(secret);
  });

  it('reports the migrations of core and of every active plugin in /readyz', async () => {
    const { platform } = await open();
    const server = createServer({ platform });
    const ready = await request(server.app).get('/readyz');
    expect(ready.status).to.equal(200);
    expect(ready.body.migrations.plugins).to.deep.equal({ 'agency-gas': { applied: 1, pending: [] } });
    expect(ready.body.plugins).to.have.length(1);
    // A newer plugin build with a migration this database has not seen: not ready until migrated.
    migrations.push({ name: '0002_zones', up: async () => undefined });
    try {
      const behind = await request(server.app).get('/readyz');
      expect(behind.status).to.equal(503);
      expect(behind.body.status).to.equal('not_ready');
      expect(behind.body.migrations.plugins['agency-gas'].pending).to.deep.equal(['0002_zones']);
    } finally {
      migrations.pop();
    }
  });

  it('refuses a JSON body over http.jsonLimit with a 413 problem', async () => {
    const { platform } = await open({ 'http.jsonLimit': '1kb' });
    const server = createServer({ platform });
    const big = await request(server.app)
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(2000) }));
    expect(big.status).to.equal(413);
    expect(big.type).to.equal('application/problem+json');
    expect(big.body.code).to.equal('DARCHA_HTTP_BODY_INVALID');
    const small = await request(server.app)
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(500) }));
    expect(small.status).to.equal(404);
  });

  it('sets security headers on every answer, and HSTS only with http.hsts', async () => {
    const { platform } = await open();
    const plain = await request(createServer({ platform }).app).get('/api/v1/nothing');
    expect(plain.headers['content-security-policy']).to.include("frame-ancestors 'none'");
    expect(plain.headers).to.include({
      'referrer-policy': 'same-origin',
      'x-content-type-options': 'nosniff',
    });
    expect(plain.headers).to.not.have.property('strict-transport-security');
    expect(plain.headers).to.not.have.property('x-powered-by');
    const { platform: tls } = await open({ 'http.hsts': true });
    const secure = await request(createServer({ platform: tls }).app).get('/healthz');
    expect(secure.headers['strict-transport-security']).to.equal('max-age=31536000; includeSubDomains');
  });

  it('takes the client address from X-Forwarded-For only from a trusted proxy', async () => {
    const direct = await open();
    const res = await request(createServer({ platform: direct.platform }).app)
      .get('/api/v1/nothing')
      .set('X-Forwarded-For', '203.0.113.9');
    const line = await direct.log!.waitFor(requestLine(res.headers['x-request-id']));
    expect((line['req'] as { remoteAddress: string }).remoteAddress).to.not.equal('203.0.113.9');

    const proxied = await open({ 'http.trustProxy': 'loopback' });
    const via = await request(createServer({ platform: proxied.platform }).app)
      .get('/api/v1/nothing')
      .set('X-Forwarded-For', '203.0.113.9');
    const viaLine = await proxied.log!.waitFor(requestLine(via.headers['x-request-id']));
    expect((viaLine['req'] as { remoteAddress: string }).remoteAddress).to.equal('203.0.113.9');
  });

  it('refuses a trusted proxy that is not an address, with a coded error', async () => {
    const { platform } = await open({ 'http.trustProxy': '10.0.0.0/99' });
    try {
      createServer({ platform });
      expect.fail('createServer should throw');
    } catch (error) {
      expect(isDarchaError(error) && error.code).to.equal('DARCHA_HTTP_TRUST_PROXY_INVALID');
    }
  });
});
