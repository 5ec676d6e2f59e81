import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
  isDarchaPlugin,
  loadConfig,
  openPlatform,
  type AgencyDirectory,
  type ApplicationValidationResult,
  type CreateTenantInput,
  type DarchaPlugin,
  type Database,
  type Locale,
  type Platform,
  type PluginReportEntry,
  type ServiceRegistry,
  type TenantCatalog,
  type TenantSettings,
  type TenantTransaction,
} from '@darcha/core';
import { openTestDatabase } from '@darcha/core/testing-db';
import type { Container } from 'inversify';
import { testTenantInputs, testTenantProblems } from './test-tenants.js';
import { testingErrors } from './testing.errors.js';

const HERE = fileURLToPath(new URL('.', import.meta.url));

export interface StartTestHostOptions {
  /** The plugins to start, as `definePlugin()` returns them (imported from the plugin's source). */
  plugins: readonly DarchaPlugin[];
  /**
   * Tenants to create. A plain id is a city under the country `test`, which the host creates; a
   * `CreateTenantInput` is created as given, and a region or city without `parentId` goes under
   * `test` too. Parents are created before their children. Default: none.
   */
  tenants?: readonly (string | CreateTenantInput)[];
  /** Tenant settings by tenant id, then plugin id: `{ chirchik: { 'agency-gas': { tariff: 'household' } } }`. */
  settings?: Readonly<Record<string, Readonly<Record<string, TenantSettings>>>>;
  /**
   * Where plugins are enabled. Default: every active plugin for every listed tenant. `false`: none
   * (settings are still stored). A map from tenant id to plugin ids: exactly those.
   */
  enable?: false | Readonly<Record<string, readonly string[]>>;
  /** Instance config by plugin id, as `plugins.config` in darcha.config.json; checked against configSchema. */
  config?: Readonly<Record<string, Record<string, unknown>>>;
  /** Return the host even when a plugin failed to start, to assert on `report`. Default false: throw. */
  allowFailures?: boolean;
}

/** A running test host: the platform with the chosen plugins and tenants, and shortcuts into it. */
export interface TestHost {
  platform: Platform;
  db: Database;
  registry: ServiceRegistry;
  catalog: TenantCatalog;
  agencies: AgencyDirectory;
  /** The startup report: every plugin with its version, status and error. */
  report: PluginReportEntry[];
  /** Ids of the tenants the host created, parents first (`test` first when it was created). */
  tenants: string[];
  /** How long `startTestHost` took, in milliseconds. */
  startupMs: number;
  /** The tenant's container, with the tenant modules of the plugins enabled for it. */
  container(tenantId: string): Promise<Container>;
  /** Runs `work` in a transaction bound to the tenant (row-level security applies). */
  withTenant<T>(tenantId: string, work: (trx: TenantTransaction) => Promise<T>): Promise<T>;
  /** Validates application data against the current version of a service's form. */
  validate(serviceCode: string, data: unknown, locale?: Locale): Promise<ApplicationValidationResult>;
  /** Stops the plugins (`destroy`) and closes the database; calling it again does nothing. */
  stop(): Promise<void>;
}

/**
 * Starts a platform for a plugin's tests: a fresh database from `openTestDatabase()` (in-memory
 * PGlite, or a scratch PostgreSQL database when `DATABASE_URL` is set), the given plugins started
 * as at startup, the tenants created, and the plugins enabled for them with their settings.
 * Throws `DARCHA_TESTING_PLUGIN_FAILED`, listing the startup report, when a plugin fails to start
 * (unless `allowFailures`), after closing what it opened.
 *
 * @example
 * const host = await startTestHost({ plugins: [gas], tenants: ['chirchik'],
 *   settings: { chirchik: { 'agency-gas': { tariff: 'household' } } } });
 * await host.registry.get('gas.no-debt-certificate');
 * await host.stop();
 */
