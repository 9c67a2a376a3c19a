import type { Currency } from "../contract/common.ts";
import type { ProxyEnv } from "./env.ts";
import type { Lang } from "./problem.ts";
import type { Upstream } from "./upstream/types.ts";

/** What a session cookie carries (encrypted). Small on purpose: it travels on every request. */
export interface Session {
  /** Random session id (rate limits, idempotency scoping, logs). */
  sid: string;
  /** How the session began. */
  kind: "launch" | "guest";
  /** Upstream external customer id. Null for a guest until the identity form binds one. */
  customer: string | null;
  locale: Lang;
  currency: Currency;
  /** Partner theme from the launch token (CSS variable values), if any. */
  theme: Record<string, string> | null;
  /** A guest's basket before a customer exists: SKU → quantity. */
  guestBasket: { sku: string; qty: number }[];
  /** Unix seconds. */
  exp: number;
}

/** Small key–value store with TTLs: memory by default, Redis when REDIS_URL is set. */
export interface KeyValueStore {
  get(key: string): Promise<string | null>;
  set(key: string, value: string, ttlSeconds: number): Promise<void>;
  /** Sets only if the key is absent; true when this call set it. */
  setIfAbsent(key: string, value: string, ttlSeconds: number): Promise<boolean>;
  /** Increments a counter, creating it with the TTL; returns the new value. */
  increment(key: string, ttlSeconds: number): Promise<number>;
  delete(key: string): Promise<void>;
  /**
   * Appends an entry to an append-only stream (Redis: XADD … MAXLEN ~), keeping about the
   * newest `maxLength` entries.
   */
  append(stream: string, fields: Record<string, string>, maxLength: number): Promise<void>;
  /** The stream's entries, oldest first (Redis: XRANGE - +); for operators and tests. */
  readStream(stream: string): Promise<Record<string, string>[]>;
  close(): Promise<void>;
}

export type LogFields = Record<string, unknown>;

/** JSON lines. Never pass tokens, cookies, Authorization headers or identity numbers. */
export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  child(fields: LogFields): Logger;
}

export interface AppDeps {
  env: ProxyEnv;
  upstream: Upstream;
  store: KeyValueStore;
  logger: Logger;
  prices: PriceHub;
  /** Milliseconds; injectable for tests. */
  now: () => number;
}

/** Hono variables set by the proxy's middleware. */
export interface AppVariables {
  requestId: string;
  /** The answer's language, from Accept-Language (server/problem.ts `langOf`). */
  lang: Lang;
  logger: Logger;
  /** Null when the request carries no valid session cookie. */
  session: Session | null;
  /** Set by route handlers that change the session; the session middleware re-issues the cookie. */
  sessionChanged: boolean;
}

export interface AppEnv {
  Variables: AppVariables;
}

/** One upstream price source fanned out to every SSE client (server/prices/). */
export interface PriceHub {
  /** Latest quotes (fetched on demand when nobody is subscribed). */
  snapshot(): Promise<unknown>;
  /** Called with every new snapshot; returns the unsubscribe function. */
  subscribe(listener: (snapshot: unknown) => void): () => void;
  stats(): { subscribers: number; upstreamPolls: number };
  close(): Promise<void>;
}
