import { currentContext, type Logger } from '@darcha/core';
import type { Request, RequestHandler, Response } from 'express';
import { serializeRequest, serializeResponse } from './log-serializers.js';

/** Probes and scrapes: logged at `debug` when they succeed, so they do not drown the real traffic. */
export const QUIET_PATHS: ReadonlySet<string> = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One log line per request when its response is finished (or the client went away), through the
 * platform logger: method, URL (credential query values redacted), headers (credential headers
 * redacted), status, response time, the request id as `req.id`, and the tenant and user once they
 * are known. Bodies are never logged. Level by outcome: 5xx `error`, 4xx `warn`, else `info`; a
 * request whose connection closed before the answer was complete (the client went away, or the
 * server cut it at shutdown) is `request aborted` at `warn`.
 *
 * Mount it after `requestContext()`: it takes the request id from the `X-Request-Id` response header
 * and the tenant and user from the Darcha request context. Nothing is serialised for a line the
 * logger's level leaves out (probes at the default `info`).
 */
export function requestLogger(logger: Logger): RequestHandler {
  // The line is redacted by its serializers (the query's credentials, the credential headers), so
  // it goes through a child without pino's redaction: that one matches REDACTED_PATHS' wildcards
  // against every key of every line, about 25 µs of a request (one line) against 4 µs without.
  const lines = logger.child({}, { redact: [] });
  return (req, res, next) => {
    // The context object is captured now: later middleware fills in its tenant and user, and the
    // line is written from an event handler that may run outside the request's scope.
    const context = currentContext();
    const started = Date.now();
    const written = (aborted: boolean): void => {
      const level = levelOf(req, res, aborted);
      if (!lines.isLevelEnabled(level)) return;
      lines[level](
        {
          req: serializeRequest(req, res.getHeader('x-request-id')),
          ...(context?.tenantId === undefined ? {} : { tenant: context.tenantId }),
          ...(context?.userId === undefined ? {} : { user: context.userId }),
          res: serializeResponse(res),
          responseTime: Date.now() - started,
        },
        aborted ? 'request aborted' : 'request completed',
      );
    };
    res.once('close', () => written(!res.writableFinished));
    next();
  };
}

function levelOf(req: Request, res: Response, aborted: boolean): 'error' | 'warn' | 'info' | 'debug' {
  if (res.statusCode >= 500) return 'error';
  if (aborted || res.statusCode >= 400) return 'warn';
  return QUIET_PATHS.has(pathOf(req)) ? 'debug' : 'info';
}

function pathOf(req: Request): string {
  const url = req.originalUrl ?? req.url ?? '';
  const query = url.indexOf('?');
  return query < 0 ? url : url.slice(0, query);
}
