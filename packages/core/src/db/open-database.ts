import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import knexFactory, { type Knex } from 'knex';
import { DarchaError } from '../errors/darcha-error.js';
import type { Logger } from '../logging/logger.js';
import { DataDirLock } from './data-dir-lock.js';
import { pgliteStartParams } from './pglite-start.js';
import { Database, type DatabaseEngine } from './database.js';
import { SessionPgClient } from './session-client.js';

/** Oldest PostgreSQL major version Darcha supports (server_version_num / 10000). */
export const MIN_POSTGRES_MAJOR = 15;

export interface OpenDatabaseOptions {
  /** `postgres://...`: run on PostgreSQL. Absent: run on PGlite in `dataDir`. */
  url?: string | undefined;
  /** PGlite data directory, or `memory://` for a throwaway in-memory database. */
  dataDir?: string;
  /** Most PostgreSQL connections at once (default 10). PGlite always has exactly one. */
  poolMax?: number;
  /** Use this PGlite instance; it stays the caller's and is not closed with the database. */
  pglite?: PGlite;
  /** Start PGlite from a data directory dump instead of `dataDir` (test hosts clone a template this way). */
  pgliteDump?: Blob;
  /** Called after the database is closed (test hosts drop their scratch database here). */
  onClosed?: () => Promise<void>;
  logger?: Logger;
}

/**
 * Opens the platform database: PostgreSQL when `url` is given, otherwise embedded PGlite (through
 * its node-postgres adapter, so knex runs its stock `pg` dialect either way). Refuses with a coded
 * error when the server is unreachable, too old, or the PGlite directory is held by another process.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const log = knexLog(options.logger);
  const engine = options.url
    ? await openPostgres(options.url, options.poolMax ?? 10, log)
    : await openPglite(options, log);
  options.logger?.debug({ kind: engine.kind, location: engine.location }, 'database opened');
  if (!options.onClosed) return new Database(engine);
  const onClosed = options.onClosed;
  return new Database({
    ...engine,
    close: async () => {
      await engine.close();
      await onClosed();
    },
  });
}

async function openPostgres(url: string, poolMax: number, log: Knex.Logger): Promise<DatabaseEngine> {
  const location = describeUrl(url);
  const knex = knexFactory({
    client: SessionPgClient,
    log,
    // pipeline: node-postgres writes a statement without waiting for the answers to those before,
    // so the COMMIT behind a FINAL statement travels with it (session-client.ts).
    connection: {
      connectionString: url,
      application_name: 'darcha',
      pipeline: true,
    } as Knex.PgConnectionConfig,
    pool: { min: 0, max: poolMax },
    acquireConnectionTimeout: 30_000,
  });
  try {
    const { rows } = await knex.raw<{ rows: { v: string }[] }>(
      `select current_setting('server_version_num') as v`,
    );
    const major = Math.floor(Number(rows[0]?.v) / 10000);
    if (major < MIN_POSTGRES_MAJOR) {
      throw new DarchaError({
        code: 'DARCHA_DB_VERSION_UNSUPPORTED',
        kind: 'unavailable',
        message: `PostgreSQL at ${location} is version ${major}; Darcha needs ${MIN_POSTGRES_MAJOR} or newer.`,
        hint: `Upgrade the server, or unset DATABASE_URL to use the embedded database.`,
        details: { location, major },
      });
    }
  } catch (error) {
    await knex.destroy();
    if (error instanceof DarchaError) throw error;
    throw new DarchaError({
      code: 'DARCHA_DB_UNREACHABLE',
      kind: 'unavailable',
      message: `Cannot connect to PostgreSQL at ${location}: ${(error as Error).message}`,
      hint: 'Check that the server is running and DATABASE_URL (user, password, host, port, database) is right.',
      details: { location },
      cause: error,
    });
  }
  return { kind: 'postgres', location, knex, close: () => Promise.resolve() };
}

async function openPglite(options: OpenDatabaseOptions, log: Knex.Logger): Promise<DatabaseEngine> {
  const dataDir = options.dataDir ?? 'memory://';
  const inMemory =
    options.pglite !== undefined || options.pgliteDump !== undefined || dataDir.startsWith('memory://');
  const lock = inMemory ? undefined : DataDirLock.acquire(dataDir);
  let pglite: PGlite;
  try {
    pglite =
      options.pglite ??
      (options.pgliteDump
        ? await PGlite.create({ loadDataDir: options.pgliteDump, startParams: pgliteStartParams() })
        : await PGlite.create(dataDir, { startParams: pgliteStartParams() }));
  } catch (error) {
    lock?.release();
    throw new DarchaError({
      code: 'DARCHA_DB_OPEN_FAILED',
      kind: 'unavailable',
      message: `Cannot open the embedded database in ${dataDir}: ${(error as Error).message}`,
      hint: 'If the directory is damaged, restore it from a backup or move it aside to start empty.',
      details: { dataDir },
      cause: error,
    });
  }
  const knex = knexFactory({
    client: SessionPgClient,
    log,
    // A fresh adapter per connection; PGlite itself stays open until close().
    connection: () => createPgConfig(pglite) as unknown as Knex.PgConnectionConfig,
    pool: { min: 0, max: 1 },
    acquireConnectionTimeout: 120_000,
  });
  return {
    kind: 'pglite',
    location: inMemory ? 'memory://' : dataDir,
    knex,
    close: async () => {
      try {
        if (!options.pglite) await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** Sends knex's own messages (migration failures, deprecations) to the platform logger, never to the console. */
function knexLog(logger: Logger | undefined): Knex.Logger {
  const to = (level: 'debug' | 'warn' | 'error') => (message: unknown) => {
    logger?.[level]({ source: 'knex' }, typeof message === 'string' ? message : JSON.stringify(message));
  };
  return { debug: to('debug'), warn: to('warn'), error: to('error'), deprecate: to('warn') };
}

/** `postgres://user:secret@host:5432/db` → `host:5432/db` (never log credentials). */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
  } catch {
    return 'PostgreSQL (unparsable DATABASE_URL)';
  }
}
