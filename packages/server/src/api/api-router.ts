import type { Platform } from '@darcha/core';
import { Router, type RequestHandler } from 'express';
import { docsRoutes } from './docs-routes.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { mountRoutes } from './mount-routes.js';
import { openApiDocument } from './openapi-document.js';
import type { AnyRoute } from './route-definition.js';
import { API_ROUTES } from './route-table.js';

export interface ApiRouterOptions {
  /** The routes to serve (default {@link API_ROUTES}). */
  routes?: readonly AnyRoute[];
  /** Rate limiters for sign-in and public writes. */
  limiters?: Partial<Record<NonNullable<AnyRoute['rateLimit']>, RequestHandler>>;
}

/**
 * The REST API: `/api/v1/...` routes, their OpenAPI 3.1 document at `/api/v1/openapi.json`, and
 * Swagger UI at `/api/docs`. Mount it at the root.
 */
export function apiRouter(platform: Platform, options: ApiRouterOptions = {}): Router {
  const routes = options.routes ?? API_ROUTES;
  const router = Router();
  const document = openApiDocument(routes, { version: '1.0.0' });
  router.get('/api/v1/openapi.json', (_req, res) => {
    res.json(document);
  });
  router.use(docsRoutes());
  router.use(
    '/api/v1',
    mountRoutes(routes, { platform, ...(options.limiters ? { limiters: options.limiters } : {}) }),
    methodNotAllowed(routes),
  );
  return router;
}
