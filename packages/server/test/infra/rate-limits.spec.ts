import { expect } from 'chai';
import express, { type Express, type RequestHandler } from 'express';
import request from 'supertest';
import { publicWriteLimiter, signInLimiter } from '../../src/infra/rate-limits.js';
import { requestContext } from '../../src/request-context.middleware.js';
import { captureLog } from './log-capture.js';

function appWith(limiter: RequestHandler, status = 201): Express {
  const app = express();
  app.use(requestContext());
  app.post('/api/v1/dummy', limiter, (_req, res) => void res.status(status).json({ ok: true }));
  app.post('/api/v1/other', (_req, res) => void res.status(201).json({ ok: true }));
  return app;
}

describe('rate limits', () => {
  const logger = captureLog().logger;

  it('answers a public write over the limit with a 429 problem, Retry-After and RateLimit headers', async () => {
    const app = appWith(publicWriteLimiter({ limit: 2, windowMs: 60_000, logger }));
    const first = await request(app).post('/api/v1/dummy');
    expect(first.status).to.equal(201);
    expect(first.headers['ratelimit-policy']).to.match(/^"public-write"; q=2; w=60; pk=/);
    expect(first.headers['ratelimit']).to.match(/^"public-write"; r=1; t=\d+$/);
    expect((await request(app).post('/api/v1/dummy')).status).to.equal(201);
    const refused = await request(app).post('/api/v1/dummy');
    expect(refused.status).to.equal(429);
    expect(refused.type).to.equal('application/problem+json');
    expect(refused.body).to.include({ status: 429, code: 'DARCHA_HTTP_RATE_LIMITED' });
    expect(refused.body.requestId).to.equal(refused.headers['x-request-id']);
    expect(refused.body.hint).to.be.a('string');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).to.be.within(1, 60);
    expect(refused.body.details).to.deep.equal({ limit: 'public-write', retryAfterSeconds: retryAfter });
    expect(refused.headers['ratelimit']).to.match(/^"public-write"; r=0; t=\d+$/);
  });

  it('counts only the routes it is mounted on, and each limiter on its own', async () => {
    const app = appWith(publicWriteLimiter({ limit: 1, logger }));
    expect((await request(app).post('/api/v1/dummy')).status).to.equal(201);
    expect((await request(app).post('/api/v1/dummy')).status).to.equal(429);
    expect((await request(app).post('/api/v1/other')).status).to.equal(201);
    const fresh = appWith(publicWriteLimiter({ limit: 1, logger }));
    expect((await request(fresh).post('/api/v1/dummy')).status).to.equal(201);
  });

  it('counts failed sign-ins only, so desks that share an address can all sign in', async () => {
    const succeeding = appWith(signInLimiter({ limit: 2, logger }), 200);
    for (let i = 0; i < 5; i++)
      expect((await request(succeeding).post('/api/v1/dummy')).status).to.equal(200);
    const failing = appWith(signInLimiter({ limit: 2, logger }), 401);
    expect((await request(failing).post('/api/v1/dummy')).status).to.equal(401);
    expect((await request(failing).post('/api/v1/dummy')).status).to.equal(401);
    const refused = await request(failing).post('/api/v1/dummy');
    expect(refused.status).to.equal(429);
    expect(refused.body.code).to.equal('DARCHA_HTTP_RATE_LIMITED');
    expect(refused.headers['ratelimit-policy']).to.match(/^"sign-in"; q=2; w=900; pk=/);
    expect(Number(refused.headers['retry-after'])).to.be.within(1, 900);
  });

  it('keys by the address express trusts: behind a trusted proxy, by X-Forwarded-For', async () => {
    const app = appWith(publicWriteLimiter({ limit: 1, logger }));
    app.set('trust proxy', 'loopback');
    const as = (ip: string) => request(app).post('/api/v1/dummy').set('X-Forwarded-For', ip);
    expect((await as('203.0.113.7')).status).to.equal(201);
    expect((await as('203.0.113.7')).status).to.equal(429);
    expect((await as('203.0.113.8')).status).to.equal(201);
  });
});
