import type { Hono } from "hono";
import { startTestSandbox } from "../sandbox/test-support.ts";
import type { RunningSandbox } from "../sandbox/server.ts";
import { createApp } from "./app.ts";
import type { AppDeps, AppEnv, Session } from "./deps.ts";
import { proxyEnvSchema, type ProxyEnv } from "./env.ts";
import { createLogger } from "./log.ts";
import { createPriceHub } from "./prices/price-hub.ts";
import { encodeSessionCookie } from "./session/cookie.ts";
import { sessionRecords } from "./session/records.ts";
import { createMemoryStore } from "./store/memory-store.ts";
import { createUpstream } from "./upstream/client.ts";

export interface TestProxy {
  sandbox: RunningSandbox;
  app: Hono<AppEnv>;
  deps: AppDeps;
  /** `Cookie` header value for a (recorded) session bound to `customer` (null: a guest). */
  cookieFor(
    customer: string | null,
    overrides?: Partial<Session>,
    /** Where the session is recorded (default: this proxy's store and clock). */
    recordIn?: Pick<AppDeps, "store" | "now" | "env">,
  ): Promise<string>;
  /** Headers for a same-origin JSON mutation with a session. */
  headers(customer: string | null, extra?: Record<string, string>): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export const TEST_ORIGIN = "http://shop.test";

/** The invoice seller production requires (INVOICE_SELLER_*), for tests that start in production. */
export const TEST_INVOICE_SELLER = {
  INVOICE_SELLER_NAME: "Örnek Banka Kıymetli Madenler A.Ş.",
  INVOICE_SELLER_TAX_OFFICE: "Boğaziçi Kurumlar",
  INVOICE_SELLER_TAX_NUMBER: "4610427530",
  INVOICE_SELLER_ADDRESS: "Büyükdere Cad. No: 1, 34330 Beşiktaş / İstanbul",
};

/**
 * Everything production requires (server/env.ts), with secrets of no one's: for tests that start
 * in production. The upstream stays the test's own (http, hence ALLOW_HTTP_UPSTREAM).
 */
export const TEST_PRODUCTION_ENV = {
  NODE_ENV: "production",
  SESSION_SECRET: "test-only session key 7Gq2vN9xLr4T",
  LAUNCH_SECRET: "test-only launch key Hc8Wm3Zp5Ke1Y",
  MINTED_USERNAME: "test-partner",
  MINTED_PASSWORD: "test-partner password 4Rt8",
  ALLOW_HTTP_UPSTREAM: "1",
  PUBLIC_URL: "https://shop.test",
  SINGLE_INSTANCE: "1",
  ...TEST_INVOICE_SELLER,
};

/**
 * The proxy in-process (app.request) against a real sandbox over a socket: the upstream client
 * really speaks Digest to it. Pass `fetch` to observe or break upstream traffic.
 */
export async function startTestProxy(
  options: {
    env?: Record<string, string>;
    fetch?: typeof fetch;
    /** Receives every log line (LOG_LEVEL from `env`; "silent" by default). */
    logWrite?: (line: string) => void;
    /** The proxy's clock (default: the real one). */
    now?: () => number;
  } = {},
): Promise<TestProxy> {
  const sandbox = await startTestSandbox();
  const env: ProxyEnv = proxyEnvSchema.parse({
    NODE_ENV: "test",
    MINTED_API_URL: sandbox.url,
    PUBLIC_URL: TEST_ORIGIN,
    LOG_LEVEL: "silent",
    DIST_DIR: "does-not-exist",
    ...options.env,
  });
  const logger = createLogger(env, options.logWrite ? { write: options.logWrite } : {});
  const upstream = createUpstream({
    env,
    logger,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  const deps: AppDeps = {
    env,
    upstream,
    store: createMemoryStore(),
    logger,
    prices: createPriceHub({ env, logger, upstream }),
    now: options.now ?? (() => Date.now()),
  };
  const app = createApp(deps);
  const cookieFor = async (
    customer: string | null,
    overrides: Partial<Session> = {},
    recordIn: Pick<AppDeps, "store" | "now" | "env"> = deps,
  ) => {
    const session: Session = {
      sid: crypto.randomUUID(),
      kind: customer ? "launch" : "guest",
      customer,
      locale: "tr",
      currency: "TRY",
      theme: null,
      guestBasket: [],
      exp: Math.floor(Date.now() / 1000) + 3600,
      ...overrides,
    };
    // As a launch would leave it: the cookie and the session's record in the store.
    await sessionRecords(recordIn).saved(session, null);
    return encodeSessionCookie(session, env);
  };
  return {
    sandbox,
    app,
    deps,
    cookieFor,
    headers: async (customer, extra = {}) => ({
      cookie: await cookieFor(customer),
      origin: TEST_ORIGIN,
      "content-type": "application/json",
      ...extra,
    }),
    close: async () => {
      await deps.prices.close();
      await upstream.close();
      await deps.store.close();
      await sandbox.close();
    },
  };
}
