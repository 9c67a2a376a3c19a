import { randomUUID } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { langOf } from "../problem.ts";
import { serverTiming, withTiming } from "./timing.ts";

const REQUEST_ID = /^[A-Za-z0-9_-]{1,64}$/;
const QUIET_PATHS = new Set(["/healthz", "/readyz", "/api/health"]);

/**
 * Request id (a valid incoming `x-request-id`, else a new UUID), echoed on the response and
 * bound to `c.var.logger`; the answer's language as `c.var.lang`; one access-log line per request. Only the path is logged — never the
 * query string (launch links) and never headers (cookies).
 */
export function requestContext(deps: Pick<AppDeps, "logger">): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header("x-request-id");
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const logger = deps.logger.child({ request_id: requestId });
    c.set("requestId", requestId);
    c.set("lang", langOf(c));
    c.set("logger", logger);
    c.set("session", null);
    c.set("sessionChanged", false);
    const { timing, done } = withTiming(next);
    await done;
    const total = performance.now() - started;
    c.header("X-Request-Id", requestId);
    c.header("Server-Timing", serverTiming(total, timing));
    const line = {
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      duration_ms: Math.round(total * 10) / 10,
      upstream_ms: Math.round(timing.upstreamMs * 10) / 10,
    };
    if (QUIET_PATHS.has(c.req.path)) logger.debug("request", line);
    else logger.info("request", line);
  };
}
