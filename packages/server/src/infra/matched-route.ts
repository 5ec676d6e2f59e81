import type { Request } from 'express';

/** The route label of requests that no route matched (404s, and answers written by middleware). */
export const UNMATCHED_ROUTE = 'unmatched';

const matched = new WeakMap<Request, string>();

/**
 * Starts watching which route pattern serves `req`. The router sets `req.route` when a route
 * matches; at that moment `req.baseUrl` is the mount path of the router that holds it, so the two
 * together are the full pattern (`/api/v1` + `/inquiries/:id`). Read at the end of the request,
 * `req.baseUrl` may already be unwound (after an error), which is why it is captured here.
 */
export function trackMatchedRoute(req: Request): void {
  let route: unknown = (req as { route?: unknown }).route;
  Object.defineProperty(req, 'route', {
    configurable: true,
    enumerable: true,
    get: () => route,
    set: (value: unknown) => {
      route = value;
      const path = (value as { path?: unknown } | undefined)?.path;
      if (path !== undefined) matched.set(req, `${req.baseUrl}${String(path)}`);
    },
  });
}

/**
 * The pattern of the last route that matched `req` (`/api/v1/inquiries/:id`), or `unmatched`: never
 * the raw URL, so a metric labelled with it stays small whatever clients ask for.
 */
export function matchedRoute(req: Request): string {
  return matched.get(req) ?? UNMATCHED_ROUTE;
}
