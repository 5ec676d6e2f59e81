import { randomUUID } from 'node:crypto';
import { runWithContext } from '@darcha/core';
import type { RequestHandler } from 'express';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,128}$/;

/**
 * Gives each request an id (the caller's `X-Request-Id` when well-formed, else a new UUID), echoes
 * it in the response, and runs the rest of the request inside a Darcha request context.
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('x-request-id', requestId);
    runWithContext({ requestId }, () => next());
  };
}
