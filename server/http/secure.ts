import type { Context } from "hono";
import type { ProxyEnv } from "../env.ts";

/**
 * Whether the browser reached us over HTTPS: the request URL itself, or — only when PUBLIC_URL is
 * https, i.e. we are known to sit behind a TLS-terminating load balancer — `X-Forwarded-Proto`.
 */
export function isSecureRequest(c: Context, env: Pick<ProxyEnv, "PUBLIC_URL">): boolean {
  if (new URL(c.req.url).protocol === "https:") return true;
  if (!env.PUBLIC_URL?.startsWith("https:")) return false;
  const proto = c.req.header("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}
