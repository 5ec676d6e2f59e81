import type { Container } from 'inversify';
import type { DarchaConfig } from '../config/types.js';
import type { Database } from '../db/database.js';
import type { TenantContainers } from '../di/tenant-containers.js';
import { PLUGIN_VISIBLE_TOKENS, type Token } from '../di/tokens.js';
import { isDarchaError, type DarchaError } from '../errors/darcha-error.js';
import type { Logger } from '../logging/logger.js';
import type { ServiceRegistry } from '../registry/contracts.js';
import { serviceWorkflowUnknown } from '../registry/registry.errors.js';
import type { WorkflowDefinition } from '../workflow/definition/types.js';
import type { WorkflowDefinitionStore } from '../workflow/engine/workflow-definition-store.js';
import type { TenantRegistry } from '../tenancy/types.js';
import { contributionLookup } from '../workflow/definition/contribution-lookup.js';
import { validateWorkflowDefinition } from '../workflow/definition/validate-workflow-definition.js';
import { ContributionRegistry } from './contribution-registry.js';
import { DEFAULT_HOOK_TIMEOUT_MS, runHook } from './hook-timeout.js';
import { ExtensionPoints, PluginAccess } from './plugin-access.js';
import { checkPlugins, type LoadedPlugin } from './plugin-checks.js';
import { pluginErrors } from './plugin.errors.js';
import { TenantPluginManager, type PluginEnablement } from './tenant-plugin-manager.js';
import type { TenantSetup } from './tenant-setup.js';
import type {
  DarchaPlugin,
  PluginContext,
  PluginFailurePolicy,
  PluginRegisterContext,
  PluginReportEntry,
  PluginTenantContext,
  TenantPluginStatus,
} from './types.js';

export interface PluginHostDeps {
  config: DarchaConfig;
  logger: Logger;
  db: Database;
  tenants: TenantRegistry;
  root: Container;
  tenantContainers: TenantContainers;
  services: Pick<ServiceRegistry, 'addCategories' | 'publish' | 'withdrawPlugin'>;
  /**
   * Where validated workflows are published. When given, every service a plugin publishes must
   * name a workflow that is published (by the plugin, a dependency or core).
   */
  workflows?: Pick<WorkflowDefinitionStore, 'publish' | 'withdrawPlugin' | 'isPublished'>;
  policy?: PluginFailurePolicy;
  /**
   * The tenant setup handed to tenant hooks as `ctx.setup` (the platform builds it over its
   * services). Without it, `ctx.setup` refuses every call.
   */
  tenantSetup?: (tenantId: string, pluginId: string) => TenantSetup;
}

interface Hosted {
  plugin: DarchaPlugin;
  entry: PluginReportEntry;
}

/**
 * Runs plugins: checks them, starts them in dependency order (register → migrations → init), keeps
 * a failing plugin (and its dependents) out without stopping the others — unless the policy is
 * `abort` — and reports every plugin's status. Per-tenant enablement is delegated to
 * {@link TenantPluginManager} (`host.tenants`).
 */
export class PluginHost {
  readonly contributions = new ContributionRegistry();
  /** Per-tenant enablement, settings and tenant containers with plugin bindings. */
  readonly tenantPlugins: TenantPluginManager;
  readonly #deps: PluginHostDeps;
  readonly #access = new PluginAccess(PLUGIN_VISIBLE_TOKENS);
  readonly #points = new ExtensionPoints();
  readonly #hosted: Hosted[] = [];
  /** Packages that could not even be imported: in the report, never started. */
  readonly #unloadable: PluginReportEntry[] = [];
  #started = false;

  constructor(deps: PluginHostDeps) {
    this.#deps = deps;
    this.tenantPlugins = new TenantPluginManager({
      db: deps.db,
      tenants: deps.tenants,
      tenantContainers: deps.tenantContainers,
      logger: deps.logger,
      activePlugin: (id) => this.#activePlugin(id),
      activePlugins: () => this.active(),
      tenantContext: (plugin, tenantId, settings) => this.#tenantContext(plugin, tenantId, settings),
      configOf: (plugin) => this.#configOf(plugin),
      mayAccess: (plugin, token) => this.#access.may(plugin, token),
    });
  }

  /**
   * Checks and starts the plugins; resolves with the startup report. With policy `abort`, the
   * first failure stops the plugins already started and rejects with `DARCHA_PLUGIN_STARTUP_FAILED`.
   */
  async start(
    plugins: readonly LoadedPlugin[],
    loadFailures: readonly { source: string; error: DarchaError }[] = [],
  ): Promise<PluginReportEntry[]> {
    if (this.#started) throw new Error('PluginHost.start() was already called');
    this.#started = true;
    const policy = this.#deps.policy ?? this.#deps.config.plugins.failurePolicy;
    for (const { source, error } of loadFailures) {
      this.#unloadable.push({
        id: source,
        version: '?',
        kind: 'feature',
        status: 'failed',
        source,
        error: summary(error),
        startupMs: 0,
      });
      this.#deps.logger.error({ err: error, source }, 'plugin failed to load');
    }
    for (const { loaded, errors } of checkPlugins(plugins, (id) => this.#deps.config.plugins.config[id])) {
      const hosted = this.#host(loaded);
      const failure = errors[0] ?? this.#failedDependency(loaded.plugin);
      if (failure) this.#fail(hosted, failure, errors.slice(1));
      else await this.#startOne(hosted);
    }
    const failed = this.report().filter((entry) => entry.status === 'failed');
    if (policy === 'abort' && failed.length > 0) {
      await this.stop();
      throw pluginErrors.startupFailed(
        failed.map((entry) => ({ id: entry.id, message: entry.error?.message ?? '' })),
      );
    }
    return this.report();
  }

