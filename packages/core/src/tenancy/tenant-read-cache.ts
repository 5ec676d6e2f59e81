import { READ_CACHE_TTL_MS, ReadCache, type Cached } from '../cache/read-cache.js';
import type { Tenant, TenantSettings } from './types.js';

/**
 * How long a process trusts what it read of a tenant (its status, settings, parent, ancestors) and of
 * a custom domain: 5 s. A change made through this process's registry applies at once; one made by
 * another process (a second server, the CLI) within this time, as for plugin enablement.
 */
export const TENANT_CACHE_TTL_MS = READ_CACHE_TTL_MS;

type Entry = Tenant | Tenant[] | TenantSettings | string | undefined;

/**
 * The tenant registry's read cache: tenants by id, their ancestor chains, their effective
 * settings and tenants by custom domain, each entry for {@link TENANT_CACHE_TTL_MS}, all emptied by any write through the registry
 * (a tenant's move or rename changes its descendants' chains too).
 */
export class TenantReadCache {
  readonly #cache = new ReadCache<Entry>({ max: 30_000, ttlMs: TENANT_CACHE_TTL_MS });

  /** Changes on every write: pass the value read before a lookup to the setter. */
  get generation(): number {
    return this.#cache.generation;
  }

  tenant(id: string): Cached<Tenant | undefined> | undefined {
    return this.#cache.peek(`tenant:${id}`) as Cached<Tenant | undefined> | undefined;
  }

  setTenant(id: string, tenant: Tenant | undefined, generation: number): void {
    this.#cache.set(`tenant:${id}`, tenant, generation);
  }

  /** The tenant's ancestors, root first (read through `load` when not cached). */
  ancestors(id: string, load: () => Promise<Tenant[]>): Promise<Tenant[]> {
    return this.#cache.read(`ancestors:${id}`, load) as Promise<Tenant[]>;
  }

  /** The tenant's settings merged with its ancestors' (read through `load` when not cached). */
  settings(id: string, load: () => Promise<TenantSettings>): Promise<TenantSettings> {
    return this.#cache.read(`settings:${id}`, load) as Promise<TenantSettings>;
  }

  domain(host: string): Cached<string | undefined> | undefined {
    return this.#cache.peek(`domain:${host}`) as Cached<string | undefined> | undefined;
  }

  setDomain(host: string, tenantId: string | undefined, generation: number): void {
    this.#cache.set(`domain:${host}`, tenantId, generation);
  }

  /** Empties the cache around a write (before and after it settles, whatever its outcome). */
  afterWrite<T>(write: Promise<T>): Promise<T> {
    return this.#cache.afterWrite(write);
  }
}
