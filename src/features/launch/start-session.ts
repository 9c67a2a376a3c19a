import { startSession as startSessionOp } from "../../../contract/api/session";
import { sessionViewSchema, type SessionView } from "../../../contract/session";
import { href } from "../../lib/api";

export type LaunchOutcome =
  | { ok: true; session: SessionView }
  /** `expired`: the proxy refused the token (expired, used, or not valid). */
  | { ok: false; reason: "expired" | "failed" };

/** Routes a launch may land on: our own pages, never the API, dev tools or /launch itself. */
export function safeLaunchTarget(to: string | null, origin: string): string {
  if (!to || !/^\/(?![/\\])/.test(to)) return "/";
  let url: URL;
  try {
    url = new URL(to, origin);
  } catch {
    return "/";
  }
  if (url.origin !== origin || /^\/(?:api|dev|launch)(?:\/|$)/.test(url.pathname)) return "/";
  return url.pathname + url.search + url.hash;
}

/**
 * Reads `#token=…&to=…` from a launch URL's fragment. The fragment never reaches a server or a
 * Referer header; the caller removes it from the address bar at once.
 */
export function readLaunchFragment(
  hash: string,
  origin: string,
): { token: string | null; to: string } {
  const params = new URLSearchParams(hash.replace(/^#/, ""));
  const token = params.get("token");
  return {
    token: token && token.length <= 8192 ? token : null,
    to: safeLaunchTarget(params.get("to"), origin),
  };
}

/** Swaps the launch token for the HttpOnly session cookie (POST /api/session). */
export async function startSession(
  token: string,
  fetchImpl: typeof fetch = fetch,
): Promise<LaunchOutcome> {
  let res: Response;
  try {
    res = await fetchImpl(href(startSessionOp), {
      method: "POST",
      credentials: "same-origin",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ token }),
    });
  } catch {
    return { ok: false, reason: "failed" };
  }
  if (res.status === 401) return { ok: false, reason: "expired" };
  if (!res.ok) return { ok: false, reason: "failed" };
  const parsed = sessionViewSchema.safeParse(await res.json().catch(() => null));
  return parsed.success ? { ok: true, session: parsed.data } : { ok: false, reason: "failed" };
}