  /** Every plugin with its version, status and error, in start order. */
  report(): PluginReportEntry[] {
    return [...this.#unloadable, ...this.#hosted.map((h) => h.entry)].map((entry) => ({ ...entry }));
  }

  /** Active plugins, in dependency order. */
  active(): DarchaPlugin[] {
    return this.#hosted.filter((h) => h.entry.status === 'active').map((h) => h.plugin);
  }

  /** Runs `destroy` of every active plugin, dependents first. */
  async stop(): Promise<void> {
    for (const hosted of [...this.#hosted].reverse()) {
      if (hosted.entry.status !== 'active') continue;
      try {
        await runHook(hosted.plugin.id, 'destroy', timeoutOf(hosted.plugin), () =>
          hosted.plugin.destroy?.(this.#context(hosted.plugin)),
        );
      } catch (error) {
        this.#deps.logger.error({ err: error, plugin: hosted.plugin.id }, 'plugin destroy failed');
      }
      hosted.entry.status = 'stopped';
      this.#withdraw(hosted.plugin.id);
    }
  }

  /** Whether the plugin is enabled for the tenant (own decision or inherited); what the server's route guard asks. */
  isEnabled(tenantId: string, pluginId: string): Promise<boolean> {
    return this.tenantPlugins.isEnabled(tenantId, pluginId);
  }

  /** The enablement of every active plugin for a tenant. */
  enablement(tenantId: string): Promise<PluginEnablement[]> {
    return this.tenantPlugins.enablement(tenantId);
  }

  /** Every installed plugin, in start order, with its status and its enablement for the tenant. */
  async statusFor(tenantId: string): Promise<TenantPluginStatus[]> {
    const enablement = new Map((await this.enablement(tenantId)).map((e) => [e.pluginId, e]));
    const schemas = new Map(this.#hosted.map((h) => [h.entry.id, h.plugin.tenantSettingsSchema]));
    return this.report().map(({ id, version, kind, status, error }) => ({
      id,
      version,
      kind,
      status,
      ...(error ? { error } : {}),
      enabled: enablement.get(id)?.enabled ?? false,
      decidedBy: enablement.get(id)?.decidedBy ?? null,
      settingsSchema: schemas.get(id) ?? null,
    }));
  }

  /** One installed plugin as {@link statusFor} shows it, or `DARCHA_PLUGIN_NOT_FOUND`. */
  async statusOf(tenantId: string, pluginId: string): Promise<TenantPluginStatus> {
    const found = (await this.statusFor(tenantId)).find((p) => p.id === pluginId);
    if (!found) throw pluginErrors.notFound(pluginId);
    return found;
  }

  async #startOne(hosted: Hosted): Promise<void> {
    const { plugin } = hosted;
    const started = Date.now();
    try {
      const result: unknown = plugin.register?.(this.#registerContext(plugin));
      if (result instanceof Promise) throw new Error('register() must be synchronous; do I/O in init()');
      if (plugin.migrations?.length)
        await this.#deps.db.migrate(migrationNamespace(plugin.id), plugin.migrations);
      await runHook(plugin.id, 'init', timeoutOf(plugin), () => plugin.init?.(this.#context(plugin)));
      const workflows = this.#checkWorkflows(plugin);
      await this.#publishWorkflows(plugin, workflows);
      this.#deps.services.addCategories(plugin.id, plugin.categories ?? []);
      await this.#deps.services.publish(plugin.id, plugin.services ?? []);
      this.contributions.add(plugin);
      hosted.entry.status = 'active';
      hosted.entry.startupMs = Date.now() - started;
      this.#deps.logger.info(
        { plugin: plugin.id, version: plugin.version, ms: hosted.entry.startupMs },
        'plugin active',
      );
    } catch (error) {
      this.#withdraw(plugin.id);
      hosted.entry.startupMs = Date.now() - started;
      this.#fail(hosted, isDarchaError(error) ? error : pluginErrors.hookFailed(plugin.id, 'startup', error));
    }
  }

  /** A plugin's workflows may use its own guards, effects and templates and its dependencies', nothing else. */
  #checkWorkflows(plugin: DarchaPlugin): WorkflowDefinition[] {
    if (!plugin.workflows?.length) return [];
    const visible = new ContributionRegistry();
    const dependencies = new Set((plugin.dependsOn ?? []).map((d) => d.id));
    for (const other of this.active()) if (dependencies.has(other.id)) visible.add(other);
    visible.add(plugin);
    const registry = contributionLookup(visible);
    return plugin.workflows.map((workflow) =>
      validateWorkflowDefinition(workflow, { pluginId: plugin.id, registry }),
    );
  }

  /** Stores the plugin's workflows, then checks that each of its services names a published one. */
  async #publishWorkflows(plugin: DarchaPlugin, workflows: WorkflowDefinition[]): Promise<void> {
    const store = this.#deps.workflows;
    if (!store) return;
    await store.publish(plugin.id, workflows);
    const missing = (plugin.services ?? []).filter((s) => !store.isPublished(s.workflow));
    if (missing.length > 0)
      throw serviceWorkflowUnknown(
        plugin.id,
        missing.map((s) => ({ code: s.code, workflow: s.workflow })),
      );
  }

  #host(loaded: LoadedPlugin): Hosted {
    const { plugin, source } = loaded;
    const hosted: Hosted = {
      plugin,
      entry: {
        id: String(plugin.id),
        version: String(plugin.version),
        kind: plugin.kind,
        status: 'registered',
        source,
        startupMs: 0,
      },
    };
    this.#hosted.push(hosted);
    return hosted;
  }

  #fail(hosted: Hosted, error: DarchaError, more: DarchaError[] = []): void {
    hosted.entry.status = 'failed';
    hosted.entry.error = summary(error);
    this.#deps.logger.error(
      { err: error, plugin: hosted.entry.id, more: more.map(summary) },
      'plugin failed',
    );
  }

