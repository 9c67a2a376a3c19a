import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { isSecureRequest } from "../http/secure.ts";
import {
  clearSessionCookie,
  readSessionCookie,
  sessionCookieValue,
  sessionSetCookie,
} from "./cookie.ts";

/**
 * Reads the session cookie into `c.var.session` (null when absent or invalid). After the handler,
 * when it set `sessionChanged`, issues the new cookie — or clears it when the session became
 * null. Nothing is issued on error responses, and an unreadable cookie is cleared.
 */
export function sessionMiddleware(deps: Pick<AppDeps, "env" | "now">): MiddlewareHandler<AppEnv> {
  const { env } = deps;
  return async (c, next) => {
    const secure = isSecureRequest(c, env);
    const header = c.req.header("cookie");
    const session = await readSessionCookie(header, env, { secure, nowMs: deps.now() });
    c.set("session", session);
    c.set("sessionChanged", false);
    await next();

    if (c.get("sessionChanged") && c.res.status < 400) {
      const next = c.get("session");
      c.header(
        "Set-Cookie",
        next ? await sessionSetCookie(next, env, secure, deps.now()) : clearSessionCookie(secure),
        { append: true },
      );
      c.header("Cache-Control", "no-store");
    } else if (!session && sessionCookieValue(header, secure)) {
      c.header("Set-Cookie", clearSessionCookie(secure), { append: true });
    }
  };
}
