import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProxy, type TestProxy } from "../test-support.ts";

let proxy: TestProxy;
let broken: TestProxy;
let upstreamDown = false;
beforeAll(async () => {
  proxy = await startTestProxy();
  broken = await startTestProxy({
    fetch: (input, init) =>
      upstreamDown ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init),
  });
});
afterAll(async () => {
  await proxy.close();
  await broken.close();
});

describe("health", () => {
  it("/healthz and its alias /api/health: always 200, not cached", async () => {
    for (const path of ["/healthz", "/api/health"]) {
      const res = await proxy.app.request(path);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ status: "ok" });
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("/readyz: 200 when the store and upstream answer", async () => {
    const res = await proxy.app.request("/readyz");
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ready", checks: { store: true, upstream: true } });
  });

  it("/readyz: 503 problem when upstream has not answered in 30 s and does not answer now", async () => {
    upstreamDown = true;
    let clock = Date.now();
    broken.deps.now = () => clock;
    const res = await broken.app.request("/readyz");
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({
      code: "upstream_unavailable",
      checks: { store: true, upstream: false },
    });
    upstreamDown = false;
    expect((await broken.app.request("/readyz")).status).toBe(200);
    // A success counts for 30 s without asking upstream again.
    upstreamDown = true;
    clock += 20_000;
    expect((await broken.app.request("/readyz")).status).toBe(200);
    clock += 11_000;
    expect((await broken.app.request("/readyz")).status).toBe(503);
    upstreamDown = false;
  });
});
