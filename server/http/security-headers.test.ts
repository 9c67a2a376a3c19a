import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyEnvSchema } from "../env.ts";
import { startTestProxy, TEST_PRODUCTION_ENV, type TestProxy } from "../test-support.ts";
import { securityHeaders } from "./security-headers.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

function expectStrict(res: Response) {
  const csp = res.headers.get("content-security-policy") ?? "";
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self'");
  expect(csp).not.toContain("unsafe-inline");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("img-src 'self' data:");
  expect(csp).toContain("connect-src 'self'");
  // The test proxy runs in sandbox mode: only its own /dev/host may frame it.
  expect(csp).toContain("frame-ancestors 'self'");
  expect(res.headers.get("x-frame-options")).toBe("SAMEORIGIN");
  expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  expect(res.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
  expect(res.headers.get("permissions-policy")).toContain("camera=()");
  expect(res.headers.get("cross-origin-opener-policy")).toBe("same-origin");
  expect(res.headers.get("www-authenticate")).toBeNull();
  expect(res.headers.get("strict-transport-security")).toBeNull();
}

describe("security headers", () => {
  it("on pages, API answers, API errors and 404s", async () => {
    for (const path of ["/", "/healthz", "/api/health", "/api/session/me", "/api/unknown", "/nope"])
      expectStrict(await proxy.app.request(path));
  });

  it("frame-ancestors from FRAME_ANCESTORS, without X-Frame-Options", async () => {
    const env = proxyEnvSchema.parse({
      NODE_ENV: "test",
      FRAME_ANCESTORS: "https://bank.example, https://wallet.example",
    });
    const app = new Hono().use(securityHeaders(env)).get("/", (c) => c.text("ok"));
    const res = await app.request("/");
    expect(res.headers.get("content-security-policy")).toContain(
      "frame-ancestors https://bank.example https://wallet.example",
    );
    expect(res.headers.get("x-frame-options")).toBeNull();
  });

  it("in production without FRAME_ANCESTORS nobody may frame the shop", async () => {
    const env = proxyEnvSchema.parse(TEST_PRODUCTION_ENV);
    const app = new Hono().use(securityHeaders(env)).get("/", (c) => c.text("ok"));
    const res = await app.request("/");
    expect(res.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    expect(res.headers.get("content-security-policy")).not.toContain("'self' https");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
  });

  it("keeps a stricter CSP set by the route itself", async () => {
    const env = proxyEnvSchema.parse({ NODE_ENV: "test" });
    const app = new Hono()
      .use(securityHeaders(env))
      .get("/img.svg", (c) =>
        c.body("<svg/>", 200, { "Content-Security-Policy": "default-src 'none'" }),
      );
    const res = await app.request("/img.svg");
    expect(res.headers.get("content-security-policy")).toBe("default-src 'none'");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("HSTS over HTTPS only", async () => {
    const env = proxyEnvSchema.parse({ NODE_ENV: "test", PUBLIC_URL: "https://shop.example" });
    const app = new Hono().use(securityHeaders(env)).get("/", (c) => c.text("ok"));
    expect(
      (await app.request("https://shop.example/")).headers.get("strict-transport-security"),
    ).toContain("max-age=31536000");
    expect(
      (
        await app.request("http://shop.example/", { headers: { "x-forwarded-proto": "https" } })
      ).headers.get("strict-transport-security"),
    ).toContain("max-age");
    expect(
      (await app.request("http://shop.example/")).headers.get("strict-transport-security"),
    ).toBeNull();
  });

  it("strips WWW-Authenticate, even from an immutable response", async () => {
    const env = proxyEnvSchema.parse({ NODE_ENV: "test" });
    const app = new Hono()
      .use(securityHeaders(env))
      .get("/a", (c) => c.text("no", 401, { "WWW-Authenticate": 'Digest realm="minted"' }))
      .get("/b", () => Response.redirect("http://localhost/a", 302));
    const a = await app.request("/a");
    expect(a.status).toBe(401);
    expect(a.headers.get("www-authenticate")).toBeNull();
    const b = await app.request("/b");
    expect(b.status).toBe(302);
    expect(b.headers.get("x-content-type-options")).toBe("nosniff");
  });
});
