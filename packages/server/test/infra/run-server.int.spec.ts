import net from 'node:net';
import { expect } from 'chai';
import { runServer } from '../../src/run-server.js';

describe('runServer shutdown', () => {
  it('drains open requests, stops the jobs, then closes the database', async () => {
    const running = await runServer({
      env: {},
      handleSignals: false,
      overrides: {
        port: 0,
        host: '127.0.0.1',
        logLevel: 'silent',
        demo: false,
        'database.dataDir': 'memory://',
        'plugins.discoverWorkspaces': false,
        'jobs.pollIntervalMs': 50,
      },
    });
    const { platform, port } = running;
    expect(platform.outbox.running).to.equal(true);

    // A request kept in flight: its JSON body arrives in two parts.
    const socket = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    socket.write(
      'POST /api/v1/anything HTTP/1.1\r\nHost: darcha.test\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{',
    );
    await new Promise((resolve) => setTimeout(resolve, 50));

    const stopped = running.shutdown();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(running.server.stopping).to.equal(true);
    expect(platform.outbox.running).to.equal(false);
    expect(platform.db.closed).to.equal(false); // not while a request may still need it
    socket.write('}');
    await stopped;
    expect(received).to.match(/^HTTP\/1\.1 404 /);
    expect(platform.db.closed).to.equal(true);
    expect(running.shutdown()).to.equal(stopped);
  });
});
