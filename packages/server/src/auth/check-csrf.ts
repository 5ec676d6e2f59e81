import { timingSafeEqual } from 'node:crypto';
import type { Request, Response } from 'express';
import { csrfRefused } from '../api/http-errors.js';
import { authLocals } from './principal-locals.js';
import { CSRF_HEADER } from './session-cookie.js';

/**
 * Throws `DARCHA_AUTH_CSRF` unless the request echoes its session's CSRF token in `X-CSRF-Token`
 * (compared in constant time). Only requests authenticated by a session cookie need it.
 */
export function checkCsrf(req: Request, res: Response): void {
  const expected = authLocals(res).session?.csrfToken;
  const given = req.get(CSRF_HEADER);
  if (!expected || !given) throw csrfRefused();
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  if (a.length !== b.length || !timingSafeEqual(a, b)) throw csrfRefused();
}
