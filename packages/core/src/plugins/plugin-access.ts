import type { Container } from 'inversify';
import type { Token } from '../di/tokens.js';
import type { ExtensionPoint } from './extension-point.js';
import { pluginErrors } from './plugin.errors.js';
import type { DarchaPlugin } from './types.js';

/**
 * Who may reach what: a plugin reaches core's public tokens (those listed as visible to plugins),
 * its own tokens (`createToken('<plugin-id>/...')`) and those of the plugins it declares in
 * `dependsOn` — nothing else. The same rule holds for extension points.
 */
export class PluginAccess {
  readonly #publicCoreTokens: ReadonlySet<symbol>;

  constructor(publicCoreTokens: Iterable<symbol>) {
    this.#publicCoreTokens = new Set(publicCoreTokens);
  }

  /** `container.get(token)` on behalf of `plugin`, refused with `DARCHA_PLUGIN_TOKEN_FORBIDDEN` when not allowed. */
  get<T>(plugin: DarchaPlugin, container: Container, token: Token<T>): T {
    if (!this.may(plugin, token)) throw pluginErrors.tokenForbidden(plugin.id, tokenName(token));
    return container.get<T>(token);
  }

  may(plugin: DarchaPlugin, token: symbol): boolean {
    if (this.#publicCoreTokens.has(token)) return true;
    const owner = ownerOf(tokenName(token));
    return (
      owner !== undefined && (owner === plugin.id || (plugin.dependsOn ?? []).some((d) => d.id === owner))
    );
  }
}

/** Extension points opened during `register`, and who may use them. */
export class ExtensionPoints {
  readonly #implementations = new Map<string, { owner: string; implementation: unknown }>();

  provide<T>(plugin: DarchaPlugin, point: ExtensionPoint<T>, implementation: T): void {
    if (ownerOf(point.id) !== plugin.id) {
      throw pluginErrors.extensionPoint(plugin.id, point.id, `only "${ownerOf(point.id)}" may open it`);
    }
    if (this.#implementations.has(point.id))
      throw pluginErrors.extensionPoint(plugin.id, point.id, 'it is already open');
    this.#implementations.set(point.id, { owner: plugin.id, implementation });
  }

  get<T>(plugin: DarchaPlugin, point: ExtensionPoint<T>): T {
    const owner = ownerOf(point.id);
    if (owner !== plugin.id && !(plugin.dependsOn ?? []).some((d) => d.id === owner)) {
      throw pluginErrors.extensionPoint(plugin.id, point.id, `add "${owner}" to dependsOn`);
    }
    const entry = this.#implementations.get(point.id);
    if (!entry)
      throw pluginErrors.extensionPoint(
        plugin.id,
        point.id,
        `"${owner}" has not opened it (is it installed and active?)`,
      );
    return entry.implementation as T;
  }

  /** Forgets the points a failed plugin opened. */
  removeOwner(pluginId: string): void {
    for (const [id, entry] of this.#implementations)
      if (entry.owner === pluginId) this.#implementations.delete(id);
  }
}

function tokenName(token: symbol): string {
  return (token.description ?? '').replace(/^darcha\./, '');
}

function ownerOf(name: string): string | undefined {
  const slash = name.indexOf('/');
  return slash > 0 ? name.slice(0, slash) : undefined;
}
