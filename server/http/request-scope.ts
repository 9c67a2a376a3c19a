import { tryGetContext } from "hono/context-storage";
import type { AppEnv } from "../deps.ts";
import type { Lang } from "../problem.ts";

/**
 * Cross-request context comes from Hono's context, never threaded by hand (ADR 0009):
 * - handlers read `c.var.lang`, `c.var.requestId` and `c.var.session` (set by the middleware,
 *   typed in `AppVariables`); the registry hands them the narrowed `customer`;
 * - helpers deeper down that only talk to Minted need no `c` at all: `createApp` runs every
 *   request inside `contextStorage()`, and the upstream client gives each call the language and
 *   request id of the request it serves (this function). A call's own `lang`/`requestId` still
 *   wins (the catalog caches are keyed by language). Outside a request (the price hub's polls)
 *   a call goes out as it is.
 */
export function withRequestContext<C extends { lang?: Lang; requestId?: string }>(call: C): C {
  const c = tryGetContext<AppEnv>();
  if (!c) return call;
  return { ...call, lang: call.lang ?? c.var.lang, requestId: call.requestId ?? c.var.requestId };
}
