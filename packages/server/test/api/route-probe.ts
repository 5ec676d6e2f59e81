import type { AnyRoute } from '../../src/api/route-definition.js';

/**
 * Builds a request that gets past a route's policy but not past its schemas: an invalid path
 * parameter, an unknown query field or an unknown body field. An allowed caller gets a 4xx other
 * than 401/403 (400, 404, 428) and nothing is written; a refused caller gets 401/403.
 */
export function probePath(route: AnyRoute): string {
  const params = Object.keys((route.schemas.params?.['properties'] as object | undefined) ?? {});
  let path = route.path;
  for (const name of params) path = path.replace(`:${name}`, 'not-valid!');
  const query = route.schemas.query ? '?__probe=1' : '';
  return `/api/v1${path}${query}`;
}

/** True when a probe would change something even when every schema rejects it (no params, no body). */
export function probeWrites(route: AnyRoute): boolean {
  if (route.method === 'get') return false;
  const hasParams = route.schemas.params !== undefined;
  const hasBody = route.schemas.body !== undefined && route.bodyType !== 'multipart';
  return !hasParams && !hasBody;
}

/** The path of a route with its parameters filled from `values`; undefined when one is unknown. */
export function filledPath(route: AnyRoute, values: Record<string, string>): string | undefined {
  let path = route.path;
  for (const match of route.path.matchAll(/:(\w+)/g)) {
    const value = values[match[1]!];
    if (value === undefined) return undefined;
    path = path.replace(match[0], encodeURIComponent(value));
  }
  return `/api/v1${path}`;
}
