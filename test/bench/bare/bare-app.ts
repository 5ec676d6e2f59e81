import express, { type Request, type Response } from 'express';
import pg from 'pg';
import { tenantSessionOptions } from '../postgres/libpq-env.js';

/** What a bare handler gets: the pool, the tenant, the inquiry id and the version from If-Match. */
export interface BareRequest {
  pool: pg.Pool;
  tenantId: string;
  id: string;
  expectedVersion: number;
  comment: string;
}

/** The changed inquiry's id and new version, or undefined when the version was stale. */
export type BareHandler = (request: BareRequest) => Promise<{ id: string; version: number } | undefined>;

/**
 * A bare express 5 + pg server with one route, `POST /inquiries/:id/transitions` (If-Match and a
 * JSON body with a comment), and `/healthz`. Nothing else: no tenant resolution, authentication,
 * validation or logging. Its sessions act as the app role of the tenant (`BENCH_TENANT`), under
 * row-level security like pgbench's; the pool is as large as Darcha's in the benchmark.
 */
export function startBareServer(handle: BareHandler): void {
  const tenantId = process.env['BENCH_TENANT']!;
  const pool = new pg.Pool({
    connectionString: process.env['DATABASE_URL'],
    max: Number(process.env['BENCH_POOL_MAX'] ?? 16),
    options: tenantSessionOptions(tenantId),
  });
  const app = express();
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.post('/inquiries/:id/transitions', express.json(), async (req: Request, res: Response) => {
    const expectedVersion = Number(/^"(\d+)"$/.exec(req.get('if-match') ?? '')?.[1]);
    const body = req.body as { comment?: unknown };
    const changed = await handle({
      pool,
      tenantId,
      id: String(req.params['id']),
      expectedVersion,
      comment: typeof body.comment === 'string' ? body.comment : '',
    });
    if (!changed) {
      res.status(409).json({ code: 'STALE_VERSION' });
      return;
    }
    res.set('ETag', `"${changed.version}"`).json(changed);
  });
  app.listen(Number(process.env['PORT']), '127.0.0.1');
}
