import { getHeapStatistics } from 'node:v8';
import {
  loadConfig,
  openPlatform,
  useBaselineWasmCompiler,
  type LoadConfigOptions,
  type Logger,
  type Platform,
} from '@darcha/core';
import { createServer, type DarchaServer } from './create-server.js';

export interface RunServerOptions extends LoadConfigOptions {
  /** Install SIGINT/SIGTERM handlers that shut down cleanly (default true). */
  handleSignals?: boolean;
  /**
   * Runs once the platform is open and migrated, before the server listens (the demo creates its
   * cities here). A failure closes the platform and fails the start.
   */
  prepare?: (platform: Platform) => Promise<void>;
  /**
   * On the embedded database, have V8 compile PGlite's WebAssembly with its baseline compiler only
   * (`useBaselineWasmCompiler`, ADR 0008): a shorter start and less memory. Process-wide, so off by
   * default; the `darcha-server` command and `npm start` turn it on.
   */
  baselineWasm?: boolean;
}

export interface RunningServer {
  platform: Platform;
  server: DarchaServer;
  port: number;
  /**
   * Stops accepting, marks `/readyz` as stopping, lets open requests finish (up to
   * `http.shutdownTimeoutMs`), stops the job scheduler and the outbox dispatcher, stops the plugins,
   * and closes the database (and the PGlite lock).
   */
  shutdown(): Promise<void>;
}

/**
 * Runs the server: read and validate the configuration (nothing is touched if it is wrong), open the
 * database and migrate, `prepare` (the demo), then listen. Signals shut it down cleanly.
 */
export async function runServer(options: RunServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options);
  // The embedded database is WebAssembly: V8's baseline compiler starts it sooner and in less
  // memory than tiering up to TurboFan (see useBaselineWasmCompiler). A null URL is embedded too.
  const baselineWasm = options.baselineWasm === true && !config.database.url && useBaselineWasmCompiler();
  // A signal while the database is still opening must not kill the process mid-way (that would leave
  // the embedded database's lock behind): note it, finish opening, then shut down cleanly.
  let signalledEarly: NodeJS.Signals | undefined;
  const early = (signal: NodeJS.Signals): void => {
    signalledEarly = signal;
  };
  const handleSignals = options.handleSignals ?? true;
  if (handleSignals) {
    process.on('SIGINT', early);
    process.on('SIGTERM', early);
  }
  let platform;
  try {
    platform = await openPlatform({ config });
  } finally {
    process.removeListener('SIGINT', early);
    process.removeListener('SIGTERM', early);
  }
  if (signalledEarly) {
    await platform.close();
    platform.logger.info({ signal: signalledEarly }, 'stopped during startup');
    process.exit(0);
  }
  if (options.prepare) {
    try {
      await options.prepare(platform);
    } catch (error) {
      await platform.close();
      throw error;
    }
  }
  let server: DarchaServer;
  let port: number;
  try {
    server = createServer({ platform });
    port = await server.listen(config.port, config.host);
  } catch (error) {
    await platform.close();
    throw error;
  }
  if (config.jobs.enabled) platform.startJobs();
  platform.logger.info(
    {
      port,
      database: platform.db.kind,
      location: platform.db.location,
      jobs: config.jobs.enabled,
      // The heap limit the process runs with (see the operations guide, "Memory").
      heapLimitMb: Math.round(getHeapStatistics().heap_size_limit / 1024 / 1024),
      ...(baselineWasm ? { wasmCompiler: 'baseline' } : {}),
    },
    'darcha listening',
  );

  let stopping: Promise<void> | undefined;
  const shutdown = (): Promise<void> =>
    (stopping ??= (async () => {
      // Draining and stopping the jobs run side by side: the scheduler and the dispatcher finish
      // the pass in flight while open requests finish theirs. Then plugins stop and the database closes.
      // Events written by the last requests stay pending for the next process to deliver.
      const started = Date.now();
      try {
        await Promise.all([server.close(), platform.timers.stop(), platform.outbox.stop()]);
        platform.logger.info({ drainedMs: Date.now() - started }, 'requests drained, jobs stopped');
      } finally {
        await platform.close();
      }
      platform.logger.info('darcha stopped');
    })());
  if (handleSignals) installSignalHandlers(platform.logger, shutdown);
  return { platform, server, port, shutdown };
}

function installSignalHandlers(logger: Logger, shutdown: () => Promise<void>): void {
  let received = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    received++;
    if (received > 1) {
      logger.warn({ signal }, 'second signal: exiting without waiting');
      process.exit(1);
    }
    logger.info({ signal }, 'shutting down');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}
