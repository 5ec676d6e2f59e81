import type { Server } from 'node:http';
import type { RequestHandler } from 'express';

/**
 * Stopping an HTTP server without cutting requests short. While it drains, the server accepts no
 * new connections, answers each request still arriving on an open connection with
 * `Connection: close`, closes keep-alive connections as soon as they are idle (including those
 * whose request was in flight when draining began), and reports itself as stopping (for
 * `/readyz`). Connections still busy when the timeout ends are destroyed.
 */
export class ServerDrain {
  #server: Server | undefined;
  #stopping = false;
  #closing: Promise<void> | undefined;

  /** True from the first call of {@link close}. */
  get stopping(): boolean {
    return this.#stopping;
  }

  /** Mount it first: it marks responses `Connection: close` and closes their connections once drained. */
  middleware(): RequestHandler {
    return (_req, res, next) => {
      if (this.#stopping) res.setHeader('connection', 'close');
      // A request already running when draining begins keeps its keep-alive connection open after
      // its response; close the connection as soon as it is idle, not at the keep-alive timeout.
      res.once('finish', () => {
        if (this.#stopping) setImmediate(() => this.#server?.closeIdleConnections());
      });
      next();
    };
  }

  /**
   * Stops `server` (when it listens) and resolves once every connection is closed: open requests
   * may finish within `timeoutMs`, after which their connections are destroyed. Calling it again
   * returns the same promise.
   */
  close(server: Server | undefined, timeoutMs: number): Promise<void> {
    this.#stopping = true;
    this.#closing ??= new Promise<void>((resolve, reject) => {
      if (!server?.listening) return resolve();
      this.#server = server;
      const deadline = setTimeout(() => server.closeAllConnections(), timeoutMs);
      deadline.unref();
      server.close((error) => {
        clearTimeout(deadline);
        if (error) reject(error);
        else resolve();
      });
      server.closeIdleConnections();
    });
    return this.#closing;
  }
}
