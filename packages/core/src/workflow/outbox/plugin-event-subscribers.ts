import type { ContributionRegistry } from '../../plugins/contribution-registry.js';
import type { TenantTransaction } from '../../db/types.js';
import type { WithTenant } from '../../plugins/contributions.js';
import type { OutboxSubscriber } from './outbox-types.js';

/** How plugin handlers are matched to tenants. */
export interface PluginEventSubscriberOptions {
  /**
   * Whether the plugin is enabled for the tenant (`PluginHost.isEnabled`). When it is not, the
   * tenant's events are not handed to that plugin and count as done for it. Without this option
   * every active plugin gets every tenant's events.
   */
  isEnabled?: (tenantId: string, pluginId: string) => Promise<boolean>;
  /**
   * Transactions bound to a tenant, handed to handlers as `event.withTenant` (`db.withTenant`).
   * Without it, a handler that calls `withTenant` gets an error.
   */
  withTenant?: <T>(tenantId: string, work: (trx: TenantTransaction) => Promise<T>) => Promise<T>;
}

/** The subscriber name of a plugin's event handlers. */
export function pluginSubscriberName(pluginId: string): string {
  return `plugin:${pluginId}`;
}

/**
 * One outbox subscriber per plugin, `plugin:<id>`, that hands each event to the plugin's
 * `eventHandlers[type]` as `{ type, tenantId, payload, id }`. Handlers are looked up in `registry`
 * at each call, so a plugin that stopped or failed since is no longer called; a plugin with no
 * handler for a type does not subscribe to it. Pass the ids of the active plugins
 * (`host.active().map((p) => p.id)`), and build the list again each pass (the dispatcher's
 * `subscribers` option is a function for that).
 *
 * @example
 * subscribers: () => [
 *   ...pluginEventSubscribers(contributions, host.active().map((p) => p.id), {
 *     isEnabled: (tenantId, pluginId) => host.isEnabled(tenantId, pluginId),
 *   }),
 *   effectsSubscriber,
 * ],
 */
export function pluginEventSubscribers(
  registry: ContributionRegistry,
  pluginIds: Iterable<string>,
  options: PluginEventSubscriberOptions = {},
): OutboxSubscriber[] {
  const handlerOf = (pluginId: string, type: string) => registry.eventHandler(pluginId, type);
  return [...new Set(pluginIds)].map((pluginId) => ({
    name: pluginSubscriberName(pluginId),
    handles: (type) => handlerOf(pluginId, type) !== undefined,
    async deliver(event) {
      const handler = handlerOf(pluginId, event.type);
      if (!handler) return;
      if (options.isEnabled && !(await options.isEnabled(event.tenantId, pluginId))) return;
      const { tenantId } = event;
      const withTenant: WithTenant = (work) => {
        if (!options.withTenant) throw new Error('pluginEventSubscribers was built without withTenant');
        return options.withTenant(tenantId, work);
      };
      await handler({ type: event.type, tenantId, payload: event.payload, id: event.id, withTenant });
    },
  }));
}
