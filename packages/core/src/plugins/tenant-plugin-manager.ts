import type { ValidateFunction } from 'ajv';
import type { Container } from 'inversify';
import { appendAudit } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import type { TenantContainers } from '../di/tenant-containers.js';
import type { Token } from '../di/tokens.js';
import { fieldErrorsFromAjv } from '../errors/field-error.js';
import type { Logger } from '../logging/logger.js';
import { applySettingsPatch, mergeSettingsLayers } from '../tenancy/tenant-settings.js';
import type { ActorOptions, TenantRegistry, TenantSettings } from '../tenancy/types.js';
import { compileDetached, sharedAjv } from '../validation/shared-ajv.js';
import { DEFAULT_HOOK_TIMEOUT_MS, runHook } from './hook-timeout.js';
import { pluginErrors } from './plugin.errors.js';
import { TenantPluginStore, type TenantPluginRow } from './tenant-plugin-store.js';
import type { DarchaPlugin, PluginTenantContext } from './types.js';

/** Whether a plugin is on for a tenant, who decided, and the tenant's effective settings for it. */
export interface PluginEnablement {
  pluginId: string;
  enabled: boolean;
  /** The tenant whose decision applies (the tenant itself or an ancestor); null: nobody decided (off). */
  decidedBy: string | null;
  settings: TenantSettings;
}

export interface TenantPluginManagerDeps {
  db: Database;
  tenants: TenantRegistry;
  tenantContainers: TenantContainers;
  logger: Logger;
  activePlugin(pluginId: string): DarchaPlugin;
  activePlugins(): DarchaPlugin[];
  tenantContext(plugin: DarchaPlugin, tenantId: string, settings: unknown): PluginTenantContext;
  configOf(plugin: DarchaPlugin): unknown;
  /** Whether the plugin may resolve the token (core's public, its own, its dependencies'). */
  mayAccess(plugin: DarchaPlugin, token: symbol): boolean;
}

/**
 * How long an enablement answer is trusted before it is read again. Decisions made in this process
 * take effect at once; those made by another process, or a tenant moved to another region, within
 * this time.
 */
export const ENABLEMENT_TTL_MS = 5_000;

function sameEnablement(a: Map<string, PluginEnablement>, b: Map<string, PluginEnablement>): boolean {
  return JSON.stringify([...a.entries()]) === JSON.stringify([...b.entries()]);
}

type Decision = { enabled: boolean | null } | { settingsPatch: TenantSettings };

const validators = new WeakMap<DarchaPlugin, ValidateFunction>();

/** The plugin's settings validator, compiled once. Closed like configSchema: a misspelt key is an error. */
function settingsValidator(plugin: DarchaPlugin): ValidateFunction {
  let validate = validators.get(plugin);
  if (!validate) {
    validate = compileDetached(sharedAjv({ strict: false }), {
      additionalProperties: false,
      ...plugin.tenantSettingsSchema,
    });
    validators.set(plugin, validate);
  }
  return validate;
}

/**
 * Per-tenant enablement of plugins. A tenant's own row decides; without one, its nearest ancestor's
 * decision applies (a city inherits its region's). Settings merge down the hierarchy and are
 * validated against the plugin's tenantSettingsSchema. Enabling runs `onTenantEnable` (and `seed`
 * the first time) for the tenant and every descendant that inherits the change; disabling runs
 * `onTenantDisable` and keeps the data. Tenant containers are rebuilt with the enabled plugins'
 * tenant modules.
 */
export class TenantPluginManager {
  readonly #deps: TenantPluginManagerDeps;
  readonly #store: TenantPluginStore;
  readonly #cache = new Map<string, { at: number; value: Map<string, PluginEnablement> }>();
  readonly #queues = new Map<string, Promise<unknown>>();

