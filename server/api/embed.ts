import * as ops from "../../contract/api/session.ts";
import { type EmbedConfig } from "../../contract/bridge.ts";
import type { AppDeps } from "../deps.ts";
import { handle, type RouteSpec } from "./registry.ts";

/**
 * The iframe parents the page may talk to: the same list as `frame-ancestors` (FRAME_ANCESTORS),
 * plus the shop's own origin in sandbox mode (the /dev/host harness frames it). Public by nature
 * — the browser enforces the same list from the CSP header — and never a credential.
 */
export function embedOrigins(
  env: Pick<AppDeps["env"], "FRAME_ANCESTORS" | "PUBLIC_URL" | "sandboxMode">,
  requestOrigin: string,
): string[] {
  const own = env.sandboxMode ? [(env.PUBLIC_URL ?? requestOrigin).replace(/\/+$/, "")] : [];
  return [...new Set([...env.FRAME_ANCESTORS, ...own])];
}

export function embedRoutes(deps: AppDeps): RouteSpec[] {
  return [
    handle(ops.getEmbedConfig, {
      handler: ({ c }): Promise<EmbedConfig> => {
        c.header("cache-control", "no-store");
        return Promise.resolve({
          parentOrigins: embedOrigins(deps.env, new URL(c.req.url).origin),
        });
      },
    }),
  ];
}
