import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import knexFactory from 'knex';
import { CORE_NAMESPACE, coreMigrations } from '../migrations/index.js';
import type { Database } from './database.js';
import { openDatabase } from './open-database.js';
import { pgliteStartParams } from './pglite-start.js';

/**
 * Scratch databases for tests, on the engine the suite runs against: PostgreSQL when
 * `DATABASE_URL` is set (a fresh database per call, dropped on close), otherwise in-memory PGlite
 * (cloned from a migrated template made once per process, so each one opens in well under a second).
 */
export interface TestDatabaseOptions {
  /** Apply core's migrations (default true). */
  migrate?: boolean;
}

const templates = new Map<boolean, Promise<Blob>>();
let counter = 0;

export async function openTestDatabase(options: TestDatabaseOptions = {}): Promise<Database> {
  const migrate = options.migrate ?? true;
  const url = process.env['DATABASE_URL'];
  if (url) return openScratchPostgres(url, migrate);
  let template = templates.get(migrate);
  if (!template) {
    template = makePgliteTemplate(migrate);
    templates.set(migrate, template);
  }
  return openDatabase({ pgliteDump: await template });
}

async function makePgliteTemplate(migrate: boolean): Promise<Blob> {
  const pglite = await PGlite.create('memory://', { startParams: pgliteStartParams() });
  try {
    const db = await openDatabase({ pglite });
    try {
      if (migrate) await db.migrate(CORE_NAMESPACE, coreMigrations);
    } finally {
      await db.close();
    }
    return await pglite.dumpDataDir('none');
  } finally {
    await pglite.close();
  }
}

async function openScratchPostgres(url: string, migrate: boolean): Promise<Database> {
  const name = `darcha_test_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  const admin = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
  try {
    await admin.raw(`create database ${name}`);
  } finally {
    await admin.destroy();
  }
  const scratchUrl = new URL(url);
  scratchUrl.pathname = `/${name}`;
  const db = await openDatabase({
    url: scratchUrl.toString(),
    poolMax: 20,
    onClosed: async () => {
      const dropper = knexFactory({ client: 'pg', connection: url, pool: { min: 0, max: 1 } });
      try {
        await dropper.raw(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.destroy();
      }
    },
  });
  if (migrate) await db.migrate(CORE_NAMESPACE, coreMigrations);
  return db;
}
