import { Container } from 'inversify';
import { assertTenantId } from '../tenancy/tenant-id.js';
import type { Database } from '../db/database.js';
import { TOKENS, type TenantDatabase, type Token } from './tokens.js';

/** Adds tenant-scoped bindings to a tenant's container (plugins contribute these). */
export type TenantModule = (container: Container, tenantId: string) => void;

/**
 * One cached child container per active tenant, whose parent is the root container. Each holds the
 * tenant's id and the tenant-scoped bindings of every module registered here. `evict` drops a
 * tenant's container (it is rebuilt on next use), e.g. when a plugin is enabled or disabled for it.
 */
export class TenantContainers {
  readonly #root: Container;
  readonly #modules: TenantModule[] = [];
  readonly #cache = new Map<string, Container>();

  constructor(root: Container) {
    this.#root = root;
  }

  /** Registers tenant-scoped bindings for every tenant; evicts all cached containers. */
  addModule(module: TenantModule): void {
    this.#modules.push(module);
    this.#cache.clear();
  }

  /** The tenant's container, built on first use and cached. */
  get(tenantId: string): Container {
    assertTenantId(tenantId);
    let container = this.#cache.get(tenantId);
    if (!container) {
      container = new Container({ parent: this.#root });
      container.bind(TOKENS.TenantId).toConstantValue(tenantId);
      if (this.#root.isBound(TOKENS.Database)) {
        const db = this.#root.get<Database>(TOKENS.Database);
        container.bind(TOKENS.TenantDatabase).toConstantValue({
          tenantId,
          withTenant: (work) => db.withTenant(tenantId, work),
        } satisfies TenantDatabase);
      }
      for (const module of this.#modules) module(container, tenantId);
      this.#cache.set(tenantId, container);
    }
    return container;
  }

  /** Drops the tenant's cached container; the next `get` builds a fresh one. */
  evict(tenantId: string): void {
    this.#cache.delete(tenantId);
  }

  /** Drops and immediately rebuilds the tenant's container. */
  rebuild(tenantId: string): Container {
    this.evict(tenantId);
    return this.get(tenantId);
  }

  /** How many tenant containers are cached. */
  get size(): number {
    return this.#cache.size;
  }
}

/** `container.get` for a typed token. */
export function resolve<T>(container: Container, token: Token<T>): T {
  return container.get<T>(token);
}
