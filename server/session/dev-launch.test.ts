import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isValidTckn } from "../../contract/tr-identity.ts";
import {
  TEST_PRODUCTION_ENV,
  TEST_ORIGIN,
  startTestProxy,
  type TestProxy,
} from "../test-support.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

function fragment(res: Response): URLSearchParams {
  const location = res.headers.get("location") ?? "";
  expect(location.startsWith("/launch#")).toBe(true);
  return new URLSearchParams(location.slice("/launch#".length));
}

describe("GET /dev/launch (sandbox mode)", () => {
  it("mints a dev token and redirects to /launch with it in the fragment; the token really launches", async () => {
    const res = await proxy.app.request("/dev/launch?customer=DEMO-IND-001&to=/basket");
    expect(res.status).toBe(302);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const params = fragment(res);
    expect(params.get("to")).toBe("/basket");
    const token = params.get("token") ?? "";
    const launched = await proxy.app.request("/api/session", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(launched.status).toBe(200);
    expect((await launched.json()).customer.id).toBe("DEMO-IND-001");
  });

  it("creates a customer that does not exist yet, with a valid dev profile", async () => {
    const res = await proxy.app.request("/dev/launch?customer=DEV-NEW-42");
    const token = fragment(res).get("token") ?? "";
    const [, payload = ""] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString());
    expect(isValidTckn(claims.profile.identity_number)).toBe(true);
    expect(claims.exp - claims.iat).toBe(300);
    const launched = await proxy.app.request("/api/session", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, "content-type": "application/json" },
      body: JSON.stringify({ token }),
    });
    expect(launched.status).toBe(200);
  });

  it.each([
    "//evil.example",
    "/%2F/evil.example",
    "%2F%2Fevil.example",
    "/%5Cevil.example",
    "https://evil.example/",
    "basket",
    "/%0d%0aSet-Cookie:x",
  ])("refuses to=%s", async (to) => {
    const res = await proxy.app.request(`/dev/launch?customer=DEMO-IND-001&to=${to}`);
    expect(res.status).toBe(400);
    expect(res.headers.get("location")).toBeNull();
  });

  it("refuses a malformed customer id", async () => {
    expect((await proxy.app.request("/dev/launch?customer=a%20b")).status).toBe(400);
  });
});

describe("/dev/launch availability", () => {
  it("is absent in production without SANDBOX=1, present with it", async () => {
    const prod = await startTestProxy({
      env: TEST_PRODUCTION_ENV,
    });
    try {
      expect(prod.deps.env.sandboxMode).toBe(false);
      expect((await prod.app.request("/dev/launch?customer=DEMO-IND-001")).status).toBe(404);
    } finally {
      await prod.close();
    }
    const sandbox = await startTestProxy({ env: { NODE_ENV: "production", SANDBOX: "1" } });
    try {
      expect((await sandbox.app.request("/dev/launch?customer=DEMO-IND-001")).status).toBe(302);
    } finally {
      await sandbox.close();
    }
  });
});

describe("POST /dev/session (sandbox mode)", () => {
  it("starts a recorded session for the customer without asking upstream; JSON only", async () => {
    const form = await proxy.app.request("/dev/session", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "customer=DEMO-IND-001",
    });
    expect(form.status).toBe(415);
    const res = await proxy.app.request("/dev/session", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ customer: "REPLAY-ONLY-1", locale: "en" }),
    });
    expect(res.status).toBe(204);
    const cookie = res.headers.get("set-cookie")?.split(";")[0] ?? "";
    const me = await proxy.app.request("/api/session/me", { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ kind: "launch", customer: { id: "REPLAY-ONLY-1" } });
    const logout = await proxy.app.request("/api/session/logout", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie },
    });
    expect(logout.status).toBe(204);
    const after = await proxy.app.request("/api/session/logout-all", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, "content-type": "application/json", cookie },
      body: "{}",
    });
    expect(after.status).toBe(401);
  });
});