export async function startTestHost(options: StartTestHostOptions): Promise<TestHost> {
  const started = performance.now();
  const tenants = options.tenants ?? [];
  const problems = optionProblems(options.plugins, tenants);
  if (problems.length > 0) throw testingErrors.optionsInvalid(problems);

  const config = loadConfig({
    // No environment, and a directory without darcha.config.json: the project's own settings stay out.
    cwd: HERE,
    env: {},
    overrides: {
      logLevel: 'silent',
      'plugins.discoverWorkspaces': false,
      'plugins.packages': [],
      'plugins.failurePolicy': 'continue',
      'plugins.config': { ...options.config },
    },
  });
  const db = await openTestDatabase();
  const platform = await openPlatform({
    config,
    db,
    plugins: options.plugins.map((plugin) => ({ plugin, source: 'inline' })),
  });
  try {
    const report = platform.pluginReport;
    if (!options.allowFailures && report.some((entry) => entry.status === 'failed')) {
      throw testingErrors.pluginsFailed(report);
    }
    const created: string[] = [];
    for (const input of testTenantInputs(tenants)) created.push((await platform.tenants.create(input)).id);
    await applyEnablement(platform, options, tenants, created);
    return host(platform, report, created, Math.round(performance.now() - started));
  } catch (error) {
    await platform.close();
    throw error;
  }
}

function optionProblems(plugins: unknown, tenants: unknown): string[] {
  if (!Array.isArray(plugins)) return ['plugins must be an array of plugins made by definePlugin()'];
  const problems = plugins.flatMap((plugin: unknown, index) =>
    isDarchaPlugin(plugin) ? [] : [`plugins[${index}] is not made by definePlugin()`],
  );
  if (!Array.isArray(tenants))
    return [...problems, 'tenants must be an array of tenant ids or CreateTenantInput'];
  return [...problems, ...testTenantProblems(tenants as (string | CreateTenantInput)[])];
}

/** Enables plugins where asked, with their settings; stores settings alone where a plugin stays off. */
async function applyEnablement(
  platform: Platform,
  options: StartTestHostOptions,
  tenants: readonly (string | CreateTenantInput)[],
  created: readonly string[],
): Promise<void> {
  const manager = platform.plugins.tenantPlugins;
  const active = platform.plugins.active().map((plugin) => plugin.id);
  const listed = tenants.map((tenant) => (typeof tenant === 'string' ? tenant : tenant.id));
  const enabledFor = (tenantId: string): readonly string[] => {
    if (options.enable === false) return [];
    if (options.enable) return options.enable[tenantId] ?? [];
    return listed.includes(tenantId) ? active : [];
  };
  // Parents first, so a city's settings merge over its region's.
  const order = [
    ...created,
    ...Object.keys(options.enable || {}),
    ...Object.keys(options.settings ?? {}),
  ].filter((id, index, all) => all.indexOf(id) === index);
  for (const tenantId of order) {
    const settings = options.settings?.[tenantId] ?? {};
    const enabled = enabledFor(tenantId);
    for (const pluginId of enabled) {
      const own = settings[pluginId];
      await manager.enable(tenantId, pluginId, own === undefined ? {} : { settings: own });
    }
    for (const [pluginId, own] of Object.entries(settings)) {
      if (!enabled.includes(pluginId)) await manager.updateSettings(tenantId, pluginId, own);
    }
  }
}

function host(
  platform: Platform,
  report: PluginReportEntry[],
  tenants: string[],
  startupMs: number,
): TestHost {
  let stopping: Promise<void> | undefined;
  return {
    platform,
    db: platform.db,
    registry: platform.services,
    catalog: platform.catalog,
    agencies: platform.agencies,
    report,
    tenants,
    startupMs,
    container: (tenantId) => platform.plugins.tenantPlugins.container(tenantId),
    withTenant: (tenantId, work) => platform.db.withTenant(tenantId, work),
    validate: (serviceCode, data, locale = 'en') =>
      platform.services.validateApplication(serviceCode, data, locale),
    stop: () => (stopping ??= platform.close()),
  };
}
