import type { Container } from 'inversify';
import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import { openDatabase } from '../db/open-database.js';
import type { MigrationState } from '../db/types.js';
import { createRootContainer } from '../di/root-container.js';
import type { TenantContainers } from '../di/tenant-containers.js';
import { TOKENS } from '../di/tokens.js';
import { createLogger, type Logger } from '../logging/logger.js';
import { CORE_NAMESPACE, coreMigrations } from '../migrations/index.js';
import type { LoadedPlugin } from '../plugins/plugin-checks.js';
import { PluginHost } from '../plugins/plugin-host.js';
import { loadPlugins } from '../plugins/plugin-loader.js';
import type { PluginReportEntry } from '../plugins/types.js';
import type { AgencyDirectory, ServiceRegistry, TenantCatalog } from '../registry/contracts.js';
import { PostgresAgencyDirectory } from '../registry/postgres-agency-directory.js';
import { PostgresServiceRegistry } from '../registry/postgres-service-registry.js';
import { PostgresTenantCatalog } from '../registry/postgres-tenant-catalog.js';
import { ApplicationValidator } from '../registry/validation/application-validator.js';
import { PostgresTenantRegistry } from '../tenancy/postgres-tenant-registry.js';
import type { TenantRegistry } from '../tenancy/types.js';

/** A running platform: database, registries, plugins and containers, ready for a server or the CLI. */
export interface Platform {
  config: DarchaConfig;
  logger: Logger;
  db: Database;
  tenants: TenantRegistry;
  services: ServiceRegistry;
  catalog: TenantCatalog;
  agencies: AgencyDirectory;
  plugins: PluginHost;
  root: Container;
  tenantContainers: TenantContainers;
  /** Core's migration state after opening. */
  migrations: MigrationState;
  /** Every plugin with its version, status and error. */
  pluginReport: PluginReportEntry[];
  close(): Promise<void>;
}

export interface OpenPlatformOptions {
  config: DarchaConfig;
  logger?: Logger;
  /** Apply pending core migrations on open (default true); otherwise only report them, and start no plugins. */
  migrate?: boolean;
  /** Use this database instead of opening one from the config (test hosts). */
  db?: Database;
  /** Start exactly these plugins instead of loading the ones named in the config (test hosts, embedding). */
  plugins?: LoadedPlugin[];
  /** Directory that plugin packages are resolved from (default the working directory). */
  cwd?: string;
}

/**
 * Opens the database, brings core's schema up to date, wires the registries and the root container,
 * then loads and starts the plugins (their failures are in `pluginReport`, not thrown, unless the
 * failure policy is `abort`).
 */
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
  let plugins: PluginHost | undefined;
  try {
    const migrate = options.migrate !== false;
    const migrations = migrate
      ? await db.migrate(CORE_NAMESPACE, coreMigrations)
      : await db.migrationState(CORE_NAMESPACE, coreMigrations);
    const tenants = new PostgresTenantRegistry(db);
    const validator = new ApplicationValidator();
    const services = new PostgresServiceRegistry(db, {
      compileForm: (definition) => void validator.compileForm(definition),
      validate: (definition, data, locale) => validator.validate(definition, data, locale),
    });
    const catalog = new PostgresTenantCatalog(db, services, tenants);
    const agencies = new PostgresAgencyDirectory(db);
    const { root, tenantContainers } = createRootContainer({ config, logger, db, tenants });
    root.bind(TOKENS.ServiceRegistry).toConstantValue(services);
    root.bind(TOKENS.TenantCatalog).toConstantValue(catalog);
    root.bind(TOKENS.AgencyDirectory).toConstantValue(agencies);
    plugins = new PluginHost({ config, logger, db, tenants, root, tenantContainers, services });
    let pluginReport: PluginReportEntry[] = [];
    if (migrate) {
      const loaded = options.plugins
        ? { loaded: options.plugins, failures: [] }
        : await loadPlugins({
            packages: config.plugins.packages,
            discoverWorkspaces: config.plugins.discoverWorkspaces,
            cwd: options.cwd ?? process.cwd(),
          });
      pluginReport = await plugins.start(loaded.loaded, loaded.failures);
    }
    const host = plugins;
    logger.info(
      {
        database: db.kind,
        location: db.location,
        applied: migrations.applied.length,
        plugins: pluginReport.length,
      },
      'platform open',
    );
    return {
      config,
      logger,
      db,
      tenants,
      services,
      catalog,
      agencies,
      plugins: host,
      root,
      tenantContainers,
      migrations,
      pluginReport,
      close: async () => {
        await host.stop();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
