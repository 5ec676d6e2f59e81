import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import path from 'node:path';
import { BENCH_FILES_DIR, ROOT } from './bench-city.js';
import { serverNodeOptions } from './node-options.js';

const BIN = path.join(ROOT, 'packages/server/bin/darcha-server.js');
/** The heap limit and other Node options of `darcha-server` (and of `npm start`). */
const NODE_OPTIONS = serverNodeOptions(BIN);
/** The server as production runs it (the build `npm install` makes), and as `npm start` runs it. */
const ENTRY = {
  built: { main: BIN, execArgv: NODE_OPTIONS },
  source: {
    main: path.join(ROOT, 'packages/server/src/main.ts'),
    execArgv: [...NODE_OPTIONS, '--conditions=darcha-source', '--import', 'tsx'],
  },
} as const;
const COUNTER = path.join(import.meta.dirname, 'count-statements.ts');

/** A Darcha server started as `npm start`'s server entry runs, in a process of its own. */
export interface ServerProcess {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawning the process to the first `/healthz` 200. */
  startMs: number;
  /**
   * Statements the process has sent to PostgreSQL so far, and those since the last call by their
   * first words (needs `countStatements`; PGlite's statements do not go through `pg` and are not seen).
   */
  statements(): Promise<StatementCount>;
  /** SIGTERM (a clean shutdown), then SIGKILL if it is still running after 30 s. */
  stop(): Promise<void>;
}

export interface StatementCount {
  statements: number;
  /** Statements sent while no other was waiting for its answer on the same connection. */
  roundTrips: number;
  byHead: [head: string, count: number][];
}

export interface StartOptions {
  /** Environment on top of the harness's own, without DATABASE_URL unless given here. */
  env: Record<string, string>;
  /** Load the statement counter (for the PostgreSQL runs). */
  countStatements?: boolean;
  /**
   * `built` (default): `packages/server/bin/darcha-server.js`, the compiled JavaScript that
   * production runs (the harness builds it first). `source`: the TypeScript through tsx, as
   * `npm start` runs it.
   */
  entry?: keyof typeof ENTRY;
}

/**
 * Spawns the server entry (`node packages/server/bin/darcha-server.js`, or the sources through
 * tsx) on a free port and waits for `/healthz`. Its logs go nowhere (the default `info` level still formats them);
 * stderr is kept for the error message if it dies.
 */
export async function startDarcha(options: StartOptions): Promise<ServerProcess> {
  const port = await freePort();
  const { DATABASE_URL: _inherited, ...inherited } = process.env;
  const entry = ENTRY[options.entry ?? 'built'];
  const execArgv: string[] = [...entry.execArgv];
  // The counter is TypeScript: tsx loads it (without the source condition, Darcha stays built).
  if (options.countStatements)
    execArgv.push(...(execArgv.includes('tsx') ? [] : ['--import', 'tsx']), '--import', COUNTER);
  // BENCH_CPU_PROF=<dir>: every server process writes a V8 CPU profile there when it stops.
  const profileDir = process.env['BENCH_CPU_PROF'];
  if (profileDir) execArgv.push('--cpu-prof', `--cpu-prof-dir=${profileDir}`);
  const started = performance.now();
  const child = fork(entry.main, [], {
    cwd: ROOT,
    execArgv,
    env: {
      ...inherited,
      HOST: '127.0.0.1',
      PORT: String(port),
      DARCHA_FILES_DIR: BENCH_FILES_DIR,
      ...options.env,
    },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHealth(child, baseUrl, () => stderr);
  return {
    pid: child.pid!,
    baseUrl,
    startMs: performance.now() - started,
    statements: () => askStatements(child),
    stop: () => stop(child),
  };
}

/** Polls `/healthz` every 20 ms until it answers 200; throws if the process dies first. */
export async function waitForHealth(
  child: ChildProcess,
  baseUrl: string,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output()}`);
    try {
      if ((await fetch(`${baseUrl}/healthz`)).status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  child.kill('SIGKILL');
  throw new Error(`no /healthz from ${baseUrl} within 180 s:\n${output()}`);
}

async function askStatements(child: ChildProcess): Promise<StatementCount> {
  const answer = once(child, 'message') as Promise<[StatementCount]>;
  child.send('statements');
  const [message] = await answer;
  return message;
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

/** A port nobody listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