  constructor(deps: TenantPluginManagerDeps) {
    this.#deps = deps;
    this.#store = new TenantPluginStore(deps.db);
    deps.tenantContainers.addModule((container, tenantId) => this.#loadTenantModules(container, tenantId));
  }

  async enablement(tenantId: string): Promise<PluginEnablement[]> {
    return [...(await this.#resolve(tenantId)).values()];
  }

  async isEnabled(tenantId: string, pluginId: string): Promise<boolean> {
    return (await this.#resolve(tenantId)).get(pluginId)?.enabled ?? false;
  }

  /** The tenant's own settings for the plugin (without what it inherits); `{}` when it has none. */
  async ownSettings(tenantId: string, pluginId: string): Promise<TenantSettings> {
    return (await this.#store.rows(tenantId)).get(pluginId)?.settings ?? {};
  }

  /** The tenant's container, with the tenant modules of the plugins enabled for it. */
  async container(tenantId: string): Promise<Container> {
    await this.#resolve(tenantId);
    return this.#deps.tenantContainers.get(tenantId);
  }

  /** Turns the plugin on for the tenant (and the descendants that inherit), optionally patching its settings. */
  enable(
    tenantId: string,
    pluginId: string,
    options: ActorOptions & { settings?: TenantSettings } = {},
  ): Promise<PluginEnablement> {
    return this.#decide(tenantId, pluginId, 'plugin.enable', { enabled: true }, options, options.settings);
  }

  /** Turns the plugin off for the tenant (and inheriting descendants); its data stays. */
  disable(tenantId: string, pluginId: string, options: ActorOptions = {}): Promise<PluginEnablement> {
    return this.#decide(tenantId, pluginId, 'plugin.disable', { enabled: false }, options);
  }

  /** Drops the tenant's own decision, so it follows its ancestors again. */
  inherit(tenantId: string, pluginId: string, options: ActorOptions = {}): Promise<PluginEnablement> {
    return this.#decide(tenantId, pluginId, 'plugin.inherit', { enabled: null }, options);
  }

  /** Merges `patch` into the tenant's own settings (null removes a key); validated against the schema. */
  updateSettings(
    tenantId: string,
    pluginId: string,
    patch: TenantSettings,
    options: ActorOptions = {},
  ): Promise<PluginEnablement> {
    return this.#decide(
      tenantId,
      pluginId,
      'plugin.settings.update',
      { settingsPatch: patch },
      options,
      patch,
    );
  }

  /** Decisions about one plugin run one at a time in this process, so their hooks never interleave. */
  #decide(
    tenantId: string,
    pluginId: string,
    action: string,
    decision: Decision,
    options: ActorOptions,
    settingsPatch?: TenantSettings,
  ): Promise<PluginEnablement> {
    const previous = this.#queues.get(pluginId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => this.#decideNow(tenantId, pluginId, action, decision, options, settingsPatch));
    this.#queues.set(pluginId, next);
    return next;
  }

  async #decideNow(
    tenantId: string,
    pluginId: string,
    action: string,
    decision: Decision,
    options: ActorOptions,
    settingsPatch?: TenantSettings,
  ): Promise<PluginEnablement> {
    const plugin = this.#deps.activePlugin(pluginId);
    await this.#deps.tenants.get(tenantId);
    const affected = [tenantId, ...(await this.#deps.tenants.descendants(tenantId)).map((t) => t.id)];
    const before = await this.#states(affected, pluginId);
    const inherited = await this.#inheritedSettings(tenantId, pluginId);

    const previous = await this.#deps.db.withTenant(tenantId, async (trx) => {
      const own = await this.#store.lock(trx, tenantId, pluginId);
      const settings = settingsPatch
        ? applySettingsPatch(own?.settings ?? {}, settingsPatch)
        : (own?.settings ?? {});
      const enabled = 'enabled' in decision ? decision.enabled : (own?.enabled ?? null);
      this.#validateSettings(
        plugin,
        tenantId,
        mergeSettingsLayers([...inherited, settings]),
        enabled ?? false,
      );
      await this.#store.write(trx, tenantId, {
        pluginId,
        enabled,
        settings,
        enabledVersion: enabled ? plugin.version : (own?.enabledVersion ?? null),
        firstEnabledAt: own?.firstEnabledAt ?? null,
      });
      await appendAudit(trx, tenantId, {
        ...(options.actor === undefined ? {} : { actor: options.actor }),
        action,
        subjectType: 'plugin',
        subjectId: pluginId,
        details: { enabled, settingsKeys: Object.keys(settingsPatch ?? {}) },
      });
      return own;
    });

