import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import type { Migration, TenantTransaction } from '../db/types.js';
import type { Token } from '../di/tokens.js';
import type { Logger } from '../logging/logger.js';
import type { JsonSchema, ServiceCategory, ServiceDefinition } from '../registry/types.js';
import type {
  AdminPage,
  DashboardWidget,
  EffectFunction,
  EventHandler,
  GuardFunction,
  NotificationChannel,
  PaymentProvider,
  PluginRoute,
  TemplateHelper,
  TemplateSources,
  Translations,
  WorkflowDefinitionData,
} from './contributions.js';
import type { ExtensionPoint } from './extension-point.js';
import type { TenantSetup } from './tenant-setup.js';

/** `agency`: a reusable service pack; `city`: one tenant's OSS; `feature`: anything else. */
export type PluginKind = 'agency' | 'city' | 'feature';

export interface PluginDependency {
  id: string;
  /** Semver range of the dependency's version, e.g. `^1.2.0`. */
  range: string;
  /** When true, a missing dependency is allowed; a present one must still be in range. */
  optional?: boolean;
}

/**
 * A Darcha plugin: identity, compatibility, schemas, contributions and lifecycle hooks. Write one
 * with `definePlugin({...})` as the default export of the plugin package's `src/plugin.ts`.
 *
 * Lifecycle: `register` (sync, no I/O) → `migrations` → `init` (once) → `onTenantEnable` /
 * `onTenantDisable` per tenant → `destroy`. Each async hook has a timeout (`hookTimeoutMs`).
 */
export interface PluginManifest<TConfig = unknown, TSettings = unknown> {
  /** `/^[a-z][a-z0-9-]*$/`, unique across the installation: `agency-gas`, `city-chirchik`. */
  id: string;
  /** The plugin's version (its package.json version). */
  version: string;
  kind: PluginKind;
  engines: { darcha: string };
  dependsOn?: PluginDependency[];
  /** JSON Schema of the instance config (from `darcha.config.json`), `additionalProperties: false` added. */
  configSchema?: JsonSchema;
  /** JSON Schema of the per-tenant settings; the admin UI renders its form. */
  tenantSettingsSchema?: JsonSchema;
  /** Timeout of each async hook, in ms (default 10 000). */
  hookTimeoutMs?: number;

  // Contributions
  services?: ServiceDefinition[];
  categories?: ServiceCategory[];
  workflows?: WorkflowDefinitionData[];
  /** Guards by name; registered as `<plugin-id>/<name>`. */
  guards?: Record<string, GuardFunction>;
  /** Effects by name; registered as `<plugin-id>/<name>`. */
  effects?: Record<string, EffectFunction>;
  /** Template keys must start with `<plugin-id>/`. */
  templates?: TemplateSources;
  /** Helper names must start with `<plugin-id>/`. */
  helpers?: Record<string, TemplateHelper>;
  translations?: Translations;
  migrations?: Migration[];
  routes?: PluginRoute[];
  adminPages?: AdminPage[];
  widgets?: DashboardWidget[];
  notificationChannels?: NotificationChannel[];
  paymentProviders?: PaymentProvider[];
  /** Handlers by event type: `inquiry.filed`, `payment.received` ... */
  eventHandlers?: Record<string, EventHandler>;

  // Lifecycle
  /** Synchronous, no I/O: open or use extension points. */
  register?(ctx: PluginRegisterContext<TConfig>): void;
  /** Once, after migrations. */
  init?(ctx: PluginContext<TConfig>): Promise<void>;
  /** Tenant-scoped bindings, loaded into each tenant container where the plugin is enabled. */
  tenantModule?(ctx: TenantModuleContext<TConfig, TSettings>): void;
  /** The tenant has just enabled the plugin (or inherits it from its region). */
  onTenantEnable?(ctx: PluginTenantContext<TConfig, TSettings>): Promise<void>;
  /** Seed data the first time a tenant enables the plugin. */
  seed?(ctx: PluginTenantContext<TConfig, TSettings>): Promise<void>;
  onTenantDisable?(ctx: PluginTenantContext<TConfig, TSettings>): Promise<void>;
  destroy?(ctx: PluginContext<TConfig>): Promise<void>;
}

/** What every hook receives. */
export interface PluginContext<TConfig = unknown> {
  pluginId: string;
  config: TConfig;
  /** A child logger with `plugin: <id>`. */
  logger: Logger;
  /**
   * A root-scoped service: core's public tokens, the plugin's own (`createToken('<id>/...')`) and
   * its declared dependencies'. Anything else is refused with `DARCHA_PLUGIN_TOKEN_FORBIDDEN`.
   */
  get<T>(token: Token<T>): T;
}

export interface PluginRegisterContext<TConfig = unknown> {
  pluginId: string;
  config: TConfig;
  logger: Logger;
  /** Opens an extension point this plugin owns (`<plugin-id>/...`). */
  provideExtensionPoint<T>(point: ExtensionPoint<T>, implementation: T): void;
  /** Uses an extension point opened by a declared dependency. */
  getExtensionPoint<T>(point: ExtensionPoint<T>): T;
}

export interface PluginTenantContext<TConfig = unknown, TSettings = unknown> extends PluginContext<TConfig> {
  tenantId: string;
  /** The tenant's effective settings for this plugin (inherited from ancestors, validated). */
  settings: TSettings;
  /** Runs `work` in a transaction bound to this tenant. */
  withTenant<T>(work: (trx: TenantTransaction) => Promise<T>): Promise<T>;
  /** Configures this tenant through core's services: agencies, catalog, calendar, settings, branding. */
  setup: TenantSetup;
}

export interface TenantModuleContext<TConfig = unknown, TSettings = unknown> {
  pluginId: string;
  tenantId: string;
  config: TConfig;
  settings: TSettings;
  /** Binds one of the plugin's own tokens in the tenant's container, created once per tenant. */
  bind<T>(token: Token<T>, factory: (get: <U>(token: Token<U>) => U) => T): void;
}

/** A plugin as `definePlugin` returns it. */
export type DarchaPlugin<TConfig = unknown, TSettings = unknown> = Readonly<
  PluginManifest<TConfig, TSettings>
> & {
  readonly __darchaPlugin: true;
};

/** Where a plugin is in its life. */
export type PluginStatus = 'registered' | 'active' | 'failed' | 'stopped';

/** One line of the startup report. */
export interface PluginReportEntry {
  id: string;
  version: string;
  kind: PluginKind;
  status: PluginStatus;
  /** Where the plugin came from: a package name, or `inline` when passed as an object. */
  source: string;
  error?: { code: string; message: string };
  /** Milliseconds from register to active (or failure). */
  startupMs: number;
}

/**
 * An installed plugin as one tenant sees it: its startup status, whether it is on for the tenant
 * (a plugin that is not active is off everywhere), and the schema of its tenant settings.
 */
export interface TenantPluginStatus {
  id: string;
  version: string;
  kind: PluginKind;
  status: PluginStatus;
  error?: { code: string; message: string };
  enabled: boolean;
  /** The tenant whose decision applies (itself or an ancestor); null when nobody decided (off). */
  decidedBy: string | null;
  /** The plugin's tenantSettingsSchema, or null when it has no tenant settings. */
  settingsSchema: JsonSchema | null;
}

/** What to do when a plugin fails to start: stop the platform, or carry on without it. */
export type PluginFailurePolicy = 'abort' | 'continue';

export interface PluginHostOptions {
  config: DarchaConfig;
  logger: Logger;
  db: Database;
  policy?: PluginFailurePolicy;
}