  #failedDependency(plugin: DarchaPlugin): DarchaError | undefined {
    for (const dependency of plugin.dependsOn ?? []) {
      const found = this.#hosted.find((h) => h.entry.id === dependency.id);
      if (!found && dependency.optional) continue;
      if (!found || found.entry.status !== 'active')
        return pluginErrors.dependencyFailed(plugin.id, dependency.id);
    }
    return undefined;
  }

  #withdraw(pluginId: string): void {
    this.contributions.remove(pluginId);
    this.#deps.services.withdrawPlugin(pluginId);
    this.#deps.workflows?.withdrawPlugin(pluginId);
    this.#points.removeOwner(pluginId);
  }

  #activePlugin(pluginId: string): DarchaPlugin {
    const hosted = this.#hosted.find((h) => h.entry.id === pluginId);
    if (!hosted) throw pluginErrors.notFound(pluginId);
    if (hosted.entry.status !== 'active') throw pluginErrors.notActive(pluginId, hosted.entry.status);
    return hosted.plugin;
  }

  #configOf(plugin: DarchaPlugin): unknown {
    return this.#deps.config.plugins.config[plugin.id] ?? {};
  }

  #context(plugin: DarchaPlugin): PluginContext {
    return {
      pluginId: plugin.id,
      config: this.#configOf(plugin),
      logger: this.#deps.logger.child({ plugin: plugin.id }),
      get: <T>(token: Token<T>) => this.#access.get(plugin, this.#deps.root, token),
    };
  }

  #registerContext(plugin: DarchaPlugin): PluginRegisterContext {
    return {
      pluginId: plugin.id,
      config: this.#configOf(plugin),
      logger: this.#deps.logger.child({ plugin: plugin.id }),
      provideExtensionPoint: (point, implementation) => this.#points.provide(plugin, point, implementation),
      getExtensionPoint: (point) => this.#points.get(plugin, point),
    };
  }

  #tenantContext(plugin: DarchaPlugin, tenantId: string, settings: unknown): PluginTenantContext {
    return {
      ...this.#context(plugin),
      logger: this.#deps.logger.child({ plugin: plugin.id, tenant: tenantId }),
      get: <T>(token: Token<T>) => this.#access.get(plugin, this.#deps.tenantContainers.get(tenantId), token),
      tenantId,
      settings,
      withTenant: (work) => this.#deps.db.withTenant(tenantId, work),
      setup: this.#deps.tenantSetup?.(tenantId, plugin.id) ?? noTenantSetup(),
    };
  }
}

function noTenantSetup(): TenantSetup {
  const refuse = (): never => {
    throw new Error('this plugin host was built without tenantSetup');
  };
  return {
    services: refuse,
    upsertAgency: refuse,
    listAgencies: refuse,
    upsertDesk: refuse,
    offerService: refuse,
    setCalendar: refuse,
    ownSettings: refuse,
    updateSettings: refuse,
    setDocumentBranding: refuse,
  };
}

/** A plugin's migrations namespace: `plugin_<id with underscores>`. */
export function migrationNamespace(pluginId: string): string {
  return `plugin_${pluginId.replace(/-/g, '_')}`;
}

function timeoutOf(plugin: DarchaPlugin): number {
  return plugin.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
}

function summary(error: DarchaError): { code: string; message: string } {
  return { code: error.code, message: error.message };
}
