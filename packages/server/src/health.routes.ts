import { Router } from 'express';
import {
  CORE_NAMESPACE,
  coreMigrations,
  migrationNamespace,
  type MigrationState,
  type Platform,
} from '@darcha/core';

export interface HealthRoutesOptions {
  /** True once the server has begun to shut down: `/readyz` then answers 503 `stopping`. */
  stopping?: () => boolean;
}

/** Applied count and pending names of one migration namespace, as `/readyz` shows them. */
interface MigrationSummary {
  applied: number;
  pending: string[];
}

/**
 * `/healthz`: the process is up (no I/O, for liveness probes).
 * `/readyz`: the server is not shutting down, the database answers, and no migration of core or
 * of an active plugin is pending (for load balancers); 503 otherwise, with `status` `stopping` or
 * `not_ready`. It also carries the plugin startup report: a failed plugin is listed with its error
 * but does not make the platform unready (the failure policy decided at startup whether to run
 * without it).
 */
export function healthRoutes(platform: Platform, options: HealthRoutesOptions = {}): Router {
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
    let migrations: { core: MigrationSummary; plugins: Record<string, MigrationSummary> } | undefined;
    try {
      await platform.db.ping();
      const core = summary(await platform.db.migrationState(CORE_NAMESPACE, coreMigrations));
      const plugins: Record<string, MigrationSummary> = {};
      for (const plugin of platform.plugins.active()) {
        if (!plugin.migrations?.length) continue;
        plugins[plugin.id] = summary(
          await platform.db.migrationState(migrationNamespace(plugin.id), plugin.migrations),
        );
      }
      migrations = { core, plugins };
    } catch (error) {
      database.ok = false;
      database.error = (error as Error).message;
    }
    const stopping = options.stopping?.() ?? false;
    const migrated =
      migrations !== undefined &&
      [migrations.core, ...Object.values(migrations.plugins)].every((m) => m.pending.length === 0);
    const ready = !stopping && database.ok && migrated;
    res.status(ready ? 200 : 503).json({
      status: ready ? 'ready' : stopping ? 'stopping' : 'not_ready',
      database,
      migrations,
      plugins: platform.plugins.report(),
    });
  });
  return router;
}

function summary(state: MigrationState): MigrationSummary {
  return { applied: state.applied.length, pending: state.pending };
}
