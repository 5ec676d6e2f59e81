import { DarchaError, type Platform, type Principal } from '@darcha/core';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { authLocals } from '../auth/principal-locals.js';
import { checkCsrf } from '../auth/check-csrf.js';
import type { ServerMetrics } from '../infra/metrics.js';
import type { TenantLocals } from '../tenant-resolution.middleware.js';
import { authorize } from './authorize.js';
import { tenantRequired, unsupportedMediaType } from './http-errors.js';
import { RequestValidator } from './request-validator.js';
import type { AnyRoute } from './route-definition.js';

const UNSAFE = new Set(['post', 'put', 'patch', 'delete']);

export interface MountOptions {
  platform: Platform;
  /** Rate limiters by name, applied to routes that ask for one. */
  limiters?: Partial<Record<NonNullable<AnyRoute['rateLimit']>, RequestHandler>>;
}

/**
 * Mounts a route table on a router. For each request, in this order: content type, tenant (the
 * route's scope), the caller's receipt code where citizens may call, the access policy, CSRF for
 * browser sessions, the schemas — and only then the handler. Nothing is read or written for a
 * request that fails any of these.
 */
export function mountRoutes(routes: readonly AnyRoute[], options: MountOptions): Router {
  const router = Router();
  for (const route of routes) {
    const validator = new RequestValidator(route);
    const handlers: RequestHandler[] = [];
    const limiter = route.rateLimit && options.limiters?.[route.rateLimit];
    if (limiter) handlers.push(limiter);
    handlers.push(handle(route, validator, options.platform));
    router[route.method](route.path, ...handlers);
  }
  return router;
}

function handle(route: AnyRoute, validator: RequestValidator, platform: Platform): RequestHandler {
  return async (req, res, next) => {
    try {
      checkContentType(route, req);
      const locals = authLocals(res);
      // An anonymous caller of a route that needs an account is told so before anything else.
      if (locals.principal === undefined && !route.access.anyone && !route.access.citizen)
        authorize(route, undefined);
      const tenantId = await tenantOf(route, res, platform);
      let principal = locals.principal;
      if (principal === undefined && route.access.citizen)
        principal = await citizenOf(req, tenantId, platform);
      authorize(route, principal);
      // Routes open to anyone act with no one's authority, so a session's CSRF token is not needed there.
      if (UNSAFE.has(route.method) && locals.session && !route.access.anyone) checkCsrf(req, res);
      const parts = {
        params: { ...req.params },
        query: { ...(req.query as object) },
        body: bodyOf(route, req),
      };
      validator.check(parts);
      const result = await route.handler({
        ...parts,
        principal,
        tenantId,
        platform,
        metrics: req.app.locals['metrics'] as ServerMetrics | undefined,
        req,
        res,
      });
      if (res.headersSent) return;
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      const status = result.status ?? 200;
      if (result.body === undefined || status === 204) res.status(status).end();
      else res.status(status).json(result.body);
    } catch (error) {
      next(error);
    }
  };
}

function checkContentType(route: AnyRoute, req: Request): void {
  if (!UNSAFE.has(route.method) || route.bodyType === 'none') return;
  const hasBody = req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0';
  const chunked = req.headers['transfer-encoding'] !== undefined;
  if (!hasBody && !chunked) return;
  const expected = route.bodyType === 'multipart' ? 'multipart/form-data' : 'application/json';
  if (!req.is(expected)) throw unsupportedMediaType(expected, req.headers['content-type']);
}

function bodyOf(route: AnyRoute, req: Request): unknown {
  if (route.bodyType === 'multipart' || route.bodyType === 'none' || !UNSAFE.has(route.method))
    return undefined;
  return req.body === undefined ? {} : (req.body as unknown);
}

async function tenantOf(route: AnyRoute, res: Response, platform: Platform): Promise<string> {
  if (route.scope === 'host') return '';
  const tenantId = (res.locals as TenantLocals).tenant?.tenantId;
  if (tenantId === undefined) {
    if (route.scope === 'optional') return '';
    throw tenantRequired();
  }
  await platform.tenants.requireActive(tenantId);
  return tenantId;
}

/** A citizen proving an inquiry: its tracking number in the path and the receipt's code in a header. */
async function citizenOf(req: Request, tenantId: string, platform: Platform): Promise<Principal | undefined> {
  const code = req.get('x-access-code');
  const trackingNumber = req.params['trackingNumber'];
  if (!code || typeof trackingNumber !== 'string') return undefined;
  const inquiryId = await platform.identity.verifyAccessCode(tenantId, trackingNumber, code);
  if (inquiryId === undefined) {
    throw new DarchaError({
      code: 'DARCHA_AUTH_ACCESS_CODE_INVALID',
      kind: 'not_found',
      message: `No inquiry ${trackingNumber} with this access code was found.`,
      hint: 'Type the tracking number and the access code exactly as printed on your receipt.',
    });
  }
  return { kind: 'citizen', tenantId, inquiryIds: [inquiryId] };
}
