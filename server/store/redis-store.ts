import { createClient } from "redis";
import type { KeyValueStore } from "../deps.ts";
import { storeCall } from "./store-error.ts";

/**
 * The shared store for several proxy instances (idempotency records, rate-limit counters, used
 * launch-token ids). node-redis v5; needs Redis ≥ 7.0 for `EXPIRE … NX`. Every command that
 * fails (Redis down, disconnected) throws StoreUnavailableError → 503 `store_unavailable`.
 */
export async function createRedisStore(
  url: string,
  options: { keyPrefix?: string; onError?: (error: Error) => void } = {},
): Promise<KeyValueStore> {
  const prefix = options.keyPrefix ?? "minted-shop:";
  let connected = false;
  const client = createClient({
    url,
    // Commands fail at once while disconnected (503 store_unavailable) instead of
    // queueing behind a reconnect.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2000,
      // At start-up, give up after three attempts (the proxy exits with a clear error); once
      // connected, keep reconnecting.
      reconnectStrategy: (retries: number, cause: Error) =>
        connected ? Math.min(retries * 100, 2000) : retries >= 2 ? cause : 200,
    },
  });
  // Without a listener node-redis throws on connection errors; the caller decides how to log.
  client.on("error", (error: unknown) => {
    options.onError?.(error instanceof Error ? error : new Error(String(error)));
  });
  await client.connect();
  connected = true;
  const k = (key: string) => prefix + key;
  const seconds = (ttl: number) => Math.max(1, Math.ceil(ttl));

  return {
    get: (key) =>
      storeCall("get", async () => {
        const value = await client.get(k(key));
        return typeof value === "string" ? value : null;
      }),
    set: (key, value, ttlSeconds) =>
      storeCall("set", async () => {
        await client.set(k(key), value, {
          expiration: { type: "EX", value: seconds(ttlSeconds) },
        });
      }),
    setIfAbsent: (key, value, ttlSeconds) =>
      storeCall("setIfAbsent", async () => {
        const reply = await client.set(k(key), value, {
          condition: "NX",
          expiration: { type: "EX", value: seconds(ttlSeconds) },
        });
        return reply === "OK";
      }),
    increment: (key, ttlSeconds) =>
      storeCall("increment", async () => {
        // One round trip; the TTL is set only when the counter is created (fixed windows).
        const [count] = await client
          .multi()
          .incr(k(key))
          .expire(k(key), seconds(ttlSeconds), "NX")
          .exec();
        if (typeof count !== "number") throw new Error("redis: INCR did not answer a number");
        return count;
      }),
    delete: (key) =>
      storeCall("delete", async () => {
        await client.del(k(key));
      }),
    append: (stream, fields, maxLength) =>
      storeCall("append", async () => {
        await client.xAdd(k(stream), "*", fields, {
          TRIM: { strategy: "MAXLEN", strategyModifier: "~", threshold: maxLength },
        });
      }),
    readStream: (stream) =>
      storeCall("readStream", async () => {
        const entries = await client.xRange(k(stream), "-", "+");
        return entries.map((entry) => ({ ...entry.message }));
      }),
    close: async () => {
      if (client.isOpen) await client.close();
    },
  };
}
