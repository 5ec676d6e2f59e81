import {
  createDefaultResolverChain,
  updateContext,
  type Platform,
  type TenantResolution,
} from '@darcha/core';
import type { RequestHandler } from 'express';

/** What the tenant middleware leaves for later handlers in `res.locals`. */
export interface TenantLocals {
  tenant?: TenantResolution;
}

/**
 * Resolves the request's tenant in DESIGN.md's order (user claim, host name, `/t/<tenant>` path
 * prefix; header and Open311 `jurisdiction_id` only on public endpoints) and records it in the
 * request context. A `/t/<tenant>` prefix is removed from the URL so routes are written without it.
 * Resolving selects a tenant; it does not authorise anything, and a request without one goes on.
 */
export function tenantResolution(platform: Platform): RequestHandler {
  const chain = createDefaultResolverChain({
    baseDomain: platform.config.tenancy.baseDomain,
    findByDomain: (host) => platform.tenants.findByDomain(host),
  });
  return async (req, res, next) => {
    try {
      const resolution = await chain.resolve({
        host: req.headers.host,
        path: req.path,
        headers: req.headers,
        query: req.query as Record<string, unknown>,
        isPublic: false,
      });
      if (resolution) {
        (res.locals as TenantLocals).tenant = resolution;
        updateContext({ tenantId: resolution.tenantId });
        if (resolution.source === 'path' && resolution.path !== undefined) {
          const query = req.url.indexOf('?');
          req.url = resolution.path + (query >= 0 ? req.url.slice(query) : '');
        }
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}
