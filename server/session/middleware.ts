import type { MiddlewareHandler } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { isSecureRequest } from "../http/secure.ts";
import {
  clearSessionCookie,
  readSessionCookie,
  sessionCookieValue,
  sessionSetCookie,
} from "./cookie.ts";
import { sessionRecords } from "./records.ts";

/**
 * Reads the session cookie into `c.var.session` (null when absent, invalid, or its server-side
 * record says it is over: logged out, idle, past its lifetime). After the handler, when it set
 * `sessionChanged`, records and issues the new session — or ends the old one and clears the
 * cookie when the session became null. Nothing is issued on error responses, and an unreadable
 * or ended cookie is cleared. A store failure fails closed (the request errors).
 */
export function sessionMiddleware(
  deps: Pick<AppDeps, "env" | "now" | "store">,
): MiddlewareHandler<AppEnv> {
  const { env } = deps;
  const records = sessionRecords(deps);
  return async (c, next) => {
    const secure = isSecureRequest(c, env);
    const header = c.req.header("cookie");
    const cookie = await readSessionCookie(header, env, { secure, nowMs: deps.now() });
    const session = cookie && (await records.isAlive(cookie)) ? cookie : null;
    c.set("session", session);
    c.set("sessionChanged", false);
    await next();
    if (c.get("sessionChanged") && c.res.status < 400) {
      const next = c.get("session");
      if (next) await records.saved(next, session);
      else if (session) await records.end(session.sid);
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
