import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../test-support.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

const guest = (headers: Record<string, string>, body: string | null = "{}") =>
  proxy.app.request("http://localhost/api/session/guest", { method: "POST", headers, body });

describe("origin guard (CSRF)", () => {
  it("passes a same-origin JSON POST (own origin, or PUBLIC_URL's)", async () => {
    expect(
      (await guest({ origin: "http://localhost", "content-type": "application/json" })).status,
    ).toBe(200);
    expect(
      (await guest({ origin: TEST_ORIGIN, "content-type": "application/json; charset=utf-8" }))
        .status,
    ).toBe(200);
  });

  it("without Origin, accepts Sec-Fetch-Site: same-origin only", async () => {
    expect(
      (await guest({ "sec-fetch-site": "same-origin", "content-type": "application/json" })).status,
    ).toBe(200);
    expect(
      (await guest({ "sec-fetch-site": "cross-site", "content-type": "application/json" })).status,
    ).toBe(403);
    expect((await guest({ "content-type": "application/json" })).status).toBe(403);
  });

  it("refuses a cross-origin POST with a forbidden problem", async () => {
    const res = await guest({ origin: "https://evil.example", "content-type": "application/json" });
    expect(res.status).toBe(403);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(await res.json()).toMatchObject({ code: "forbidden" });
    expect((await guest({ origin: "null", "content-type": "application/json" })).status).toBe(403);
  });

  it("refuses a missing or non-JSON content type (what an HTML form can send)", async () => {
    expect((await guest({ origin: TEST_ORIGIN })).status).toBe(403);
    expect((await guest({ origin: TEST_ORIGIN, "content-type": "text/plain" })).status).toBe(403);
    expect(
      (
        await guest(
          { origin: TEST_ORIGIN, "content-type": "application/x-www-form-urlencoded" },
          "a=1",
        )
      ).status,
    ).toBe(403);
  });

  it("applies to PUT/PATCH/DELETE, not to GET; logout may have no body", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"]) {
      const res = await proxy.app.request("/api/basket", {
        method,
        headers: { origin: "https://evil.example", "content-type": "application/json" },
        body: "{}",
      });
      expect(res.status, method).toBe(403);
    }
    expect(
      (await proxy.app.request("/api/session/me", { headers: { origin: "https://evil.example" } }))
        .status,
    ).toBe(401);
    const logout = await proxy.app.request("/api/session/logout", {
      method: "POST",
      headers: { origin: TEST_ORIGIN },
    });
    expect(logout.status).toBe(204);
    const crossLogout = await proxy.app.request("/api/session/logout", {
      method: "POST",
      headers: { origin: "https://evil.example" },
    });
    expect(crossLogout.status).toBe(403);
  });
});
