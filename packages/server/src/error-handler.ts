import { isDarchaError, type Logger } from '@darcha/core';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { HttpError } from './api/http-errors.js';
import { redactUrl } from './infra/log-serializers.js';
import { STATUS_BY_KIND, type ProblemDocument } from './problem.js';

/**
 * Writes every error as `application/problem+json`. Darcha errors keep their code, message and hint;
 * malformed JSON bodies become a 400; anything else is a plain 500 that names only the request id,
 * and is logged in full.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const requestId = String(res.getHeader('x-request-id') ?? '');
    let problem: ProblemDocument;
    if (isDarchaError(error)) {
      const status = error instanceof HttpError ? error.status : STATUS_BY_KIND[error.kind];
      if (error instanceof HttpError) {
        for (const [name, value] of Object.entries(error.headers)) res.setHeader(name, value);
      }
      problem = {
        type: `https://darcha.dev/errors/${error.code}`,
        title: error.code,
        status,
        code: error.code,
        detail: error.message,
        hint: error.hint,
        details: error.details,
        requestId,
      };
      if (status >= 500) logger.error({ err: error, requestId }, 'request failed');
    } else if (isClientError(error)) {
      // express and its body parser mark what the client got wrong with a 4xx status: a malformed
      // or oversized body (they also set `type`), or a path with a broken %-escape (a URIError).
      const code = error.type ? 'DARCHA_HTTP_BODY_INVALID' : 'DARCHA_HTTP_REQUEST_INVALID';
      const scalar = scalarBody(error);
      problem = {
        type: `https://darcha.dev/errors/${code}`,
        title: code,
        status: error.status,
        code,
        detail: scalar
          ? `The request body is the JSON value ${scalar}; this API reads a JSON object.`
          : error.type
            ? `The request body could not be read: ${error.message}`
            : `The request could not be understood: ${error.message}`,
        hint: error.type
          ? 'Send a well-formed JSON body within the size limit, with Content-Type: application/json.'
          : 'Check the URL: percent-escapes must be complete (%20, not %2 or %ZZ).',
        requestId,
      };
    } else {
      logger.error(
        { err: error, requestId, method: req.method, url: redactUrl(req.originalUrl) },
        'unexpected error',
      );
      problem = {
        type: 'about:blank',
        title: 'Internal Server Error',
        status: 500,
        code: 'DARCHA_HTTP_INTERNAL',
        detail: `Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
        requestId,
      };
    }
    res.status(problem.status).type('application/problem+json').json(problem);
  };
}

/** Answers unknown routes with a coded 404 problem instead of express's HTML page. */
export function notFoundHandler(): RequestHandler {
  return (req, res) => {
    res
      .status(404)
      .type('application/problem+json')
      .json({
        type: 'https://darcha.dev/errors/DARCHA_HTTP_NOT_FOUND',
        title: 'DARCHA_HTTP_NOT_FOUND',
        status: 404,
        code: 'DARCHA_HTTP_NOT_FOUND',
        detail: `No route matches ${req.method} ${req.path}.`,
        hint: 'Check the path; /healthz and /readyz are always available.',
        requestId: String(res.getHeader('x-request-id') ?? ''),
      } satisfies ProblemDocument);
  };
}

/**
 * The body parser refuses well-formed JSON that is not an object or array (`null`, `"x"`, `12`)
 * with a message calling it "not valid JSON", which misleads: name the value instead.
 */
function scalarBody(error: { type?: string; body?: unknown }): string | undefined {
  if (error.type !== 'entity.parse.failed' || typeof error.body !== 'string') return undefined;
  try {
    const value: unknown = JSON.parse(error.body);
    if (value !== null && typeof value === 'object') return undefined;
    const text = JSON.stringify(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  } catch {
    return undefined;
  }
}

function isClientError(
  error: unknown,
): error is { status: number; message: string; type?: string; body?: unknown } {
  const candidate = error as { status?: unknown; type?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    (candidate.type === undefined || typeof candidate.type === 'string')
  );
}
