import { match } from 'path-to-regexp';
import type { RequestHandler } from 'express';
import { HttpError } from './http-errors.js';
import type { AnyRoute } from './route-definition.js';

/**
 * Answers a request whose path some route serves, but under other methods, with 405 and an `Allow`
 * header listing those methods (GET implies HEAD). Mount it after the routes: a request reaching
 * it matched no route's method. A path no route serves goes on to the 404 handler.
 */
export function methodNotAllowed(routes: readonly AnyRoute[]): RequestHandler {
  const matchers = routes.map((route) => ({ method: route.method, matches: match(route.path) }));
  return (req, _res, next) => {
    const methods = new Set<string>();
    for (const { method, matches } of matchers) {
      if (matches(req.path)) methods.add(method.toUpperCase());
    }
    if (methods.size === 0) return next();
    if (methods.has('GET')) methods.add('HEAD');
    const allow = [...methods].sort();
    next(methodRefused(req.method, req.path, allow));
  };
}

function methodRefused(method: string, path: string, allow: string[]): HttpError {
  return new HttpError(
    405,
    {
      code: 'DARCHA_HTTP_METHOD_NOT_ALLOWED',
      kind: 'invalid',
      message: `${method} is not served at ${path}; it answers ${allow.join(', ')}.`,
      hint: 'Use one of the methods in the Allow header; the API reference (/api/docs) lists each route.',
      details: { method, allow },
    },
    { Allow: allow.join(', ') },
  );
}
