import { REDACTED_PATHS } from '@darcha/core';
import type { Request, Response } from 'express';

/**
 * Query parameters whose values never reach a log line: credentials (Open311 sends its key as
 * `api_key`) and personal numbers. Matched by exact name, in any case.
 */
export const REDACTED_QUERY_PARAMS: ReadonlySet<string> = new Set([
  'api_key',
  'apikey',
  'key',
  'token',
  'access_token',
  'code',
  'access_code',
  'password',
  'secret',
  'otp',
  'phone',
  'pinfl',
  'applicantkey',
  'tin',
  'passport',
]);

/**
 * Request headers whose values never reach a log line, derived from core's `REDACTED_PATHS`: the
 * headers it names under `req.headers` (credentials, session material), and any header named after a
 * field it hides (a `Phone` or `Pinfl` header a client might send); and the confirmed phone's
 * challenge id. Names are lower case, as Node gives them.
 */
export const REDACTED_HEADERS: ReadonlySet<string> = new Set([
  'x-phone-challenge',
  ...REDACTED_PATHS.flatMap(headerNameOf),
]);

/** `req.headers.cookie` and `req.headers["x-api-key"]` name a header; `*.*.pinfl` a field; `res.*` none. */
function headerNameOf(path: string): string[] {
  const header = /^req\.headers(?:\.([\w-]+)|\["([^"]+)"\])$/.exec(path);
  if (header) return [(header[1] ?? header[2])!.toLowerCase()];
  if (path.startsWith('req.') || path.startsWith('res.')) return [];
  return [path.split('.').pop()!.toLowerCase()];
}

/** What a request log line says about the request: never its body, never a credential's value. */
export interface LoggedRequest {
  id: unknown;
  method: string;
  url: string;
  /** The client's address as express sees it (through trusted proxies only). */
  remoteAddress: string | undefined;
  /** Every header, those of {@link REDACTED_HEADERS} with `[redacted]` for their value. */
  headers: Request['headers'];
}

/** A log line's `req`: the request id, method, URL with redacted query values, headers, client address. */
export function serializeRequest(req: Request, id: unknown): LoggedRequest {
  return {
    id,
    method: req.method,
    url: redactUrl(req.originalUrl ?? req.url ?? ''),
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
    headers: redactHeaders(req.headers),
  };
}

/** A copy of the headers (names are lower case in Node) with the credential values replaced. */
function redactHeaders(headers: Request['headers']): Request['headers'] {
  const copy = { ...headers };
  for (const name of REDACTED_HEADERS) if (copy[name] !== undefined) copy[name] = '[redacted]';
  return copy;
}

/** A log line's `res`: only the status; response headers (cookies) are not logged. */
export function serializeResponse(res: Response): { statusCode: number } {
  return { statusCode: res.statusCode };
}

/** `/open311/v2/requests.json?api_key=s3cret&x=1` → `/open311/v2/requests.json?api_key=[redacted]&x=1`. */
export function redactUrl(url: string): string {
  const at = url.indexOf('?');
  if (at < 0) return url;
  const query = url
    .slice(at + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      if (eq < 0) return pair;
      return REDACTED_QUERY_PARAMS.has(decodeName(pair.slice(0, eq)))
        ? `${pair.slice(0, eq)}=[redacted]`
        : pair;
    })
    .join('&');
  return `${url.slice(0, at)}?${query}`;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}
