import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect } from 'chai';

// `npm start` as a user runs it: a real process on the embedded database in a fresh data directory.
const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN = ['--conditions=darcha-source', '--import', 'tsx', 'packages/demo/src/main.ts'];
const CLI = ['--conditions=darcha-source', '--import', 'tsx', 'packages/cli/src/bin.ts'];

/** These tests are about the embedded database, whichever engine the rest of the suite uses. */
function withoutDatabaseUrl(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  return inherited;
}

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, MAIN, {
    cwd: ROOT,
    // The demo history (35,000 inquiries) is left out unless a test asks for it.
    env: { ...withoutDatabaseUrl(), LOG_LEVEL: 'warn', DARCHA_DEMO_HISTORY: 'false', ...env },
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/**
 * A port to start a server on, free now and below the kernel's range of ephemeral ports (32768 and
 * up on Linux): a fixed port inside that range can be taken by any outgoing connection of the
 * machine (the suite's own database connections) just before the server binds it.
 */
async function freePort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once('error', () => resolve(false));
      probe.listen(port, '0.0.0.0', () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
}

async function waitForHealth(port: number, started: Started, seconds: number): Promise<number> {
  const t0 = Date.now();
  while (Date.now() - t0 < seconds * 1000) {
    if (started.child.exitCode !== null) throw new Error(`server exited early:\n${started.output()}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (res.status === 200) return (Date.now() - t0) / 1000;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no /healthz within ${seconds}s:\n${started.output()}`);
}

describe('npm start on the embedded database', function () {
  this.timeout(60_000);
  let dir: string;
  let first: Started | undefined;
  let firstPort = 0;

  before(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'darcha-start-'));
  });
  after(async () => {
    if (first && first.child.exitCode === null) {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers /healthz, then /readyz with migrations applied', async () => {
    const dataDir = path.join(dir, 'data');
    firstPort = await freePort();
    first = start({ PORT: String(firstPort), DARCHA_DATA_DIR: dataDir, LOG_LEVEL: 'info' });
    // Time to /healthz is measured by the benchmarks; here only that it comes.
    await waitForHealth(firstPort, first, 60);
    // PGlite's WebAssembly on V8's baseline compiler (ADR 0008), as the listening line says.
    const listeningLine = (): string | undefined =>
      first!
        .output()
        .split('\n')
        .find((line) => line.includes('"msg":"darcha listening"'));
    for (let i = 0; i < 50 && listeningLine() === undefined; i++)
      await new Promise((r) => setTimeout(r, 100));
    const listening = listeningLine();
    expect(JSON.parse(listening ?? '{}')).to.include({ database: 'pglite', wasmCompiler: 'baseline' });
    const ready = await fetch(`http://127.0.0.1:${firstPort}/readyz`);
    expect(ready.status).to.equal(200);
    const body = (await ready.json()) as {
      database: { kind: string };
      migrations: { core: { pending: string[] } };
    };
    expect(body.database.kind).to.equal('pglite');
    expect(body.migrations.core.pending).to.deep.equal([]);
    const lock = JSON.parse(readFileSync(`${dataDir}.lock`, 'utf8')) as { pid: number };
    expect(lock.pid).to.equal(first.child.pid);
  });

  it('refuses a second process on the same data directory with DARCHA_DB_LOCKED naming the holder', async () => {
    const second = start({ PORT: String(await freePort()), DARCHA_DATA_DIR: path.join(dir, 'data') });
    const code = await second.exited;
    expect(code).to.not.equal(0);
    expect(second.output()).to.include('DARCHA_DB_LOCKED').and.include(`process ${first!.child.pid}`);
    expect(second.output()).to.include(path.join(dir, 'data'));
    // The first server is unharmed.
    expect((await fetch(`http://127.0.0.1:${firstPort}/healthz`)).status).to.equal(200);
  });

  it('shuts down cleanly on SIGTERM and releases the lock', async () => {
    first!.child.kill('SIGTERM');
    expect(await first!.exited).to.equal(0);
    expect(existsSync(path.join(dir, 'data.lock'))).to.equal(false);
  });

  it('has created the demo country, regions and the three cities', () => {
    const listed = spawnSync(process.execPath, [...CLI, 'tenant', 'list', '--json'], {
      cwd: ROOT,
      env: { ...withoutDatabaseUrl(), DARCHA_DATA_DIR: path.join(dir, 'data') },
      encoding: 'utf8',
    });
    expect(listed.status, listed.stderr).to.equal(0);
    const tenants = JSON.parse(listed.stdout) as { id: string; kind: string; parentId: string | null }[];
    expect(tenants.filter((t) => t.kind === 'city').map((t) => t.id)).to.deep.equal([
      'chirchik',
      'djizak',
      'namangan',
    ]);
    expect(tenants.find((t) => t.id === 'chirchik')?.parentId).to.equal('uz.tashkent-region');
  });

  it('starts again on the existing data directory', async () => {
    const port = await freePort();
    first = start({ PORT: String(port), DARCHA_DATA_DIR: path.join(dir, 'data') });
    await waitForHealth(port, first, 60);
    first.child.kill('SIGINT');
    expect(await first.exited).to.equal(0);
  });

  it('seeds the demo history on the first start (a hundredth of it here), and only once', async () => {
    const dataDir = path.join(dir, 'with-history');
    const port = await freePort();
    const started = start({ PORT: String(port), DARCHA_DATA_DIR: dataDir, DARCHA_DEMO_HISTORY: '0.01' });
    await waitForHealth(port, started, 60);
    started.child.kill('SIGTERM');
    expect(await started.exited).to.equal(0);
    const seeded = spawnSync(process.execPath, [...CLI, 'seed', 'demo'], {
      cwd: ROOT,
      env: { ...withoutDatabaseUrl(), DARCHA_DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(seeded.status, seeded.stderr).to.equal(0);
    expect(seeded.stdout).to.include('chirchik 2013-01-01..2013-12-31: already seeded, nothing added');
  });

  it('refuses a bad config value with its code, before touching any data', async () => {
    const untouched = path.join(dir, 'never-created');
    const bad = start({ PORT: 'eighty', DARCHA_DB_POOL_MAX: '0', DARCHA_DATA_DIR: untouched });
    expect(await bad.exited).to.equal(2);
    expect(bad.output())
      .to.include('DARCHA_CONFIG_INVALID')
      .and.include('PORT="eighty"')
      .and.include('database.pool.max');
    expect(existsSync(untouched)).to.equal(false);
    expect(existsSync(`${untouched}.lock`)).to.equal(false);
  });
});
