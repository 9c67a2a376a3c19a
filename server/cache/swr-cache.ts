/**
 * A small in-process cache with stale-while-revalidate and single-flight loads.
 *
 * - Fresh (younger than `ttlMs`): served from memory.
 * - Stale (younger than `ttlMs + staleMs`): served from memory at once while one background
 *   refresh runs; a failed refresh keeps the stale value (and is reported to `onRefreshError`).
 * - Missing or older: loaded; concurrent callers for the same key share one load.
 * Failed loads are not cached. At most `maxEntries` keys are kept (least recently set dropped).
 */
export interface SwrCacheOptions {
  ttlMs: number;
  staleMs: number;
  maxEntries?: number;
  /** Milliseconds; injectable for tests. Read on every call. */
  now?: () => number;
  onRefreshError?: (key: string, error: unknown) => void;
}

export interface SwrCacheStats {
  hits: number;
  staleHits: number;
  misses: number;
  loads: number;
  size: number;
}

export interface SwrCache<V> {
  get(key: string, load: () => Promise<V>): Promise<V>;
  /** The cached value, fresh or stale, without loading. */
  peek(key: string): V | undefined;
  delete(key: string): void;
  clear(): void;
  stats(): SwrCacheStats;
}

interface Entry<V> {
  value: V;
  storedAt: number;
}

export function createSwrCache<V>(options: SwrCacheOptions): SwrCache<V> {
  const now = options.now ?? (() => Date.now());
  const maxEntries = options.maxEntries ?? 1000;
  const entries = new Map<string, Entry<V>>();
  const inflight = new Map<string, Promise<V>>();
  const counts = { hits: 0, staleHits: 0, misses: 0, loads: 0 };

  const store = (key: string, value: V) => {
    entries.delete(key);
    entries.set(key, { value, storedAt: now() });
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
  };

  const load = (key: string, loader: () => Promise<V>): Promise<V> => {
    const running = inflight.get(key);
    if (running) return running;
    counts.loads++;
    const promise = (async () => {
      try {
        const value = await loader();
        store(key, value);
        return value;
      } finally {
        inflight.delete(key);
      }
    })();
    inflight.set(key, promise);
    return promise;
  };

  return {
    get(key, loader) {
      const entry = entries.get(key);
      const age = entry ? now() - entry.storedAt : Infinity;
      if (entry && age < options.ttlMs) {
        counts.hits++;
        return Promise.resolve(entry.value);
      }
      if (entry && age < options.ttlMs + options.staleMs) {
        counts.staleHits++;
        load(key, loader).catch((error: unknown) => options.onRefreshError?.(key, error));
        return Promise.resolve(entry.value);
      }
      counts.misses++;
      return load(key, loader);
    },
    peek(key) {
      const entry = entries.get(key);
      if (!entry || now() - entry.storedAt >= options.ttlMs + options.staleMs) return undefined;
      return entry.value;
    },
    delete(key) {
      entries.delete(key);
    },
    clear() {
      entries.clear();
    },
    stats() {
      return { ...counts, size: entries.size };
    },
  };
}
