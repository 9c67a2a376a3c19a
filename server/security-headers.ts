import type { MiddlewareHandler } from "hono";

/**
 * Strict security headers on every response. `frame-ancestors` is an HTTP header (a meta tag
 * cannot set it) listing the partner origins allowed to embed the shop in an iframe.
 */
export function securityHeaders(frameAncestors: readonly string[]): MiddlewareHandler {
  const ancestors = frameAncestors.length ? frameAncestors.join(" ") : "'none'";
  const csp = [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors ${ancestors}`,
  ].join("; ");
  return async (c, next) => {
    await next();
    c.header("Content-Security-Policy", csp);
    c.header("X-Content-Type-Options", "nosniff");
    c.header("Referrer-Policy", "no-referrer");
    c.header("Cross-Origin-Opener-Policy", "same-origin");
    c.header("Cross-Origin-Resource-Policy", "same-origin");
    c.header("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
    if (!frameAncestors.length) c.header("X-Frame-Options", "DENY");
    if (new URL(c.req.url).protocol === "https:")
      c.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  };
}
