import { createLogger, type Logger } from '@darcha/core';
import type { Request } from 'express';
import { rateLimit, type Options, type RateLimitRequestHandler } from 'express-rate-limit';
import type { ProblemDocument } from '../problem.js';

/** The code of every 429 answer. */
export const RATE_LIMITED_CODE = 'DARCHA_HTTP_RATE_LIMITED';

export interface RateLimiterOptions {
  /** Requests counted per client in one window. */
  limit?: number;
  /** Window length in ms. */
  windowMs?: number;
  /**
   * Whom to count: the client address by default (IPv6 by /56, through trusted proxies only, see
   * `http.trustProxy`). Use express-rate-limit's `ipKeyGenerator` when the key includes the address.
   */
  keyGenerator?: (req: Request) => string | Promise<string>;
  /** Where the limiter reports store and configuration problems (default: a pino logger on stdout). */
  logger?: Logger;
}

/**
 * Failed sign-ins per client address: 10 in 15 minutes by default (config `http.rateLimits.signIn`).
 * Successful sign-ins are not counted, so a One-Stop-Shop hall whose desks share one public address
 * is not locked out by its own morning sign-ins; per-account lockout is the identity service's job.
 */
export function signInLimiter(options: RateLimiterOptions = {}): RateLimitRequestHandler {
  return limiter('sign-in', { limit: 10, windowMs: 15 * 60_000, ...options }, true);
}

/**
 * Anonymous writes (citizens filing online, Open311 posts) per client address: 30 a minute by
 * default (config `http.rateLimits.publicWrite`).
 */
export function publicWriteLimiter(options: RateLimiterOptions = {}): RateLimitRequestHandler {
  return limiter('public-write', { limit: 30, windowMs: 60_000, ...options }, false);
}

/**
 * A limiter with an in-memory store: each process counts on its own, so with N processes behind a
 * balancer a client may make up to N times the limit. Answers over the limit are a 429 problem
 * document with `Retry-After` and the IETF draft-8 `RateLimit` and `RateLimit-Policy` headers.
 */
function limiter(
  name: string,
  options: RateLimiterOptions & { limit: number; windowMs: number },
  skipSuccessfulRequests: boolean,
): RateLimitRequestHandler {
  const settings: Partial<Options> = {
    limit: options.limit,
    windowMs: options.windowMs,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    identifier: name,
    skipSuccessfulRequests,
    logger: options.logger ?? createLogger({ name: 'darcha-rate-limit', level: 'warn' }),
    handler: (req, res) => {
      const retryAfter = Number(res.getHeader('retry-after') ?? Math.ceil(options.windowMs / 1000));
      res
        .status(429)
        .type('application/problem+json')
        .json(rateLimitedProblem(name, req, retryAfter, String(res.getHeader('x-request-id') ?? '')));
    },
  };
  if (options.keyGenerator) settings.keyGenerator = options.keyGenerator;
  return rateLimit(settings);
}

function rateLimitedProblem(
  name: string,
  req: Request,
  retryAfter: number,
  requestId: string,
): ProblemDocument {
  return {
    type: `https://darcha.dev/errors/${RATE_LIMITED_CODE}`,
    title: RATE_LIMITED_CODE,
    status: 429,
    code: RATE_LIMITED_CODE,
    detail: `Too many requests to ${req.method} ${req.baseUrl}${req.path} from this address (limit "${name}"); try again in ${retryAfter} s.`,
    hint: 'Wait for the number of seconds in the Retry-After header, then retry; slow down automated clients.',
    details: { limit: name, retryAfterSeconds: retryAfter },
    requestId,
  };
}
