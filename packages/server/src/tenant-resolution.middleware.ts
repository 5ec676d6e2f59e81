import {
  DarchaError,
  createDefaultResolverChain,
  updateContext,
  type Platform,
  type TenantResolution,
} from '@darcha/core';
import type { RequestHandler } from 'express';
import { authLocals, principalTenant } from './auth/principal-locals.js';

/** What the tenant middleware leaves for later handlers in `res.locals`. */
export interface TenantLocals {
  tenant?: TenantResolution;
}

/**
 * Resolves the request's tenant in DESIGN.md's order: the signed-in caller's tenant (staff, API
 * key), then the host name, then a `/t/<tenant>` path prefix, then — for anonymous callers only,
 * who can reach public endpoints only — the `X-Darcha-Tenant` header. A `/t/<tenant>` prefix is
 * removed from the URL so routes are written without it.
 *
 * Resolving selects a tenant; it never authorises. When the host or path names another tenant than
 * the caller's own, the answer is 404, as if that tenant did not exist: a city's credentials never
 * learn anything about another city.
 */
export function tenantResolution(platform: Platform): RequestHandler {
  const chain = createDefaultResolverChain({
    baseDomain: platform.config.tenancy.baseDomain,
    findByDomain: (host) => platform.tenants.findByDomain(host),
  });
  return async (req, res, next) => {
    try {
      const principal = authLocals(res).principal;
      const own = principalTenant(principal);
      const named = await chain.resolve({
        host: req.headers.host,
        path: req.path,
        headers: req.headers,
        query: req.query as Record<string, unknown>,
        isPublic: principal === undefined,
      });
      if (named?.source === 'path' && named.path !== undefined) {
        const query = req.url.indexOf('?');
        req.url = named.path + (query >= 0 ? req.url.slice(query) : '');
      }
      if (own !== undefined && named !== undefined && named.tenantId !== own) {
        throw otherTenant();
      }
      const resolution: TenantResolution | undefined =
        own !== undefined ? { tenantId: own, source: 'user' } : named;
      if (resolution) {
        (res.locals as TenantLocals).tenant = resolution;
        updateContext({ tenantId: resolution.tenantId });
      }
      next();
    } catch (error) {
      next(error);
    }
  };
}

function otherTenant(): DarchaError {
  return new DarchaError({
    code: 'DARCHA_HTTP_NOT_FOUND',
    kind: 'not_found',
    message: 'Nothing is found here for the signed-in account.',
    hint: 'Your account belongs to one city: call that city’s address, or sign in to the other city.',
  });
}
