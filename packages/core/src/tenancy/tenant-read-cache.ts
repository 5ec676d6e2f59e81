import { LRUCache } from 'lru-cache';
import type { Tenant } from './types.js';

/**
 * How long a process trusts what it read of a tenant (its status, settings, parent) and of a custom
 * domain: 5 s. A change made through this process's registry applies at once; one made by another
 * process (a second server, the CLI) within this time, as for plugin enablement.
 */
export const TENANT_CACHE_TTL_MS = 5_000;

/** A cached answer, so that "no such tenant / domain" is cached too. */
interface Cached<T> {
  value: T;
}

/**
 * The tenant registry's read cache: tenants by id and tenants by custom domain, each entry for
 * {@link TENANT_CACHE_TTL_MS}. Every write through the registry empties it, and a read that began
 * before a write is not cached (the generation check), so a stale row is never stored after a change.
 */
export class TenantReadCache {
  readonly #tenants = new LRUCache<string, Cached<Tenant | undefined>>({
    max: 10_000,
    ttl: TENANT_CACHE_TTL_MS,
  });
  readonly #domains = new LRUCache<string, Cached<string | undefined>>({
    max: 10_000,
    ttl: TENANT_CACHE_TTL_MS,
  });
  #generation = 0;

  /** Changes on every write: pass the value read before a lookup to the setter. */
  get generation(): number {
    return this.#generation;
  }

  tenant(id: string): Cached<Tenant | undefined> | undefined {
    return this.#tenants.get(id);
  }

  setTenant(id: string, tenant: Tenant | undefined, generation: number): void {
    if (generation === this.#generation) this.#tenants.set(id, { value: tenant });
  }

  domain(host: string): Cached<string | undefined> | undefined {
    return this.#domains.get(host);
  }

  setDomain(host: string, tenantId: string | undefined, generation: number): void {
    if (generation === this.#generation) this.#domains.set(host, { value: tenantId });
  }

  /** Empties the cache around a write (before and after it settles, whatever its outcome). */
  async afterWrite<T>(write: Promise<T>): Promise<T> {
    this.#clear();
    try {
      return await write;
    } finally {
      this.#clear();
    }
  }

  #clear(): void {
    this.#generation++;
    this.#tenants.clear();
    this.#domains.clear();
  }
}
