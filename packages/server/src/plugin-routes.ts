import { DarchaError, assertTenantId, type Platform, type PluginRoute } from '@darcha/core';
import { Router, type Request, type RequestHandler } from 'express';
import { authorize, type PolicyTarget } from './api/authorize.js';
import { checkCsrf } from './auth/check-csrf.js';
import { authLocals } from './auth/principal-locals.js';
import type { TenantLocals } from './tenant-resolution.middleware.js';

/**
 * Mounts every active plugin's routes under `/api/v1/plugins/<plugin-id>`. Each call needs a
 * resolved, active tenant for which the plugin is enabled; for any other tenant the route does not
 * exist (404, exactly like an unknown path). Routes open to `public` run for anyone; the others
 * need a signed-in caller with one of their roles.
 */
export function pluginRoutes(platform: Platform): Router {
  const router = Router();
  for (const { pluginId, route } of platform.plugins.contributions.routes()) {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete';
    router[method](`/api/v1/plugins/${pluginId}${route.path}`, handle(platform, pluginId, route));
  }
  return router;
}

function handle(platform: Platform, pluginId: string, route: PluginRoute): RequestHandler {
  return async (req, res, next) => {
    try {
      const tenantId = (res.locals as TenantLocals).tenant?.tenantId;
      if (tenantId === undefined || !(await enabledFor(platform, tenantId, pluginId))) return next(); // → 404
      const principal = authLocals(res).principal;
      const target: PolicyTarget = {
        access: route.roles.includes('public') ? { anyone: true } : { staff: route.roles, apiKey: true },
        scope: 'tenant',
        summary: `Call ${route.method} ${route.path} of plugin ${pluginId}`,
      };
      authorize(target, principal);
      const unsafe = route.method.toLowerCase() !== 'get';
      if (unsafe && !target.access.anyone && authLocals(res).session) checkCsrf(req, res);
      const result = await route.handler({
        tenantId,
        withTenant: (work) => platform.db.withTenant(tenantId, work),
        params: req.params as Record<string, string>,
        query: req.query as Record<string, unknown>,
        body: req.body as unknown,
        logger: platform.logger.child({ plugin: pluginId, tenant: tenantId }),
      });
      const status = (result as { status?: unknown } | undefined)?.status ?? 200;
      if (
        typeof result !== 'object' ||
        result === null ||
        !Number.isInteger(status) ||
        (status as number) < 200 ||
        (status as number) > 599
      ) {
        throw routeResultInvalid(pluginId, req);
      }
      res.status(status as number).json(result.body ?? null);
    } catch (error) {
      next(error);
    }
  };
}

async function enabledFor(platform: Platform, tenantId: string, pluginId: string): Promise<boolean> {
  assertTenantId(tenantId);
  await platform.tenants.requireActive(tenantId);
  return platform.plugins.isEnabled(tenantId, pluginId);
}

function routeResultInvalid(pluginId: string, req: Request): DarchaError {
  return new DarchaError({
    code: 'DARCHA_PLUGIN_ROUTE_RESULT_INVALID',
    kind: 'internal',
    message: `Plugin "${pluginId}" answered ${req.method} ${req.path} with something that is not { status?, body? } (status 200-599).`,
    hint: 'Fix the route handler to return { status, body }.',
    details: { pluginId },
  });
}
