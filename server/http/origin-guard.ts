import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { ApiError, problemResponse } from "../problem.ts";

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * CSRF defence for mutating /api requests, in three layers: the session cookie is SameSite=Lax
 * (not sent on cross-site POSTs), the `Origin` must be our own (or PUBLIC_URL's) origin — or,
 * without an Origin, `Sec-Fetch-Site: same-origin` — and the body must be declared JSON, which
 * an HTML form cannot send without a CORS preflight we never grant. Else 403 `forbidden`.
 */
export function originGuard(deps: Pick<AppDeps, "env">): MiddlewareHandler<AppEnv> {
  const publicOrigin = deps.env.PUBLIC_URL ? new URL(deps.env.PUBLIC_URL).origin : null;
  return async (c, next) => {
    if (!MUTATING.has(c.req.method)) return next();
    const own = new URL(c.req.url).origin;
    const origin = c.req.header("origin");
    const sameOrigin = origin
      ? origin === own || origin === publicOrigin
      : c.req.header("sec-fetch-site") === "same-origin";
    const mediaType = c.req.header("content-type")?.split(";")[0]?.trim().toLowerCase();
    const bodyless =
      c.req.method === "POST" &&
      c.req.path === "/api/session/logout" &&
      !mediaType &&
      (c.req.header("content-length") ?? "0") === "0" &&
      !c.req.header("transfer-encoding");
    if (!sameOrigin || (mediaType !== "application/json" && !bodyless)) {
      c.get("logger").warn("origin guard refused", {
        method: c.req.method,
        path: c.req.path,
        reason: sameOrigin ? "content_type" : "origin",
      });
      return problemResponse(
        c,
        new ApiError("forbidden", {
          detail: sameOrigin
            ? { tr: "İstek JSON olarak gönderilmeli.", en: "The request must be sent as JSON." }
            : {
                tr: "İstek bu siteden gönderilmedi.",
                en: "The request did not come from this site.",
              },
        }),
      );
    }
    return next();
  };
}
