import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createApp } from "./app.ts";
import { DEV_LAUNCH_SECRET, readProxyEnv, type ProxyEnv } from "./env.ts";
import { createLogger } from "./log.ts";
import { createPriceHub } from "./prices/price-hub.ts";
import { createStore } from "./store/create-store.ts";
import { createUpstream } from "./upstream/client.ts";

/** In-flight requests get this long to finish after SIGTERM/SIGINT. */
const DRAIN_MS = 10_000;

let env: ProxyEnv;
try {
  env = readProxyEnv();
} catch (error) {
  // One message listing every bad variable (see readProxyEnv); no stack trace.
  console.error(`[proxy] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const logger = createLogger(env);
const store = await createStore(env, logger);
const upstream = createUpstream({ env, logger });
const prices = createPriceHub({ env, logger, upstream });
const app = createApp({ env, upstream, store, logger, prices, now: () => Date.now() });

const server = serve(
  { fetch: app.fetch, port: env.PORT, hostname: env.HOST },
  (info: AddressInfo) => {
    // HOST: loopback by default in development/sandbox mode (server/env.ts).
    const host = ["0.0.0.0", "::"].includes(info.address) ? "127.0.0.1" : info.address;
    const base = env.PUBLIC_URL
      ? env.shopOrigin
      : `http://${host.includes(":") ? `[${host}]` : host}:${String(info.port)}`;
    logger.info("listening", {
      host: info.address,
      port: info.port,
      upstream: env.MINTED_API_URL,
      sandbox: env.sandboxMode,
    });
    console.log(`[proxy] Minted Shop on ${base}`);
    if (env.sandboxMode && env.LAUNCH_SECRET === DEV_LAUNCH_SECRET)
      console.log(`[proxy] Dev launch: ${base}/dev/launch?customer=DEMO-IND-001`);
  },
);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  logger.info("shutting down", { signal });
  const force = setTimeout(() => {
    logger.warn("shutdown: drain timed out; closing open connections");
    if ("closeAllConnections" in server) server.closeAllConnections();
  }, DRAIN_MS);
  force.unref();
  // Stop accepting; idle keep-alive sockets go now, busy ones after their response.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ("closeIdleConnections" in server) server.closeIdleConnections();
  // The price hub first: its SSE streams never end on their own.
  await prices
    .close()
    .catch((error: unknown) => logger.error("price hub close failed", { err: error }));
  await closed;
  clearTimeout(force);
  await upstream
    .close()
    .catch((error: unknown) => logger.error("upstream close failed", { err: error }));
  await store.close().catch((error: unknown) => logger.error("store close failed", { err: error }));
  logger.info("stopped");
  process.exit(0);
}
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.on(signal, () => void shutdown(signal));
