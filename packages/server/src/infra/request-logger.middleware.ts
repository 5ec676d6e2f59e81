import { currentContext, type Logger, type RequestContext } from '@darcha/core';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import { serializeRequest, serializeResponse } from './log-serializers.js';

/** Probes and scrapes: logged at `debug` when they succeed, so they do not drown the real traffic. */
export const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line per request when its response is finished (or the client went away), through the
 * platform logger: method, URL (credential query values redacted), headers (credential headers
 * redacted), status, response time, the request id as `req.id`, and the tenant and user once they
 * are known. Bodies are never logged. Level by outcome: 5xx `error`, 4xx `warn`, else `info`.
 *
 * Mount it after `requestContext()`: it takes the request id from the `X-Request-Id` response header
 * and the tenant and user from the Darcha request context.
 */
export function requestLogger(logger: Logger): RequestHandler {
  // The context object is captured when the request starts: later middleware fills in its tenant
  // and user, and the line is written from an event handler that may run outside the request's scope.
  const contexts = new WeakMap<Request, RequestContext>();
  const http = pinoHttp<Request, Response>({
    logger,
    wrapSerializers: false,
    serializers: { req: serializeRequest, res: serializeResponse },
    genReqId: (_req, res) => String(res.getHeader('x-request-id') ?? ''),
    customProps: (req) => {
      const context = contexts.get(req);
      return {
        ...(context?.tenantId === undefined ? {} : { tenant: context.tenantId }),
        ...(context?.userId === undefined ? {} : { user: context.userId }),
      };
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return 'error';
      if (res.statusCode >= 400) return 'warn';
      return QUIET_PATHS.has(pathOf(req)) ? 'debug' : 'info';
    },
  });
  return (req, res, next) => {
    const context = currentContext();
    if (context) contexts.set(req, context);
    http(req, res, next);
  };
}

function pathOf(req: Request): string {
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
