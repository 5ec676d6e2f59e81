import { LRUCache } from 'lru-cache';

/**
 * How long a process trusts what it read of rarely changing rows (tenants, custom domains, catalogs,
 * API keys, sessions): 5 s. A change made through this process applies at once; one made by another
 * process (a second server, the CLI) within this time.
 */
export const READ_CACHE_TTL_MS = 5_000;

/** A cached answer, so that "there is none" can be cached too. */
export interface Cached<V> {
  value: V;
}

export interface ReadCacheOptions {
  /** Most entries kept (least recently used go first); default 10,000. */
  max?: number;
  /** Milliseconds an entry is trusted; default {@link READ_CACHE_TTL_MS}. */
  ttlMs?: number;
  /** Milliseconds now, for the entries' age (default: the monotonic clock); a test's clock ages them too. */
  now?: () => number;
}

/**
 * A process-local read cache in front of the database, for rows read on every request and changed
 * rarely. Every write through the owner empties it ({@link ReadCache.afterWrite}), and a read that
 * began before a write is not stored (the generation check), so a row read before a change is
 * never kept after it. A hit skips the database, so a cached read called inside an open transaction
 * succeeds on a hit and fails with `DARCHA_DB_NESTED_TRANSACTION` on a miss: pass `trx` down instead.
 */
export class ReadCache<V> {
  readonly #entries: LRUCache<string, Cached<V>>;
  #generation = 0;

  constructor(options: ReadCacheOptions = {}) {
    const now = options.now;
    this.#entries = new LRUCache({
      max: options.max ?? 10_000,
      ttl: options.ttlMs ?? READ_CACHE_TTL_MS,
      // A given clock is asked every time (lru-cache otherwise reuses a reading for 1 ms).
      ...(now ? { perf: { now }, ttlResolution: 0 } : {}),
    });
  }

  /** Changes on every write: pass the value read before a lookup to {@link ReadCache.set}. */
  get generation(): number {
    return this.#generation;
  }

  peek(key: string): Cached<V> | undefined {
    return this.#entries.get(key);
  }

  /** Stores `value` unless a write happened since `generation` was read. */
  set(key: string, value: V, generation: number): void {
    if (generation === this.#generation) this.#entries.set(key, { value });
  }

  /**
   * The cached value of `key`, or what `load` reads (stored when `keep` allows it: callers leave
   * out answers that anyone could make up, such as unknown API keys, so they cannot crowd out the rest).
   */
  async read(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    const cached = this.#entries.get(key);
    if (cached) return cached.value;
    const generation = this.#generation;
    const value = await load();
    if (keep(value)) this.set(key, value, generation);
    return value;
  }

  /** Forgets one entry (and any read of it in flight). */
  forget(key: string): void {
    this.#generation++;
    this.#entries.delete(key);
  }

  /** Empties the cache around a write (before and after it settles, whatever its outcome). */
  async afterWrite<T>(write: Promise<T>): Promise<T> {
    this.clear();
    try {
      return await write;
    } finally {
      this.clear();
    }
  }

  clear(): void {
    this.#generation++;
    this.#entries.clear();
  }
}
