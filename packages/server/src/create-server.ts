import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Platform } from '@darcha/core';
import express, { type Express, type RequestHandler } from 'express';
import { apiRouter } from './api/api-router.js';
import { keepRawBody } from './api/raw-body.js';
import { authenticate } from './auth/authenticate.middleware.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { open311Router } from './open311/open311-router.js';
import { verifyPage } from './documents/verify-page.js';
import { healthRoutes } from './health.routes.js';
import { createMetrics, type ServerMetrics } from './infra/metrics.js';
import { publicWriteLimiter, signInLimiter } from './infra/rate-limits.js';
import { requestLogger } from './infra/request-logger.middleware.js';
import { securityHeaders } from './infra/security-headers.middleware.js';
import { ServerDrain } from './infra/server-drain.js';
import { applyTrustProxy } from './infra/trust-proxy.js';
import { pluginRoutes } from './plugin-routes.js';
import { requestContext } from './request-context.middleware.js';
import { tenantResolution } from './tenant-resolution.middleware.js';

export interface CreateServerOptions {
  platform: Platform;
  /** Largest JSON body accepted (default: config `http.jsonLimit`, `100kb`). */
  jsonLimit?: string;
  /** Serve `GET /metrics` and time requests (default true). */
  metrics?: boolean;
  /** How long `close()` lets open requests run before it cuts them (default: config `http.shutdownTimeoutMs`). */
  shutdownTimeoutMs?: number;
}

/** A Darcha HTTP server: the express app, its metrics, and how to start and stop listening. */
export interface DarchaServer {
  app: Express;
  /** The server's Prometheus metrics (also in `app.locals.metrics`); absent with `metrics: false`. */
  metrics: ServerMetrics | undefined;
  /** True once `close()` was called: `/readyz` answers 503 `stopping`. */
  readonly stopping: boolean;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /**
   * Stops accepting connections, closes idle keep-alive connections, and waits for open requests to
   * finish; connections still busy after `timeoutMs` (default `shutdownTimeoutMs`) are destroyed.
   */
  close(options?: { timeoutMs?: number }): Promise<void>;
}

export function createServer(options: CreateServerOptions): DarchaServer {
  const { platform } = options;
  const http = platform.config.http;
  const metrics = options.metrics === false ? undefined : createMetrics(platform);
  const drain = new ServerDrain();
  // One set per server, shared by every router that mounts them (Open311 posts count as public writes).
  const limiters = rateLimiters(platform);
  const app = express();
  app.disable('x-powered-by');
  applyTrustProxy(app, http.trustProxy);
  app.locals['metrics'] = metrics;
  app.use(requestContext());
  app.use(requestLogger(platform.logger));
  if (metrics) app.use(metrics.middleware);
  app.use(drain.middleware());
  app.use(securityHeaders({ hsts: http.hsts }));
  app.use(healthRoutes(platform, { stopping: () => drain.stopping }));
  if (metrics) app.use(metrics.router);
  // Open311 parses its own bodies (form-encoded) and resolves the tenant from jurisdiction_id.
  app.use('/open311', open311Router(platform, { writeLimiter: limiters['public-write'] }));
  // The public verify page that QR codes on issued documents point to (HTML, no credentials).
  app.use('/verify', verifyPage(platform));
  app.use(
    express.json({
      limit: options.jsonLimit ?? http.jsonLimit,
      // Payment providers sign the exact bytes they sent: keep them for the callback's `verify`.
      verify: keepRawBody,
    }),
  );
  app.use(authenticate(platform));
  app.use(tenantResolution(platform));
  app.use(apiRouter(platform, { limiters }));
  app.use(pluginRoutes(platform));
  app.use(notFoundHandler());
  app.use(errorHandler(platform.logger));

  let server: Server | undefined;
  return {
    app,
    metrics,
    get stopping() {
      return drain.stopping;
    },
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, host ?? '0.0.0.0', (error?: Error) => {
          if (error) reject(error);
          else resolve((listening.address() as AddressInfo).port);
        });
        server = listening;
      });
    },
    close(closeOptions) {
      return drain.close(
        server,
        closeOptions?.timeoutMs ?? options.shutdownTimeoutMs ?? http.shutdownTimeoutMs,
      );
    },
  };
}

/** This server's limiters, from config `http.rateLimits`; each server counts on its own. */
function rateLimiters(platform: Platform): { 'sign-in': RequestHandler; 'public-write': RequestHandler } {
  const { signIn, publicWrite } = platform.config.http.rateLimits;
  return {
    'sign-in': signInLimiter({ ...signIn, logger: platform.logger }),
    'public-write': publicWriteLimiter({ ...publicWrite, logger: platform.logger }),
  };
}
