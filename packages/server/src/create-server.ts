import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Platform } from '@darcha/core';
import express, { type Express } from 'express';
import { errorHandler, notFoundHandler } from './error-handler.js';
import { healthRoutes } from './health.routes.js';
import { pluginRoutes } from './plugin-routes.js';
import { requestContext } from './request-context.middleware.js';
import { tenantResolution } from './tenant-resolution.middleware.js';

export interface CreateServerOptions {
  platform: Platform;
  /** Largest JSON body accepted (default `100kb`). */
  jsonLimit?: string;
}

/** A Darcha HTTP server: the express app, and how to start and stop listening. */
export interface DarchaServer {
  app: Express;
  /** Starts listening; resolves with the bound port (useful with port 0). */
  listen(port: number, host?: string): Promise<number>;
  /** Stops accepting connections and waits for open requests to finish. */
  close(): Promise<void>;
}

export function createServer(options: CreateServerOptions): DarchaServer {
  const { platform } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext());
  app.use(express.json({ limit: options.jsonLimit ?? '100kb' }));
  app.use(healthRoutes(platform));
  app.use(tenantResolution(platform));
  app.use(pluginRoutes(platform));
  app.use(notFoundHandler());
  app.use(errorHandler(platform.logger));

  let server: Server | undefined;
  return {
    app,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        const listening = app.listen(port, host ?? '0.0.0.0', (error?: Error) => {
          if (error) reject(error);
          else resolve((listening.address() as AddressInfo).port);
        });
        server = listening;
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        if (!server?.listening) return resolve();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeIdleConnections();
      });
    },
  };
}
