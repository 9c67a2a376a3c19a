import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProxy, type TestProxy } from "./test-support.ts";

const html = { accept: "text/html,application/xhtml+xml" };
const script = `console.log(${JSON.stringify("x".repeat(2000))});`;

let dist: string;
let proxy: TestProxy;
beforeAll(async () => {
  dist = await mkdtemp(join(tmpdir(), "dist-"));
  await mkdir(join(dist, "assets"));
  await writeFile(
    join(dist, "index.html"),
    '<!doctype html><title>shop</title><script type="module" src="/assets/app-abc123.js"></script>',
  );
  await writeFile(join(dist, "assets", "app-abc123.js"), script);
  await writeFile(join(dist, "assets", "app-abc123.js.br"), brotliCompressSync(script));
  await writeFile(join(dist, "assets", "app-abc123.js.gz"), gzipSync(script));
  await writeFile(join(dist, "favicon.svg"), "<svg/>");
  proxy = await startTestProxy({ env: { DIST_DIR: dist } });
});
afterAll(async () => {
  await proxy.close();
  await rm(dist, { recursive: true, force: true });
});

describe("serving the built shop", () => {
  it("hashed assets are immutable; brotli when accepted, else gzip, else identity", async () => {
    const br = await proxy.app.request("/assets/app-abc123.js", {
      headers: { "accept-encoding": "gzip, deflate, br" },
    });
    expect(br.status).toBe(200);
    expect(br.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(br.headers.get("content-encoding")).toBe("br");
    expect(br.headers.get("vary")).toBe("Accept-Encoding");
    expect(br.headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(Buffer.from(await br.arrayBuffer())).toEqual(brotliCompressSync(script));

    const gz = await proxy.app.request("/assets/app-abc123.js", {
      headers: { "accept-encoding": "gzip, br;q=0" },
    });
    expect(gz.headers.get("content-encoding")).toBe("gzip");
    const plain = await proxy.app.request("/assets/app-abc123.js");
    expect(plain.headers.get("content-encoding")).toBeNull();
    expect(await plain.text()).toBe(script);
    expect(plain.headers.get("vary")).toBe("Accept-Encoding");
  });

  it("revalidates non-hashed files with ETag (304)", async () => {
    const first = await proxy.app.request("/favicon.svg");
    expect(first.headers.get("cache-control")).toBe("no-cache");
    const etag = first.headers.get("etag") ?? "";
    const again = await proxy.app.request("/favicon.svg", { headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
  });

  it("falls back to index.html for client routes (HTML requests), no-cache, with security headers", async () => {
    const res = await proxy.app.request("/orders/ABC?x=1", { headers: html });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("<title>shop</title>");
    expect(res.headers.get("cache-control")).toBe("no-cache");
    expect(res.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect((await proxy.app.request("/products/gold-bar-0.5g", { headers: html })).status).toBe(
      200,
    );
    expect((await proxy.app.request("/", { headers: html })).status).toBe(200);
  });

  it("answers the shop's page for any Accept (curl, uptime checks), but not for missing files", async () => {
    for (const accept of [undefined, "*/*", "application/json", "text/plain"]) {
      const headers: Record<string, string> = accept === undefined ? {} : { accept };
      for (const path of ["/", "/orders", "/products/gold-bar-0.5g"]) {
        const res = await proxy.app.request(path, { headers });
        expect(res.status, `${path} with Accept ${String(accept)}`).toBe(200);
        expect(await res.text()).toContain("<title>shop</title>");
      }
    }
    for (const path of ["/missing.js", "/logo.png", "/site.webmanifest"])
      expect((await proxy.app.request(path, { headers: { accept: "*/*" } })).status).toBe(404);
    expect((await proxy.app.request("/api/unknown")).status).toBe(404);
  });

  it("unknown assets are 404, never index.html", async () => {
    const res = await proxy.app.request("/assets/missing-123.js", { headers: html });
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain("<title>shop</title>");
  });

  it("/api/unknown → problem+json 404, not HTML; /dev paths are not the SPA", async () => {
    const res = await proxy.app.request("/api/unknown", { headers: html });
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ status: 404, code: "not_found" });
    const dev = await proxy.app.request("/dev/nothing", { headers: html });
    expect(dev.status).toBe(404);
    expect(await dev.text()).not.toContain("<title>shop</title>");
  });

  it("without dist/ (npm run dev) there is no SPA fallback", async () => {
    const bare = await startTestProxy();
    try {
      expect((await bare.app.request("/orders", { headers: html })).status).toBe(404);
    } finally {
      await bare.close();
    }
  });
});
