import type { Container } from 'inversify';
import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import type { MigrationState } from '../db/types.js';
import { createRootContainer } from '../di/root-container.js';
import type { TenantContainers } from '../di/tenant-containers.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { CORE_NAMESPACE, coreMigrations } from '../migrations/index.js';
import { PostgresTenantRegistry } from '../tenancy/postgres-tenant-registry.js';
import type { TenantRegistry } from '../tenancy/types.js';

/** A running platform: database, registries and containers, ready for a server or the CLI. */
export interface Platform {
  config: DarchaConfig;
  logger: Logger;
  db: Database;
  tenants: TenantRegistry;
  root: Container;
  tenantContainers: TenantContainers;
  /** Core's migration state after opening. */
  migrations: MigrationState;
  close(): Promise<void>;
}

export interface OpenPlatformOptions {
  config: DarchaConfig;
  logger?: Logger;
  /** Apply pending core migrations on open (default true); otherwise only report them. */
  migrate?: boolean;
  /** Use this database instead of opening one from the config (test hosts). */
  db?: Database;
}

/** Opens the database, brings core's schema up to date, and wires the root container. */
export async function openPlatform(options: OpenPlatformOptions): Promise<Platform> {
  const { config } = options;
  const logger = options.logger ?? createLogger({ level: config.logLevel });
  const db =
    options.db ??
    (await openDatabase({
      url: config.database.url,
      dataDir: config.database.dataDir,
      poolMax: config.database.pool.max,
      logger,
    }));
  try {
    const migrations =
      options.migrate === false
        ? await db.migrationState(CORE_NAMESPACE, coreMigrations)
        : await db.migrate(CORE_NAMESPACE, coreMigrations);
    const tenants = new PostgresTenantRegistry(db);
    const { root, tenantContainers } = createRootContainer({ config, logger, db, tenants });
    logger.info(
      { database: db.kind, location: db.location, applied: migrations.applied.length },
      'platform open',
    );
    return { config, logger, db, tenants, root, tenantContainers, migrations, close: () => db.close() };
  } catch (error) {
    await db.close();
    throw error;
  }
}
