import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import { startTestProxy, type TestProxy } from "../test-support.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({
    env: { RATE_LIMIT_PER_MINUTE: "3", RATE_LIMIT_IP_PER_MINUTE: "5" },
  });
});
afterAll(() => proxy.close());

/** A fresh app and store with a fixed clock (10 s into a minute). */
function app() {
  let clock = Date.UTC(2026, 0, 1, 12, 0, 10);
  const deps = { ...proxy.deps, store: createMemoryStore(), now: () => clock };
  return { app: createApp(deps), deps, tick: (ms: number) => (clock += ms) };
}

describe("rate limits", () => {
  it("per session: the 4th request in a minute → 429 with Retry-After and retry_after", async () => {
    const { app: a, deps, tick } = app();
    const cookie = await proxy.cookieFor(null, {}, deps);
    const me = (ip: string) =>
      a.request("/api/session/me", { headers: { cookie, "x-forwarded-for": ip } });
    for (let i = 0; i < 3; i++) expect((await me(`10.0.0.${String(i)}`)).status).toBe(200);
    const limited = await me("10.0.0.9");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("50");
    expect(limited.headers.get("content-type")).toBe("application/problem+json");
    expect(await limited.json()).toMatchObject({ code: "rate_limited", retry_after: 50 });
    tick(50_000);
    expect((await me("10.0.0.10")).status).toBe(200);
  });

  it("skips /api/health", async () => {
    const { app: a } = app();
    for (let i = 0; i < 8; i++) expect((await a.request("/api/health")).status).toBe(200);
  });
});
