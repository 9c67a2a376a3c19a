import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../app.ts";
import { createLogger } from "../log.ts";
import { startTestProxy, type TestProxy } from "../test-support.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

function logged() {
  const lines: string[] = [];
  const logger = createLogger({ LOG_LEVEL: "debug" }, { write: (l) => lines.push(l) });
  return { app: createApp({ ...proxy.deps, logger }), lines };
}

describe("request context", () => {
  it("echoes a valid x-request-id and replaces an invalid one", async () => {
    const { app } = logged();
    const kept = await app.request("/healthz", { headers: { "x-request-id": "abc-123_X" } });
    expect(kept.headers.get("x-request-id")).toBe("abc-123_X");
    for (const bad of ["bad id", "x".repeat(65), "a/b"]) {
      const res = await app.request("/healthz", { headers: { "x-request-id": bad } });
      expect(res.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it("logs one access line per request: method, path without query, status, duration; never cookies or tokens", async () => {
    const { app, lines } = logged();
    const cookie = await proxy.cookieFor("DEMO-IND-001");
    await app.request("/dev/launch?customer=DEMO-IND-001&to=/basket", {
      headers: { cookie, "x-request-id": "r-1" },
    });
    await app.request("/launch?token=leaked.in.query", { headers: { cookie } });
    const access = lines.map((l) => JSON.parse(l)).filter((r) => r.msg === "request");
    expect(access).toHaveLength(2);
    expect(access[0]).toMatchObject({
      request_id: "r-1",
      method: "GET",
      path: "/dev/launch",
      status: 302,
    });
    expect(typeof access[0].duration_ms).toBe("number");
    expect(access[1]).toMatchObject({ path: "/launch" });
    const text = lines.join("");
    expect(text).not.toContain("customer=");
    expect(text).not.toContain("leaked.in.query");
    expect(text).not.toContain(cookie.split("=")[1]);
  });
});
