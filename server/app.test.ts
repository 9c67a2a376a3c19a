import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "./app.ts";
import { proxyEnvSchema } from "./env.ts";

describe("proxy shell", () => {
  let dist: string;
  beforeAll(async () => {
    dist = await mkdtemp(join(tmpdir(), "dist-"));
    await mkdir(join(dist, "assets"));
    await writeFile(join(dist, "index.html"), "<!doctype html><title>shop</title>");
    await writeFile(join(dist, "assets", "app-abc123.js"), "console.log(1)");
  });
  afterAll(() => rm(dist, { recursive: true, force: true }));

  const app = (env: Record<string, string> = {}) =>
    createApp({ env: proxyEnvSchema.parse({ DIST_DIR: dist, ...env }) });

  it("answers health checks", async () => {
    const res = await app().request("/api/health");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("serves the SPA for client routes and hashed assets as immutable", async () => {
    const route = await app().request("/orders/ABC");
    expect(route.status).toBe(200);
    expect(await route.text()).toContain("<title>shop</title>");
    expect(route.headers.get("cache-control")).toBe("no-cache");
    const asset = await app().request("/assets/app-abc123.js");
    expect(asset.headers.get("cache-control")).toContain("immutable");
  });

  it("answers unknown API paths with problem+json, not the SPA", async () => {
    const res = await app().request("/api/nope");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
  });

  it("sends strict security headers; frame-ancestors from configuration", async () => {
    const res = await app().request("/");
    const csp = res.headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers.get("x-frame-options")).toBe("DENY");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("referrer-policy")).toBe("no-referrer");

    const framed = await app({
      FRAME_ANCESTORS: "https://bank.example, https://wallet.example",
    }).request("/");
    expect(framed.headers.get("content-security-policy")).toContain(
      "frame-ancestors https://bank.example https://wallet.example",
    );
    expect(framed.headers.get("x-frame-options")).toBeNull();
  });

  it("refuses a malformed FRAME_ANCESTORS at start-up", () => {
    expect(() => proxyEnvSchema.parse({ FRAME_ANCESTORS: "https://bank.example/path" })).toThrow();
    expect(() => proxyEnvSchema.parse({ PORT: "eighty" })).toThrow();
  });
});
