import { DarchaError } from '@darcha/core';
import type { Express } from 'express';

/**
 * Sets express's `trust proxy` from `http.trustProxy`: `false` (no proxy), a hop count, or a
 * comma-separated list of addresses, subnets and the names `loopback`, `linklocal`, `uniquelocal`.
 * An address that is not one raises `DARCHA_HTTP_TRUST_PROXY_INVALID` at startup instead of a bare
 * TypeError.
 */
export function applyTrustProxy(app: Express, value: boolean | number | string): void {
  try {
    app.set('trust proxy', value);
  } catch (error) {
    throw new DarchaError({
      code: 'DARCHA_HTTP_TRUST_PROXY_INVALID',
      kind: 'invalid',
      message: `http.trustProxy ${JSON.stringify(value)} is not a list of proxy addresses: ${(error as Error).message}`,
      hint: 'Give false, a hop count, or addresses and subnets such as "loopback, 10.0.0.0/8" (env DARCHA_HTTP_TRUST_PROXY).',
      details: { value },
      cause: error,
    });
  }
}
