import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, problemResponse } from "../problem.ts";
import { clientAddress } from "./trust-proxy.ts";

const WINDOW_SECONDS = 60;
const SKIP = new Set(["/api/health"]);

/**
 * Fixed one-minute windows in the store (memory, or Redis so that every instance counts
 * together): per session (RATE_LIMIT_PER_MINUTE) and per client IP (RATE_LIMIT_IP_PER_MINUTE).
 * Over either → 429 `rate_limited` with `Retry-After`. The client's address is `clientAddress`
 * (TRUST_PROXY decides whether X-Forwarded-For counts). If the store fails, the request fails
 * closed with 503 `store_unavailable`: without the store nothing else (sessions, launches,
 * idempotency) can be trusted either.
 */
export function rateLimit(deps: Pick<AppDeps, "env" | "store" | "now">): MiddlewareHandler<AppEnv> {
  const { env, store } = deps;
  return async (c, next) => {
    if (SKIP.has(c.req.path)) return next();
    const nowSeconds = deps.now() / 1000;
    const window = Math.floor(nowSeconds / WINDOW_SECONDS);
    const ttl = WINDOW_SECONDS + 5;
    const session = c.get("session");
    let counts: [number, number];
    try {
      counts = await Promise.all([
        store.increment(`rl:ip:${clientAddress(c, env.TRUST_PROXY)}:${String(window)}`, ttl),
        session
          ? store.increment(`rl:sid:${session.sid}:${String(window)}`, ttl)
          : Promise.resolve(0),
      ]);
    } catch (error) {
      c.get("logger").error("rate limit store failed", {
        err: error instanceof Error ? error.message : String(error),
      });
      return problemResponse(c, new ApiError("store_unavailable"));
    }
    const [ip, sid] = counts;
    if (ip > env.RATE_LIMIT_IP_PER_MINUTE || sid > env.RATE_LIMIT_PER_MINUTE) {
      const retryAfter = Math.max(1, Math.ceil((window + 1) * WINDOW_SECONDS - nowSeconds));
      c.get("logger").warn("rate limited", {
        by: sid > env.RATE_LIMIT_PER_MINUTE ? "session" : "ip",
      });
      const res = problemResponse(
        c,
        new ApiError("rate_limited", { extra: { retry_after: retryAfter } }),
      );
      res.headers.set("Retry-After", String(retryAfter));
      return res;
    }
    return next();
  };
}
