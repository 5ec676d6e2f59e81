import { isDarchaError, type Logger } from '@darcha/core';
import { HttpError } from '../api/http-errors.js';
import { STATUS_BY_KIND } from '../problem.js';
import type { Open311Document } from './open311-document.js';

/** An error as Open311 writes it: the HTTP status and `errors/error` with code and description. */
export interface Open311ErrorAnswer {
  status: number;
  document: Open311Document;
}

/**
 * Turns any error into the spec's `errors` list. A Darcha error is one `error` per invalid field
 * when it lists them (`details.errors`), else one; its description starts with its code. A client
 * error of express or the body parser (too large, aborted) keeps its 4xx status. Anything else is a
 * 500 naming only the request id, logged in full; no stack trace ever reaches the client.
 */
export function open311ErrorAnswer(error: unknown, requestId: string, logger: Logger): Open311ErrorAnswer {
  if (isDarchaError(error)) {
    const status = error instanceof HttpError ? error.status : STATUS_BY_KIND[error.kind];
    if (status >= 500) logger.error({ err: error, requestId }, 'open311 request failed');
    const fields = fieldErrors(error.details['errors']);
    const descriptions =
      fields.length > 0
        ? fields.map((f) => `${error.code}: ${f.field}: ${f.message}`)
        : [`${error.code}: ${error.message}`];
    return answer(status, descriptions);
  }
  if (isClientError(error)) {
    return answer(error.status, [
      `DARCHA_HTTP_BODY_INVALID: The request body could not be read: ${error.message}`,
    ]);
  }
  logger.error({ err: error, requestId }, 'unexpected error in open311');
  return answer(500, [
    `DARCHA_HTTP_INTERNAL: Something went wrong on our side. Quote request id ${requestId} when reporting it.`,
  ]);
}

function answer(status: number, descriptions: string[]): Open311ErrorAnswer {
  return {
    status,
    document: { root: 'errors', body: descriptions.map((description) => ({ code: status, description })) },
  };
}

function fieldErrors(value: unknown): { field: string; message: string }[] {
  if (!Array.isArray(value)) return [];
  return value.filter(
    (e): e is { field: string; message: string } =>
      typeof e === 'object' &&
      e !== null &&
      typeof (e as { field?: unknown }).field === 'string' &&
      typeof (e as { message?: unknown }).message === 'string',
  );
}

/** express and body-parser mark what the client got wrong with a 4xx status and a `type`. */
function isClientError(error: unknown): error is { status: number; message: string } {
  const candidate = error as { status?: unknown; type?: unknown; message?: unknown } | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.status === 'number' &&
    candidate.status >= 400 &&
    candidate.status < 500 &&
    typeof candidate.type === 'string' &&
    typeof candidate.message === 'string'
  );
}