    for (const id of affected) this.#forget(id);
    const after = await this.#states(affected, pluginId);
    try {
      await this.#runTransitions(plugin, affected, before, after);
    } catch (error) {
      await this.#restore(tenantId, pluginId, previous);
      for (const id of affected) this.#forget(id);
      throw error;
    }
    return after.get(tenantId)!;
  }

  /** Runs the enable / disable hooks (and first-time seeds) where the effective state changed. */
  async #runTransitions(
    plugin: DarchaPlugin,
    tenantIds: readonly string[],
    before: Map<string, PluginEnablement>,
    after: Map<string, PluginEnablement>,
  ): Promise<void> {
    const timeout = plugin.hookTimeoutMs ?? DEFAULT_HOOK_TIMEOUT_MS;
    for (const tenantId of tenantIds) {
      const was = before.get(tenantId)!.enabled;
      const now = after.get(tenantId)!;
      if (was === now.enabled) continue;
      const ctx = this.#deps.tenantContext(plugin, tenantId, now.settings);
      if (!now.enabled) {
        await runHook(plugin.id, 'onTenantDisable', timeout, () => plugin.onTenantDisable?.(ctx), tenantId);
        continue;
      }
      await runHook(plugin.id, 'onTenantEnable', timeout, () => plugin.onTenantEnable?.(ctx), tenantId);
      if (await this.#markFirstEnabled(tenantId, plugin)) {
        await runHook(plugin.id, 'seed', timeout, () => plugin.seed?.(ctx), tenantId);
      }
    }
  }

  /** Records the first enablement for a tenant; true if this is it (its seed should run). */
  #markFirstEnabled(tenantId: string, plugin: DarchaPlugin): Promise<boolean> {
    return this.#deps.db.withTenant(tenantId, async (trx) => {
      const own = await this.#store.lock(trx, tenantId, plugin.id);
      if (own?.firstEnabledAt) return false;
      await this.#store.write(trx, tenantId, {
        pluginId: plugin.id,
        enabled: own?.enabled ?? null,
        settings: own?.settings ?? {},
        enabledVersion: plugin.version,
        firstEnabledAt: new Date(),
      });
      return true;
    });
  }

  /** Puts the tenant's row back as it was when a hook refused the change. */
  /**
   * Puts the tenant's decision and settings back after a hook refused the change, keeping the
   * record of a seed that already ran (so it is not seeded twice), and audits the rollback.
   */
  async #restore(tenantId: string, pluginId: string, previous: TenantPluginRow | undefined): Promise<void> {
    await this.#deps.db.withTenant(tenantId, async (trx) => {
      const now = await this.#store.lock(trx, tenantId, pluginId);
      await this.#store.write(trx, tenantId, {
        pluginId,
        enabled: previous?.enabled ?? null,
        settings: previous?.settings ?? {},
        enabledVersion: previous?.enabledVersion ?? null,
        firstEnabledAt: now?.firstEnabledAt ?? previous?.firstEnabledAt ?? null,
      });
      await appendAudit(trx, tenantId, {
        action: 'plugin.rollback',
        subjectType: 'plugin',
        subjectId: pluginId,
      });
    });
  }

  #validateSettings(
    plugin: DarchaPlugin,
    tenantId: string,
    settings: TenantSettings,
    enabled: boolean,
  ): void {
    if (!plugin.tenantSettingsSchema) return;
    const validate = settingsValidator(plugin);
    // Required settings only matter once the plugin is on; partial settings may be stored before.
    if (validate(settings)) return;
    const errors = fieldErrorsFromAjv(validate.errors).filter(
      (e) => enabled || !e.message.startsWith('is required'),
    );
    if (errors.length > 0) throw pluginErrors.settingsInvalid(plugin.id, tenantId, errors);
  }

  async #states(tenantIds: readonly string[], pluginId: string): Promise<Map<string, PluginEnablement>> {
    const states = new Map<string, PluginEnablement>();
    for (const id of tenantIds) {
      states.set(
        id,
        (await this.#resolve(id)).get(pluginId) ?? {
          pluginId,
          enabled: false,
          decidedBy: null,
          settings: {},
        },
      );
    }
    return states;
  }

  async #inheritedSettings(tenantId: string, pluginId: string): Promise<TenantSettings[]> {
    const ancestors = await this.#deps.tenants.ancestors(tenantId);
    const layers: TenantSettings[] = [];
    for (const ancestor of ancestors) {
      const row = (await this.#store.rows(ancestor.id)).get(pluginId);
      if (row) layers.push(row.settings);
    }
    return layers;
  }

  /** Effective enablement of every active plugin for a tenant, cached until a decision changes it. */
  async #resolve(tenantId: string): Promise<Map<string, PluginEnablement>> {
    const cached = this.#cache.get(tenantId);
    if (cached && Date.now() - cached.at < ENABLEMENT_TTL_MS) return cached.value;
    const chain = [...(await this.#deps.tenants.ancestors(tenantId)).map((t) => t.id), tenantId];
    const rows: Map<string, TenantPluginRow>[] = [];
    for (const id of chain) rows.push(await this.#store.rows(id));
    const result = new Map<string, PluginEnablement>();
    for (const plugin of this.#deps.activePlugins()) {
      let enabled = false;
      let decidedBy: string | null = null;
      const layers: TenantSettings[] = [];
      chain.forEach((id, index) => {
        const row = rows[index]!.get(plugin.id);
        if (!row) return;
        layers.push(row.settings);
        if (row.enabled !== null) {
          enabled = row.enabled;
          decidedBy = id;
        }
      });
      result.set(plugin.id, {
        pluginId: plugin.id,
        enabled,
        decidedBy,
        settings: mergeSettingsLayers(layers),
      });
    }
    // Rebuild the tenant's container when the answer changed (another process decided, the tenant
    // moved to another region) or when none was known (a container built before enablement was read).
    if (!cached || !sameEnablement(cached.value, result)) this.#deps.tenantContainers.evict(tenantId);
    this.#cache.set(tenantId, { at: Date.now(), value: result });
    return result;
  }

  #forget(tenantId: string): void {
    this.#cache.delete(tenantId);
    this.#deps.tenantContainers.evict(tenantId);
  }

  #loadTenantModules(container: Container, tenantId: string): void {
    const enablement = this.#cache.get(tenantId)?.value;
    if (!enablement) return; // built outside container(): core bindings only
    for (const plugin of this.#deps.activePlugins()) {
      const state = enablement.get(plugin.id);
      if (!state?.enabled || !plugin.tenantModule) continue;
      plugin.tenantModule({
        pluginId: plugin.id,
        tenantId,
        config: this.#deps.configOf(plugin),
        settings: state.settings,
        bind: <T>(token: Token<T>, factory: (get: <U>(token: Token<U>) => U) => T) => {
          if (!(token.description ?? '').startsWith(`darcha.${plugin.id}/`)) {
            throw pluginErrors.tokenForbidden(plugin.id, token.description ?? '?');
          }
          container
            .bind(token)
            .toDynamicValue(() =>
              factory(<U>(t: Token<U>) => {
                if (!this.#deps.mayAccess(plugin, t))
                  throw pluginErrors.tokenForbidden(plugin.id, t.description ?? '?');
                return container.get<U>(t);
              }),
            )
            .inSingletonScope();
        },
      });
    }
  }
}
