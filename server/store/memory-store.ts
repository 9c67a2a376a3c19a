import type { KeyValueStore } from "../deps.ts";

interface Entry {
  value: string;
  /** Milliseconds since the epoch. */
  expiresAt: number;
}

/**
 * The in-process store: enough for one proxy instance. Expired keys are dropped when read and by
 * a periodic sweep (unref'd, so it never keeps the process alive).
 */
export function createMemoryStore(
  options: { now?: () => number; sweepIntervalMs?: number } = {},
): KeyValueStore {
  const now = options.now ?? (() => Date.now());
  const entries = new Map<string, Entry>();
  const streams = new Map<string, Record<string, string>[]>();

  const live = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const put = (key: string, value: string, ttlSeconds: number) => {
    entries.set(key, { value, expiresAt: now() + Math.max(0, ttlSeconds) * 1000 });
  };

  const sweep = setInterval(() => {
    const t = now();
    for (const [key, entry] of entries) if (entry.expiresAt <= t) entries.delete(key);
  }, options.sweepIntervalMs ?? 30_000);
  sweep.unref();

  return {
    get: (key) => Promise.resolve(live(key)?.value ?? null),
    set: (key, value, ttlSeconds) => {
      put(key, value, ttlSeconds);
      return Promise.resolve();
    },
    setIfAbsent: (key, value, ttlSeconds) => {
      if (live(key)) return Promise.resolve(false);
      put(key, value, ttlSeconds);
      return Promise.resolve(true);
    },
    increment: (key, ttlSeconds) => {
      const entry = live(key);
      if (!entry) {
        put(key, "1", ttlSeconds);
        return Promise.resolve(1);
      }
      // The TTL is set when the counter is created, never extended (fixed windows).
      const next = (Number.parseInt(entry.value, 10) || 0) + 1;
      entry.value = String(next);
      return Promise.resolve(next);
    },
    delete: (key) => {
      entries.delete(key);
      return Promise.resolve();
    },
    append: (stream, fields, maxLength) => {
      const list = streams.get(stream) ?? [];
      list.push({ ...fields });
      // Bounded like Redis' MAXLEN: the oldest entries go first.
      if (list.length > maxLength) list.splice(0, list.length - maxLength);
      streams.set(stream, list);
      return Promise.resolve();
    },
    readStream: (stream) => Promise.resolve((streams.get(stream) ?? []).map((f) => ({ ...f }))),
    close: () => {
      clearInterval(sweep);
      entries.clear();
      streams.clear();
      return Promise.resolve();
    },
  };
}
