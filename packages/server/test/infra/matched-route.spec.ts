import { expect } from 'chai';
import express, { Router, type Request } from 'express';
import request from 'supertest';
import { matchedRoute, trackMatchedRoute } from '../../src/infra/matched-route.js';

describe('matched route', () => {
  function appRecording(): { app: express.Express; seen: string[] } {
    const seen: string[] = [];
    const app = express();
    app.use((req, res, next) => {
      trackMatchedRoute(req);
      res.once('finish', () => seen.push(matchedRoute(req as Request)));
      next();
    });
    const inner = Router();
    inner.get('/inquiries/:id', (req, res) => void res.json({ id: req.params['id'] }));
    inner.get('/broken/:id', () => {
      throw new Error('boom');
    });
    const api = Router();
    api.use(inner);
    app.use('/api/v1', api);
    app.get('/healthz', (_req, res) => void res.json({}));
    app.use((_req, res) => void res.status(404).json({}));
    app.use((_error: unknown, _req: Request, res: express.Response, _next: express.NextFunction) => {
      res.status(500).json({});
    });
    return { app, seen };
  }

  it('labels a request with the full pattern of its route, never the raw URL', async () => {
    const { app, seen } = appRecording();
    await request(app).get('/api/v1/inquiries/123');
    await request(app).get('/api/v1/inquiries/456?x=1');
    await request(app).get('/healthz');
    expect(seen).to.deep.equal(['/api/v1/inquiries/:id', '/api/v1/inquiries/:id', '/healthz']);
  });

  it('keeps the full pattern when the route fails and the error unwinds the routers', async () => {
    const { app, seen } = appRecording();
    expect((await request(app).get('/api/v1/broken/9')).status).to.equal(500);
    expect(seen).to.deep.equal(['/api/v1/broken/:id']);
  });

  it('labels requests that no route matched as unmatched', async () => {
    const { app, seen } = appRecording();
    await request(app).get('/wp-login.php');
    await request(app).get('/api/v1/inquiries');
    expect(seen).to.deep.equal(['unmatched', 'unmatched']);
  });
});
