import { currentContext, type Platform } from '@darcha/core';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { publicWriteLimiter } from '../infra/rate-limits.js';
import type { Open311Call, Open311Handler } from './open311-call.js';
import { discoveryElement, ServiceChangeset } from './open311-discovery.js';
import { open311ErrorAnswer } from './open311-error-document.js';
import type { FormBody } from './open311-filing.js';
import { open311FormBody, type FormBodyOptions } from './open311-form-body.js';
import { splitFormat, type Open311Format } from './open311-format.js';
import { formatUnsupported, methodNotAllowed, resourceNotFound } from './open311.errors.js';
import { postRequest } from './open311-post-request.js';
import { getRequest, getToken, listRequests } from './open311-request-routes.js';
import { sendOpen311 } from './open311-serializer.js';
import { listServices, serviceDefinition } from './open311-service-routes.js';

export interface Open311RouterOptions {
  /**
   * Guards `POST /v2/requests` against floods. Default: `publicWriteLimiter` with the config's
   * `http.rateLimits.publicWrite` (30 a minute per client address).
   */
  writeLimiter?: RequestHandler;
  /** Limits of the POST form body (default 100 kB and 1000 parameters). */
  form?: FormBodyOptions;
}

type RouteKey = 'discovery' | 'services' | 'service' | 'requests' | 'request' | 'token';
type Method = 'GET' | 'POST';

/** A matched resource: which one, its `{id}`, and the format asked for. */
interface Match {
  key: RouteKey;
  id: string;
  format: Open311Format;
}

/**
 * Open311 GeoReport v2 under `/open311`, for every city: discovery at `/discovery.{xml|json}`, and
 * under `/v2` the services, service definitions, requests (GET and POST), single requests and
 * tokens, each as `.xml` or `.json`. It answers everything under `/open311` itself, errors
 * included, as the spec's `errors` document (in XML unless the path asks for JSON), with 404 for
 * an unknown resource or format and 405 for a method a resource does not take. It parses its own
 * form bodies and resolves the city from `jurisdiction_id`, so it is mounted before the JSON body
 * parser and tenant resolution.
 */
export function open311Router(platform: Platform, options: Open311RouterOptions = {}): Router {
  const changeset = new ServiceChangeset(platform.services);
  const discovery: Open311Handler = async (call) => ({
    document: { root: 'discovery', body: discoveryElement(baseUrl(call.req), await changeset.get()) },
  });
  const routes: Record<RouteKey, Partial<Record<Method, Open311Handler>>> = {
    discovery: { GET: discovery },
    services: { GET: listServices },
    service: { GET: serviceDefinition },
    requests: { GET: listRequests, POST: postRequest },
    request: { GET: getRequest },
    token: { GET: getToken },
  };
  const writeLimiter =
    options.writeLimiter ??
    publicWriteLimiter({ ...platform.config.http.rateLimits.publicWrite, logger: platform.logger });
  const formBody = open311FormBody(options.form);
  const matches = new WeakMap<Request, Match>();
  const formatOf = (req: Request): Open311Format => matches.get(req)?.format ?? formatHint(req.path);

  const route: RequestHandler = (req, res, next) => {
    const found = matchPath(req.path);
    if (!('key' in found)) return next(found);
    matches.set(req, found);
    const allowed = Object.keys(routes[found.key]) as Method[];
    const method = req.method === 'HEAD' ? 'GET' : req.method;
    if (!(allowed as string[]).includes(method)) {
      res.setHeader('Allow', [...allowed, ...(allowed.includes('GET') ? ['HEAD'] : [])].join(', '));
      return next(methodNotAllowed(req.method, allowed));
    }
    next();
  };
  const onPost =
    (handler: RequestHandler): RequestHandler =>
    (req, res, next) =>
      req.method === 'POST' ? handler(req, res, next) : next();
  const dispatch: RequestHandler = async (req, res, next) => {
    try {
      const match = matches.get(req)!;
      const method: Method = req.method === 'POST' ? 'POST' : 'GET';
      const body = (req.method === 'POST' ? req.body : undefined) as FormBody | undefined;
      const call: Open311Call = {
        platform,
        req,
        format: match.format,
        id: match.id,
        params: { ...flatten(req.query), ...flatten(body) },
        body: body ?? {},
        requestId: requestIdOf(res),
      };
      const answer = await routes[match.key][method]!(call);
      allowCrossOrigin(req, res);
      for (const [name, value] of Object.entries(answer.headers ?? {})) res.setHeader(name, value);
      sendOpen311(res, match.format, answer.status ?? 200, answer.document);
    } catch (error) {
      next(error);
    }
  };
  const errors: ErrorRequestHandler = (error: unknown, req, res, _next) => {
    const { status, document } = open311ErrorAnswer(error, requestIdOf(res), platform.logger);
    allowCrossOrigin(req, res);
    sendOpen311(res, formatOf(req), status, document);
  };

  const router = Router();
  router.use(route, onPost(writeLimiter), onPost(formBody), dispatch);
  router.use(errors);
  return router;
}

/** Finds the resource a path names, or the 404 to answer. */
function matchPath(path: string): Match | Error {
  let segments: string[];
  try {
    segments = path.split('/').slice(1).map(decodeURIComponent);
  } catch {
    return resourceNotFound(path);
  }
  const last = splitFormat(segments.at(-1) ?? '');
  if ('missing' in last) return resourceNotFound(path);
  const names = [...segments.slice(0, -1), last.name];
  const key = routeKey(names);
  if (!key) return resourceNotFound(path);
  if ('unsupported' in last) return formatUnsupported(last.unsupported);
  return { key, id: names.length === 3 ? names[2]! : '', format: last.format };
}

function routeKey(names: readonly string[]): RouteKey | undefined {
  const [first, second, third, ...rest] = names;
  if (rest.length > 0 || names.some((n) => n === '')) return undefined;
  if (names.length === 1) return first === 'discovery' ? 'discovery' : undefined;
  if (first !== 'v2') return undefined;
  if (third === undefined)
    return second === 'services' ? 'services' : second === 'requests' ? 'requests' : undefined;
  if (second === 'services') return 'service';
  if (second === 'requests') return 'request';
  if (second === 'tokens') return 'token';
  return undefined;
}

/** The format an error is written in when the path did not match: JSON if it ends in `.json`, else XML. */
function formatHint(path: string): Open311Format {
  return path.endsWith('.json') ? 'json' : 'xml';
}

/** Query and form parameters as single strings; a repeated one is joined with commas (`status=open&status=closed`). */
function flatten(source: unknown): Record<string, string> {
  const flat: Record<string, string> = {};
  if (typeof source !== 'object' || source === null) return flat;
  for (const [name, value] of Object.entries(source)) {
    if (typeof value === 'string') flat[name] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) flat[name] = value.join(',');
  }
  return flat;
}

/** Reading is public: third-party apps in browsers may read from any origin (never with cookies). */
function allowCrossOrigin(req: Request, res: Response): void {
  if (req.method === 'GET' || req.method === 'HEAD') res.setHeader('Access-Control-Allow-Origin', '*');
}

function baseUrl(req: Request): string {
  const host = req.get('host');
  return host ? `${req.protocol}://${host}` : '';
}

function requestIdOf(res: Response): string {
  return String(res.getHeader('x-request-id') ?? currentContext()?.requestId ?? '');
}
