import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect } from 'chai';
import express, { type Express } from 'express';
import request from 'supertest';
import { REDACTED_PATHS, updateContext } from '@darcha/core';
import { REDACTED_HEADERS } from '../../src/infra/log-serializers.js';
import { requestLogger } from '../../src/infra/request-logger.middleware.js';
import { requestContext } from '../../src/request-context.middleware.js';
import { captureLog, requestLine, type CapturedLog } from './log-capture.js';

describe('request logger', () => {
  let log: CapturedLog;
  let app: Express;

  beforeEach(() => {
    log = captureLog('debug');
    app = express();
    app.use(requestContext());
    app.use(requestLogger(log.logger));
    app.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    app.post('/api/v1/things', express.json(), (_req, res) => {
      updateContext({ tenantId: 'chirchik', userId: 'staff-7' });
      res.status(201).json({ ok: true });
    });
    app.get('/fails', (_req, res) => void res.status(503).json({}));
    app.get('/refuses', (_req, res) => void res.status(403).json({}));
  });

  it('never writes credentials from headers, cookies, the query string or the body', async () => {
    const res = await request(app)
      .post('/api/v1/things?api_key=query-secret-1&page=2')
      .set('Authorization', 'Bearer auth-secret-2')
      .set('Cookie', 'darcha_session=cookie-secret-3')
      .set('X-Api-Key', 'header-secret-4')
      .set('X-Access-Code', 'code-secret-5')
      .set('X-CSRF-Token', 'csrf-secret-6')
      .set('Proxy-Authorization', 'Basic proxy-secret-8')
      .set('X-Phone-Challenge', 'challenge-secret-9')
      .set('Pinfl', '41234567890123')
      .set('Phone', '+998907654321')
      .send({ password: 'body-secret-7', applicant: { pinfl: '31234567890123', phone: '+998901234567' } });
    expect(res.status).to.equal(201);
    const line = await log.waitFor(requestLine(res.headers['x-request-id']));
    for (const secret of [
      'query-secret-1',
      'auth-secret-2',
      'cookie-secret-3',
      'header-secret-4',
      'code-secret-5',
      'csrf-secret-6',
      'body-secret-7',
      '31234567890123',
      '+998901234567',
      'proxy-secret-8',
      'challenge-secret-9',
      '41234567890123',
      '+998907654321',
    ]) {
      expect(log.text()).to.not.include(secret);
    }
    const req = line['req'] as { url: string; headers: Record<string, string> };
    expect(req.url).to.equal('/api/v1/things?api_key=[redacted]&page=2');
    expect(req.headers).to.include({
      authorization: '[redacted]',
      cookie: '[redacted]',
      'x-api-key': '[redacted]',
      'x-access-code': '[redacted]',
      'x-csrf-token': '[redacted]',
      'proxy-authorization': '[redacted]',
      'content-type': 'application/json',
    });
  });

  it("hides every header that pino's redaction would hide: the request line is not redacted by pino", () => {
    // A request line goes through a child logger without pino's redaction (it costs ~25 µs a line),
    // so the serializer must cover what REDACTED_PATHS covers under req.headers: the headers it
    // names, and those named like a field it hides at any depth.
    const covered: string[] = [];
    for (const path of REDACTED_PATHS) {
      const header = /^req\.headers(?:\.([\w-]+)|\["([^"]+)"\])$/.exec(path);
      if (header) covered.push((header[1] ?? header[2])!.toLowerCase());
      else if (!path.startsWith('res.')) covered.push(path.split('.').pop()!.toLowerCase());
    }
    expect(covered).to.include.members(['authorization', 'cookie', 'pinfl', 'phone']);
    expect([...covered].filter((name) => !REDACTED_HEADERS.has(name))).to.deep.equal([]);
  });

  it('names the request id, tenant, user, status and time, and logs at info', async () => {
    const res = await request(app).post('/api/v1/things').send({});
    const line = await log.waitFor(requestLine(res.headers['x-request-id']));
    expect(line).to.include({ level: 30, tenant: 'chirchik', user: 'staff-7', msg: 'request completed' });
    expect(line['res']).to.deep.equal({ statusCode: 201 });
    expect(line['responseTime']).to.be.a('number');
    expect(line).to.not.have.property('body');
  });

  it('logs 5xx at error, 4xx at warn, and probes at debug', async () => {
    const failed = await request(app).get('/fails');
    const refused = await request(app).get('/refuses');
    const probe = await request(app).get('/healthz');
    expect(await log.waitFor(requestLine(failed.headers['x-request-id']))).to.include({ level: 50 });
    expect(await log.waitFor(requestLine(refused.headers['x-request-id']))).to.include({ level: 40 });
    expect(await log.waitFor(requestLine(probe.headers['x-request-id']))).to.include({ level: 20 });
  });

  it('writes "request aborted" at warn when the client goes away before the answer', async () => {
    let received!: () => void;
    const arrived = new Promise<void>((resolve) => (received = resolve));
    app.get('/slow', () => received()); // never answers
    const server = app.listen(0, '127.0.0.1');
    await once(server, 'listening');
    try {
      const { port } = server.address() as AddressInfo;
      const req = http.get({ port, host: '127.0.0.1', path: '/slow', headers: { 'x-request-id': 'gone-1' } });
      req.on('error', () => undefined);
      await arrived;
      req.destroy();
      const line = await log.waitFor(requestLine('gone-1'));
      expect(line).to.include({ level: 40, msg: 'request aborted' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('writes nothing about probes at the default info level', async () => {
    const quiet = captureLog('info');
    const probed = express();
    probed.use(requestContext());
    probed.use(requestLogger(quiet.logger));
    probed.get('/healthz', (_req, res) => void res.json({ status: 'ok' }));
    probed.get('/other', (_req, res) => void res.json({}));
    await request(probed).get('/healthz');
    const other = await request(probed).get('/other');
    await quiet.waitFor(requestLine(other.headers['x-request-id']));
    expect(
      quiet.lines().filter((l) => (l['req'] as { url?: string } | undefined)?.url === '/healthz'),
    ).to.deep.equal([]);
  });
});
