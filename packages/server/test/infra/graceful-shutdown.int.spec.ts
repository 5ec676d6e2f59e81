import net from 'node:net';
import { expect } from 'chai';
import request from 'supertest';
import { loadConfig, openPlatform, type Platform } from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import { createServer, type DarchaServer } from '../../src/create-server.js';

const engine = process.env['DATABASE_URL'] ? 'PostgreSQL' : 'PGlite';

/**
 * A raw HTTP/1.1 keep-alive connection. A request is kept in flight by sending its JSON body in two
 * parts: the server cannot answer before the body is complete.
 */
class RawClient {
  readonly socket: net.Socket;
  received = '';
  readonly closed: Promise<void>;

  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (chunk: Buffer) => (this.received += chunk.toString()));
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static connect(port: number): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends the head of a POST with a 9-byte JSON body and its first 5 bytes. */
  startSlowPost(): void {
    this.socket.write(
      'POST /api/v1/anything HTTP/1.1\r\nHost: darcha.test\r\nContent-Type: application/json\r\nContent-Length: 9\r\n\r\n{"a":',
    );
  }

  finishSlowPost(): void {
    this.socket.write('"b"}');
  }

  get(path: string): void {
    this.socket.write(`GET ${path} HTTP/1.1\r\nHost: darcha.test\r\n\r\n`);
  }

  async waitForResponses(count: number): Promise<void> {
    for (let i = 0; i < 500 && (this.received.match(/^HTTP\/1\.1 /gm) ?? []).length < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

function refused(port: number): Promise<string> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve('connected');
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(`graceful shutdown (${engine})`, () => {
  let platform: Platform;
  let server: DarchaServer;

  beforeEach(async () => {
    const config = loadConfig({ env: {}, overrides: { logLevel: 'silent' } });
    platform = await openPlatform({ config, db: await openTestDatabase() });
    server = createServer({ platform });
  });
  afterEach(async () => {
    await server.close({ timeoutMs: 0 });
    await platform.close();
  });

  it('lets a request in flight finish, refuses new connections, and closes idle ones at once', async () => {
    const port = await server.listen(0, '127.0.0.1');
    const idle = await RawClient.connect(port);
    idle.get('/healthz');
    await idle.waitForResponses(1);
    const busy = await RawClient.connect(port);
    busy.startSlowPost();
    await pause(50);

    let closed = false;
    const started = Date.now();
    const closing = server.close().then(() => (closed = true));
    await idle.closed; // the idle keep-alive connection is closed without waiting for its timeout
    expect(Date.now() - started).to.be.below(1000);
    expect(await refused(port)).to.equal('ECONNREFUSED');
    expect(server.stopping).to.equal(true);
    expect(closed).to.equal(false);

    busy.finishSlowPost();
    await closing;
    await busy.closed;
    expect(Date.now() - started).to.be.below(2000); // not the 5 s keep-alive timeout, nor the 10 s drain limit
    expect(busy.received).to.match(/^HTTP\/1\.1 404 Not Found\r\n/); // it was answered in full
    expect(busy.received).to.include('"code":"DARCHA_HTTP_NOT_FOUND"');
  });

  it('cuts a request that is still running when the drain timeout ends', async () => {
    const port = await server.listen(0, '127.0.0.1');
    const stuck = await RawClient.connect(port);
    stuck.startSlowPost();
    await pause(50);
    const started = Date.now();
    await server.close({ timeoutMs: 300 });
    await stuck.closed;
    expect(Date.now() - started).to.be.within(250, 2000);
    expect(stuck.received).to.equal('');
  });

  it('answers /readyz 503 "stopping" and closes each connection after its answer while draining', async () => {
    const before = await request(server.app).get('/readyz').set('Connection', 'keep-alive');
    expect(before.status).to.equal(200);
    expect(before.headers['connection']).to.not.equal('close');
    await server.close(); // never listened: resolves at once, but the server is stopping
    const res = await request(server.app).get('/readyz').set('Connection', 'keep-alive');
    expect(res.status).to.equal(503);
    expect(res.body.status).to.equal('stopping');
    expect(res.body.database.ok).to.equal(true);
    expect(res.headers['connection']).to.equal('close');
    expect((await request(server.app).get('/healthz')).status).to.equal(200);
  });
});
