import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEV_LAUNCH_SECRET, DEV_SESSION_SECRET } from "../../server/env.ts";
import { mintDevLaunchToken } from "../../server/session/launch-token.ts";
import { startTestProxy, type TestProxy } from "../../server/test-support.ts";
import { controlClient } from "../../sandbox/control-client.ts";

/**
 * The proxy's edges as a browser meets them, deployed over HTTPS (PUBLIC_URL https) with the
 * built shop: cross-origin mutations refused before anything happens, security headers on pages,
 * API answers and errors, cookie flags, and no secret or upstream URL in dist/.
 */

const ORIGIN = "https://shop.example";
let proxy: TestProxy;

beforeAll(async () => {
  if (!existsSync("dist/index.html")) {
    const build = spawnSync("npm", ["run", "build"], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  proxy = await startTestProxy({ env: { PUBLIC_URL: ORIGIN, DIST_DIR: "dist" } });
});
afterAll(() => proxy.close());

const request = (path: string, init: RequestInit = {}) =>
  proxy.app.request(`${ORIGIN}${path}`, init);

describe("cross-origin mutations", () => {
  it("are refused with 403 problem+json and never reach upstream", async () => {
    const cookie = await proxy.cookieFor("DEMO-IND-001");
    const body = JSON.stringify({ sku: "MNTGB00010", quantity: 1 });
    const json = "application/json";
    const attempts: Record<string, string>[] = [
      { origin: "https://evil.example", "content-type": json },
      { origin: "https://shop.example.evil.example", "content-type": json },
      { origin: "http://shop.example", "content-type": json },
      { origin: "https://shop.example:8443", "content-type": json },
      { origin: "null", "content-type": json },
      { "sec-fetch-site": "cross-site", "content-type": json },
      { "sec-fetch-site": "same-site", "content-type": json },
      { "content-type": json },
      { origin: ORIGIN, "content-type": "text/plain" },
      { origin: ORIGIN, "content-type": "application/x-www-form-urlencoded" },
      { origin: ORIGIN, "content-type": "multipart/form-data; boundary=x" },
      { origin: ORIGIN },
    ];
    const before = await controlClient(proxy.sandbox.url).requests.count("*", "/partner");
    for (const [method, path] of [
      ["POST", "/api/basket/items"],
      ["PUT", "/api/checkout/addresses"],
      ["DELETE", "/api/basket"],
      ["POST", "/api/checkout/complete"],
      ["POST", "/api/session/logout"],
    ] as const)
      for (const headers of attempts) {
        const res = await request(path, { method, headers: { cookie, ...headers }, body });
        expect(res.status, `${method} ${path} ${JSON.stringify(headers)}`).toBe(403);
        expect(res.headers.get("content-type")).toContain("application/problem+json");
        expect(res.headers.get("set-cookie")).toBeNull();
      }
    expect(await controlClient(proxy.sandbox.url).requests.count("*", "/partner")).toBe(before);
    // The control: the same request from our own page passes.
    const ok = await request("/api/basket/items", {
      method: "POST",
      headers: { cookie, origin: ORIGIN, "content-type": json },
      body,
    });
    expect(ok.status).toBe(200);
    expect(await controlClient(proxy.sandbox.url).requests.count("*", "/partner")).toBeGreaterThan(
      before,
    );
  });
});

describe("security headers", () => {
  it("are on the HTML shell, static assets, API answers, problems and 404s", async () => {
    const cookie = await proxy.cookieFor("DEMO-IND-001");
    const html = await request("/", { headers: { accept: "text/html" } });
    expect(html.status).toBe(200);
    expect(html.headers.get("content-type")).toContain("text/html");
    const shell = await html.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(shell)?.[1];
    expect(asset).toBeDefined();
    const answers = [
      html,
      await request(asset ?? "/"),
      await request("/api/products", { headers: { cookie } }),
      await request("/api/orders/NOPE-1", { headers: { cookie } }),
      await request("/api/no-such-thing"),
      await request("/no-such-page"),
    ];
    for (const res of answers) {
      const h = res.headers;
      const csp = h.get("content-security-policy") ?? "";
      expect(csp, res.url).toContain("default-src 'self'");
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'self'");
      // The stack runs in sandbox mode, where only the shop itself may frame it (the /dev/host
      // harness); without SANDBOX it is 'none' / DENY (server/http/security-headers.test.ts).
      expect(csp).toMatch(/frame-ancestors 'self'(;|$)/);
      expect(csp).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'|\*/);
      expect(h.get("x-content-type-options")).toBe("nosniff");
      expect(h.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
      expect(h.get("x-frame-options")).toBe("SAMEORIGIN");
      expect(h.get("cross-origin-opener-policy")).toBe("same-origin");
      expect(h.get("strict-transport-security")).toMatch(/max-age=\d{8,}/);
      expect(h.get("www-authenticate")).toBeNull();
      expect(h.get("x-powered-by")).toBeNull();
    }
    // Over plain HTTP (no TLS anywhere) there is no HSTS to send.
    const plain = await proxy.app.request("http://127.0.0.1/api/health");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("the session cookie", () => {
  it("is __Host-, HttpOnly, Secure, SameSite=Lax, Path=/ and without Domain over HTTPS", async () => {
    const token = await mintDevLaunchToken(proxy.deps.env, "DEMO-IND-001");
    const res = await request("/api/session", {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__Host-minted_session=/);
    const flags = cookie
      .split(";")
      .slice(1)
      .map((f) => f.trim().toLowerCase());
    expect(flags).toEqual(expect.arrayContaining(["httponly", "secure", "samesite=lax", "path=/"]));
    expect(flags.some((f) => f.startsWith("domain="))).toBe(false);
    // The session's content is sealed: neither the customer id nor any claim is readable.
    expect(cookie).not.toContain("DEMO-IND-001");
    expect(
      Buffer.from(cookie.split("=")[1]?.split(".")[1] ?? "", "base64url").toString(),
    ).not.toContain("DEMO");
  });
});

describe("dist/", () => {
  it("holds no secret, credential or upstream URL", () => {
    const env = proxy.deps.env;
    const needles = [
      env.MINTED_PASSWORD,
      env.MINTED_USERNAME,
      DEV_SESSION_SECRET,
      DEV_LAUNCH_SECRET,
      "MINTED_PASSWORD",
      "SESSION_SECRET",
      "LAUNCH_SECRET",
      "127.0.0.1:4010",
      "localhost:4010",
      "/partner/ecom",
      "/partner/walletable",
      "__sandbox",
      "mncdn.com",
      "mintedconnect",
    ];
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(path);
      }
    };
    walk("dist");
    expect(files.length).toBeGreaterThan(5);
    const hits: string[] = [];
    for (const file of files) {
      // Precompressed copies hold the same text as their originals.
      if (/\.(br|gz)$/.test(file)) continue;
      const text = readFileSync(file).toString("latin1");
      for (const needle of needles) if (text.includes(needle)) hits.push(`${file}: ${needle}`);
    }
    expect(hits).toEqual([]);
  });
});
