import type { KeyValueStore, Logger } from "../deps.ts";
import type { ProxyEnv } from "../env.ts";
import { createMemoryStore } from "./memory-store.ts";
import { createRedisStore } from "./redis-store.ts";

/** Redis when REDIS_URL is set (several instances agree), otherwise memory. */
export async function createStore(
  env: Pick<ProxyEnv, "REDIS_URL" | "sandboxMode" | "SINGLE_INSTANCE">,
  logger: Logger,
): Promise<KeyValueStore> {
  if (!env.REDIS_URL) {
    // Production gets here only with SINGLE_INSTANCE=1 (server/env.ts refuses it otherwise).
    if (env.sandboxMode || env.SINGLE_INSTANCE) logger.info("store: memory (one instance)");
    else
      logger.warn(
        "store: memory — idempotency keys, rate limits and used launch tokens are per process; " +
          "run a single instance or set REDIS_URL",
      );
    return createMemoryStore();
  }
  const store = await createRedisStore(env.REDIS_URL, {
    onError: (error) => logger.error("store: redis error", { err: error.message }),
  });
  logger.info("store: redis");
  return store;
}
