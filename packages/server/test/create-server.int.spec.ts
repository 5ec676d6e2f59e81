import { expect } from 'chai';
import request from 'supertest';
import { loadConfig, openPlatform, type Platform } from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { createServer, type DarchaServer } from '../src/create-server.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

describe(`server health and errors (${engine})`, () => {
  let platform: Platform;
  let server: DarchaServer;

  beforeEach(async () => {
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    platform = await openPlatform({ config, db: await openTestDatabase() });
    server = createServer({ platform });
  });
  afterEach(() => platform.close());

  it('answers /healthz without touching the database', async () => {
    await platform.close();
    const res = await request(server.app).get('/healthz');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'ok' });
  });

  it('reports readiness with the database kind and migration state', async () => {
    const res = await request(server.app).get('/readyz');
    expect(res.status).to.equal(200);
    expect(res.body.status).to.equal('ready');
    expect(res.body.database).to.include({ kind: platform.db.kind, ok: true });
    expect(res.body.migrations.core.pending).to.deep.equal([]);
    expect(res.body.migrations.core.applied).to.be.greaterThan(0);
  });

  it('is not ready (503) when the database is gone', async () => {
    await platform.close();
    const res = await request(server.app).get('/readyz');
    expect(res.status).to.equal(503);
    expect(res.body.status).to.equal('not_ready');
    expect(res.body.database.ok).to.equal(false);
  });

  it('answers unknown routes with a coded problem document', async () => {
    const res = await request(server.app).get('/api/v1/nowhere');
    expect(res.status).to.equal(404);
    expect(res.type).to.equal('application/problem+json');
    expect(res.body).to.include({ code: 'DARCHA_HTTP_NOT_FOUND', status: 404 });
    expect(res.body.requestId).to.equal(res.headers['x-request-id']);
  });

  it('answers a malformed JSON body with 400, not 500', async () => {
    const res = await request(server.app)
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(res.status).to.equal(400);
    expect(res.body.code).to.equal('DARCHA_HTTP_BODY_INVALID');
  });

  it('refuses a body over the limit with 413', async () => {
    const res = await request(server.app)
      .post('/api/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(200_000) }));
    expect(res.status).to.equal(413);
    expect(res.body.code).to.equal('DARCHA_HTTP_BODY_INVALID');
  });

  it("echoes a caller's well-formed request id and replaces a malformed one", async () => {
    const kept = await request(server.app).get('/healthz').set('x-request-id', 'desk-7.0042');
    expect(kept.headers['x-request-id']).to.equal('desk-7.0042');
    const replaced = await request(server.app).get('/healthz').set('x-request-id', 'bad id <script>');
    expect(replaced.headers['x-request-id']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('listens on a free port and closes', async () => {
    const port = await server.listen(0, '127.0.0.1');
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.status).to.equal(200);
    await server.close();
    await fetch(`http://127.0.0.1:${port}/healthz`).then(
      () => expect.fail('server should be closed'),
      (error: Error) => expect(error.message).to.match(/fetch failed/),
    );
  });
});
