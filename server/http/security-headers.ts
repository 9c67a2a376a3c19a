import type { Context, MiddlewareHandler } from "hono";
import type { ProxyEnv } from "../env.ts";
import { inlineStyleHashes } from "./inline-styles.ts";
import { isSecureRequest } from "./secure.ts";

/**
 * Strict security headers on every response (pages, API, errors, 404s).
 * - CSP without `unsafe-inline` scripts: the built index.html loads only external module
 *   scripts (checked after `vite build`), so `script-src 'self'` needs no hashes.
 * - `frame-ancestors` is an HTTP header (a meta tag cannot set it) listing the partner origins
 *   allowed to embed the shop (and 'self' in sandbox mode, for /dev/host); with none,
 *   X-Frame-Options DENY for old browsers as well.
 *   A CSP set by the route itself is kept (it is ours and stricter, e.g. for proxied SVGs).
 * - Any `WWW-Authenticate` is removed: upstream's Digest challenge must never reach a browser
 *   (a webview may pop a native login prompt); our 401s are problem+json without it.
 */
export function securityHeaders(
  env: Pick<ProxyEnv, "FRAME_ANCESTORS" | "PUBLIC_URL"> & { sandboxMode?: boolean },
): MiddlewareHandler {
  // Sandbox mode adds the shop's own origin: the /dev/host harness frames the shop.
  const allowed = [...env.FRAME_ANCESTORS, ...(env.sandboxMode ? ["'self'"] : [])];
  const ancestors = allowed.length ? allowed.join(" ") : "'none'";
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...inlineStyleHashes()].join(" "),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
  const fixed: [string, string][] = [
    ["Content-Security-Policy", csp],
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "strict-origin-when-cross-origin"],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    ["Cross-Origin-Resource-Policy", "same-origin"],
    [
      "Permissions-Policy",
      "camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=()",
    ],
  ];
  // Old browsers: no partner origins means no framing (or only our own, in sandbox mode).
  if (!env.FRAME_ANCESTORS.length)
    fixed.push(["X-Frame-Options", env.sandboxMode ? "SAMEORIGIN" : "DENY"]);

  return async (c, next) => {
    await next();
    const headers = mutableHeaders(c);
    // A route may set its own, stricter policy (e.g. proxied SVG images: default-src 'none').
    const own = headers.has("Content-Security-Policy");
    for (const [name, value] of fixed)
      if (!(own && name === "Content-Security-Policy")) headers.set(name, value);
    if (isSecureRequest(c, env))
      headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    headers.delete("WWW-Authenticate");
  };
}

/** The response's headers, copying the response first if they are immutable (e.g. from fetch). */
function mutableHeaders(c: Context): Headers {
  try {
    c.res.headers.set("X-Content-Type-Options", "nosniff");
    return c.res.headers;
  } catch {
    const copy = new Response(c.res.body, c.res);
    c.res = undefined;
    c.res = copy;
    return c.res.headers;
  }
}
