import { Router } from 'express';
import { CORE_NAMESPACE, coreMigrations, type Platform } from '@darcha/core';

/**
 * `/healthz`: the process is up (no I/O, for liveness probes).
 * `/readyz`: the database answers and no core migration is pending (for load balancers); 503 otherwise.
 * It also carries the plugin startup report: a failed plugin is listed with its error but does not
 * make the platform unready (the failure policy decided at startup whether to run without it).
 */
export function healthRoutes(platform: Platform): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const database: { kind: string; location: string; ok: boolean; error?: string } = {
      kind: platform.db.kind,
      location: platform.db.location,
      ok: true,
    };
    let migrations: { core: { applied: number; pending: string[] } } | undefined;
    try {
      await platform.db.ping();
      const state = await platform.db.migrationState(CORE_NAMESPACE, coreMigrations);
      migrations = { core: { applied: state.applied.length, pending: state.pending } };
    } catch (error) {
      database.ok = false;
      database.error = (error as Error).message;
    }
    const ready = database.ok && migrations !== undefined && migrations.core.pending.length === 0;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : 'not_ready',
      database,
      migrations,
      plugins: platform.plugins.report(),
    });
  });
  return router;
}
