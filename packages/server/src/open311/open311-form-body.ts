import { isUtf8 } from 'node:buffer';
import express, { type Request, type RequestHandler } from 'express';
import { contentTypeUnsupported, encodingInvalid } from './open311.errors.js';

export interface FormBodyOptions {
  /** Largest body accepted (default `100kb`); larger is a 413. */
  limit?: string;
  /** Most parameters in one body (default 1000); more is a 413. */
  parameterLimit?: number;
}

const FORM_TYPE = 'application/x-www-form-urlencoded';

/**
 * Reads a POST's `application/x-www-form-urlencoded` body with express's parser, flat (no nesting:
 * `attribute[code][]` stays one key). A body of another type is a 415, a charset other than UTF-8
 * too. The body must decode as UTF-8 byte for byte and escape for escape: the parser would quietly
 * keep `%FF` as text or turn invalid bytes into U+FFFD, so such a body is refused with a 400 before
 * anything reads it. A POST without a body reads as an empty form.
 */
export function open311FormBody(options: FormBodyOptions = {}): RequestHandler {
  const invalid = new WeakSet<Request>();
  const parse = express.urlencoded({
    extended: false,
    limit: options.limit ?? '100kb',
    parameterLimit: options.parameterLimit ?? 1000,
    verify: (req, _res, buffer) => {
      if (!isUtf8Form(buffer)) invalid.add(req as Request);
    },
  });
  return (req, res, next) => {
    const contentType = req.get('content-type');
    if (!hasBody(req)) {
      req.body = Object.create(null);
      return next();
    }
    if (!req.is(FORM_TYPE) || !utf8Charset(contentType)) return next(contentTypeUnsupported(contentType));
    parse(req, res, (error?: unknown) => {
      if (error) return next(error);
      if (invalid.has(req)) return next(encodingInvalid());
      req.body ??= Object.create(null);
      next();
    });
  };
}

/** True when the bytes are UTF-8 and every `%`-escape of every key and value decodes as UTF-8. */
export function isUtf8Form(buffer: Buffer): boolean {
  if (!isUtf8(buffer)) return false;
  for (const part of buffer.toString('utf8').split('&')) {
    try {
      decodeURIComponent(part.replace(/\+/g, ' '));
    } catch {
      return false;
    }
  }
  return true;
}

function utf8Charset(contentType: string | undefined): boolean {
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '')?.[1];
  return charset === undefined || charset.toLowerCase() === 'utf-8';
}

/** Whether the request carries a body at all (as type-is decides it). */
function hasBody(req: Request): boolean {
  const length = req.get('content-length');
  return req.get('transfer-encoding') !== undefined || (length !== undefined && length !== '0');
}
