import { DarchaError } from '@darcha/core';
import type { Request } from 'express';
import { HttpError } from './http-errors.js';

/** The version an `If-Match` header names: `3`, `"3"` or `W/"3"`. Missing: 428; malformed: 400. */
export function expectedVersionOf(req: Request): number {
  const header = req.get('if-match');
  if (header === undefined || header.trim() === '') {
    throw new HttpError(428, {
      code: 'DARCHA_HTTP_IF_MATCH_REQUIRED',
      kind: 'invalid',
      message: 'This change needs the version of the inquiry you saw, in an If-Match header.',
      hint: 'Send "If-Match: <version>" with the ETag (the version) of the inquiry as you last read it.',
    });
  }
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(header.trim());
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new DarchaError({
      code: 'DARCHA_HTTP_IF_MATCH_INVALID',
      kind: 'invalid',
      message: `If-Match "${header}" is not an inquiry version.`,
      hint: 'Send the version number the inquiry had when you read it, e.g. If-Match: "3".',
    });
  }
  return version;
}

/** The ETag of a version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The `Idempotency-Key` header, when sent (checked by the route schema's header rules). */
export function idempotencyKeyOf(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{8,200}$/.test(key)) {
    throw new DarchaError({
      code: 'DARCHA_HTTP_IDEMPOTENCY_KEY_INVALID',
      kind: 'invalid',
      message: 'The Idempotency-Key header must be 8 to 200 visible ASCII characters.',
      hint: 'Use a fresh UUID for each new intent, and the same one for its retries.',
    });
  }
  return key;
}
