import type { Locale } from '../i18n/locales.js';
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
  WorkflowDefinitionData,
} from './contributions.js';
import type { DarchaPlugin } from './types.js';

/**
 * Everything active plugins contribute besides services, by kind, for the modules that read it:
 * the workflow engine (workflows, guards, effects), documents (templates, helpers), the server
 * (routes), the admin UI (pages, widgets), notifications, payments and the outbox (event handlers).
 * A plugin's contributions are added when it becomes active and removed if it fails or stops.
 */
export class ContributionRegistry {
  readonly #byPlugin = new Map<string, DarchaPlugin>();

  add(plugin: DarchaPlugin): void {
    this.#byPlugin.set(plugin.id, plugin);
  }

  remove(pluginId: string): void {
    this.#byPlugin.delete(pluginId);
  }

  /** Workflow definitions of active plugins. */
  workflows(): WorkflowDefinitionData[] {
    return this.#all((p) => p.workflows ?? []);
  }

  /** A guard by its full name `<plugin-id>/<name>`. */
  guard(name: string): GuardFunction | undefined {
    return this.#named(name, (p) => p.guards);
  }

  /** An effect by its full name `<plugin-id>/<name>`. */
  effect(name: string): EffectFunction | undefined {
    return this.#named(name, (p) => p.effects);
  }

  /** Template source by key and locale. */
  template(key: string, locale: Locale): string | undefined {
    for (const plugin of this.#byPlugin.values()) {
      const source = plugin.templates?.[key]?.[locale];
      if (source !== undefined) return source;
    }
    return undefined;
  }

  helpers(): Map<string, TemplateHelper> {
    return new Map(this.#all((p) => Object.entries(p.helpers ?? {})));
  }

  /** A translated message of a plugin, falling back to the plugin's English text. */
  translate(pluginId: string, key: string, locale: Locale): string | undefined {
    const translations = this.#byPlugin.get(pluginId)?.translations;
    return translations?.[locale]?.[key] ?? translations?.en?.[key];
  }

  routes(): { pluginId: string; route: PluginRoute }[] {
    return this.#all((p) => (p.routes ?? []).map((route) => ({ pluginId: p.id, route })));
  }

  adminPages(): { pluginId: string; page: AdminPage }[] {
    return this.#all((p) => (p.adminPages ?? []).map((page) => ({ pluginId: p.id, page })));
  }

  widgets(): { pluginId: string; widget: DashboardWidget }[] {
    return this.#all((p) => (p.widgets ?? []).map((widget) => ({ pluginId: p.id, widget })));
  }

  notificationChannels(): NotificationChannel[] {
    return this.#all((p) => p.notificationChannels ?? []);
  }

  paymentProviders(): PaymentProvider[] {
    return this.#all((p) => p.paymentProviders ?? []);
  }

  /** One active plugin's handler of an event type (looked up without listing every plugin's). */
  eventHandler(pluginId: string, type: string): EventHandler | undefined {
    const handlers = this.#byPlugin.get(pluginId)?.eventHandlers;
    return handlers && Object.hasOwn(handlers, type) ? handlers[type] : undefined;
  }

  /** Handlers of one event type, with the plugin each belongs to. */
  eventHandlers(type: string): { pluginId: string; handler: EventHandler }[] {
    return this.#all((p) => {
      const handler = p.eventHandlers?.[type];
      return handler ? [{ pluginId: p.id, handler }] : [];
    });
  }

  #all<T>(pick: (plugin: DarchaPlugin) => Iterable<T>): T[] {
    return [...this.#byPlugin.values()].flatMap((plugin) => [...pick(plugin)]);
  }

  #named<T>(name: string, pick: (plugin: DarchaPlugin) => Record<string, T> | undefined): T | undefined {
    const slash = name.indexOf('/');
    if (slash < 0) return undefined;
    const plugin = this.#byPlugin.get(name.slice(0, slash));
    return plugin ? pick(plugin)?.[name.slice(slash + 1)] : undefined;
  }
}
