import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, problemResponse } from "../problem.ts";

const WINDOW_SECONDS = 60;
const SKIP = new Set(["/api/health"]);

/**
 * The client's address. From the socket; or, only when PUBLIC_URL is set (we are deployed behind
 * a load balancer), from `X-Forwarded-For`. We take its LAST hop — the address our trusted load
 * balancer appended — because every earlier entry is whatever the client chose to send. Deploy
 * the proxy only behind a load balancer that sets or appends X-Forwarded-For, never directly on
 * the internet with PUBLIC_URL set, or clients could pick their own rate-limit bucket.
 */
export function clientIp(c: Context, trustForwarded: boolean): string {
  if (trustForwarded) {
    const hops = (c.req.header("x-forwarded-for") ?? "")
      .split(",")
      .map((hop) => hop.trim())
      .filter(Boolean);
    const last = hops.at(-1);
    if (last && last.length <= 64) return last;
  }
  try {
    return getConnInfo(c).remote.address ?? "unknown";
  } catch {
    // app.request() in tests has no socket.
    return "unknown";
  }
}

/**
 * Fixed one-minute windows in the store (memory, or Redis so that every instance counts
 * together): per session (RATE_LIMIT_PER_MINUTE) and per client IP (RATE_LIMIT_IP_PER_MINUTE).
 * Over either → 429 `rate_limited` with `Retry-After`. If the store fails, requests pass (logged).
 */
export function rateLimit(deps: Pick<AppDeps, "env" | "store" | "now">): MiddlewareHandler<AppEnv> {
  const { env, store } = deps;
  const trustForwarded = Boolean(env.PUBLIC_URL);
  return async (c, next) => {
    if (SKIP.has(c.req.path)) return next();
    const nowSeconds = deps.now() / 1000;
    const window = Math.floor(nowSeconds / WINDOW_SECONDS);
    const ttl = WINDOW_SECONDS + 5;
    const session = c.get("session");
    let counts: [number, number];
    try {
      counts = await Promise.all([
        store.increment(`rl:ip:${clientIp(c, trustForwarded)}:${String(window)}`, ttl),
        session
          ? store.increment(`rl:sid:${session.sid}:${String(window)}`, ttl)
          : Promise.resolve(0),
      ]);
    } catch (error) {
      c.get("logger").error("rate limit store failed", {
        err: error instanceof Error ? error.message : String(error),
      });
      return next();
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
