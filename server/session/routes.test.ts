import { SignJWT, UnsecuredJWT } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { curl } from "../../sandbox/test-support.ts";
import { DEV_LAUNCH_SECRET } from "../env.ts";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../test-support.ts";
import { readSessionCookie } from "./cookie.ts";
import { mintDevLaunchToken } from "./launch-token.ts";
import { controlClient } from "../../sandbox/control-client.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());
beforeEach(() => controlClient(proxy.sandbox.url).reset());

const json = { origin: TEST_ORIGIN, "content-type": "application/json", "accept-language": "en" };
const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  proxy.app.request(path, {
    method: "POST",
    headers: { ...json, ...headers },
    body: JSON.stringify(body),
  });
const launch = (token: string, headers: Record<string, string> = {}) =>
  post("/api/session", { token }, headers);
const mint = (customer: string, extra: Parameters<typeof mintDevLaunchToken>[2] = {}) =>
  mintDevLaunchToken(proxy.deps.env, customer, extra);
/** The `name=value` pair of a response's session cookie. */
const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";

const profile = {
  firstname: "Ayşe",
  lastname: "Yılmaz",
  email: "ayse@example.com",
  phone: "+905321112233",
  identity_number: "46714948610",
};

function hsToken(overrides: { exp?: number; iat?: number; aud?: string; secret?: string } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({})
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("DEMO-IND-001")
    .setAudience(overrides.aud ?? "minted-shop")
    .setIssuedAt(overrides.iat ?? now)
    .setExpirationTime(overrides.exp ?? now + 300)
    .setJti(crypto.randomUUID())
    .sign(new TextEncoder().encode(overrides.secret ?? DEV_LAUNCH_SECRET));
}

describe("POST /api/session (launch)", () => {
  it("swaps a valid token for an HttpOnly, SameSite=Lax cookie with Max-Age", async () => {
    const res = await launch(
      await mint("DEMO-IND-001", {
        locale: "en",
        currency: "USD",
        theme: { "--color-primary": "#0a7d5a" },
      }),
    );
    const body = await res.json();
    expect(res.status).toBe(200);
    expect(body).toEqual({
      kind: "launch",
      customer: { id: "DEMO-IND-001", name: expect.any(String) },
      locale: "en",
      currency: "USD",
      theme: { "--color-primary": "#0a7d5a" },
    });
    expect(body.customer.name.length).toBeGreaterThan(0);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(
      /^minted_session=[^;]+; Path=\/; Max-Age=43200; HttpOnly; SameSite=Lax$/,
    );
    expect(res.headers.get("cache-control")).toBe("no-store");
    const session = await readSessionCookie(cookieOf(res), proxy.deps.env, { secure: false });
    expect(session).toMatchObject({ kind: "launch", customer: "DEMO-IND-001", guestBasket: [] });
  });

  it("over HTTPS the cookie is Secure with the __Host- name (X-Forwarded-Proto behind PUBLIC_URL https)", async () => {
    const https = await startTestProxy({ env: { PUBLIC_URL: "https://shop.test" } });
    try {
      const res = await https.app.request("http://shop.test/api/session", {
        method: "POST",
        headers: {
          origin: "https://shop.test",
          "content-type": "application/json",
          "x-forwarded-proto": "https",
        },
        body: JSON.stringify({ token: await mintDevLaunchToken(https.deps.env, "DEMO-IND-001") }),
      });
      expect(res.status).toBe(200);
      expect(res.headers.get("set-cookie")).toMatch(
        /^__Host-minted_session=[^;]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Lax; Secure$/,
      );
      expect(res.headers.get("strict-transport-security")).toContain("max-age=");
    } finally {
      await https.close();
    }
  });

  it("creates the upstream customer from the profile when it does not exist", async () => {
    expect((await curl(proxy.sandbox.url, "/partner/customer/NEW-CUST-1")).status).toBe(404);
    const res = await launch(await mint("NEW-CUST-1", { profile }));
    expect(res.status).toBe(200);
    expect((await res.json()).customer).toEqual({ id: "NEW-CUST-1", name: "Ayşe Yılmaz" });
    const created = await curl(proxy.sandbox.url, "/partner/customer/NEW-CUST-1");
    expect(created.json.data).toMatchObject({ firstname: "Ayşe", email: "ayse@example.com" });
    // A second launch finds it (no second create).
    expect((await launch(await mint("NEW-CUST-1", { profile }))).status).toBe(200);
  });

  it("an unknown customer without a complete profile → 422 naming the missing fields, no cookie", async () => {
    const res = await launch(await mint("NEW-CUST-2", { profile: { firstname: "Ayşe" } }));
    expect(res.status).toBe(422);
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(Object.keys((await res.json()).errors)).toEqual(
      expect.arrayContaining([
        "profile.lastname",
        "profile.email",
        "profile.phone",
        "profile.identity_number",
      ]),
    );
  });

  it.each([
    [
      "a replayed jti",
      async () => {
        const token = await mint("DEMO-IND-001");
        expect((await launch(token)).status).toBe(200);
        return token;
      },
    ],
    [
      "an expired token",
      () =>
        hsToken({
          iat: Math.floor(Date.now() / 1000) - 500,
          exp: Math.floor(Date.now() / 1000) - 60,
        }),
    ],
    ["a bad signature", () => hsToken({ secret: "another-secret-that-is-long-enough-0123456789" })],
    [
      "alg: none",
      () =>
        Promise.resolve(
          new UnsecuredJWT({ jti: crypto.randomUUID() })
            .setSubject("DEMO-IND-001")
            .setAudience("minted-shop")
            .setIssuedAt()
            .setExpirationTime("5m")
            .encode(),
        ),
    ],
    ["exp − iat > 600 s", () => hsToken({ exp: Math.floor(Date.now() / 1000) + 601 })],
    ["a wrong audience", () => hsToken({ aud: "another-shop" })],
    ["garbage", () => Promise.resolve("garbage")],
  ])("%s → 401 problem, no cookie, no WWW-Authenticate", async (_, make) => {
    const res = await launch(await make());
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("set-cookie")).toBeNull();
    expect(res.headers.get("www-authenticate")).toBeNull();
    expect(await res.json()).toMatchObject({ code: "unauthenticated", status: 401 });
  });

  it("a launch for another customer replaces the whole session", async () => {
    const first = await proxy.cookieFor("DEMO-IND-001", {
      theme: { "--color-primary": "#ff0000" },
      currency: "EUR",
      guestBasket: [{ sku: "MNTGB00100", qty: 2 }],
    });
    const before = await readSessionCookie(first, proxy.deps.env, { secure: false });
    const res = await launch(await mint("DEMO-CORP-001"), { cookie: first });
    expect(res.status).toBe(200);
    const after = await readSessionCookie(cookieOf(res), proxy.deps.env, { secure: false });
    expect(after).toMatchObject({
      customer: "DEMO-CORP-001",
      currency: "TRY",
      theme: null,
      guestBasket: [],
    });
    expect(after?.sid).not.toBe(before?.sid);
  });
});

describe("guest, me, logout", () => {
  it("POST /api/session/guest starts a guest session, and keeps a running one", async () => {
    const res = await post("/api/session/guest", { currency: "EUR" });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      kind: "guest",
      customer: null,
      locale: "en",
      currency: "EUR",
      theme: null,
    });
    const cookie = cookieOf(res);
    const again = await post("/api/session/guest", {}, { cookie });
    expect(again.status).toBe(200);
    expect(again.headers.get("set-cookie")).toBeNull();
  });

  it("GET /api/session/me: 401 without a session; the public view with one (never the identity number)", async () => {
    const none = await proxy.app.request("/api/session/me");
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toBeNull();
    const me = await proxy.app.request("/api/session/me", {
      headers: { cookie: await proxy.cookieFor("DEMO-IND-001") },
    });
    const text = await me.text();
    expect(me.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      kind: "launch",
      customer: { id: "DEMO-IND-001", name: expect.any(String) },
    });
    expect(text).not.toContain("10000000146");
    const guest = await proxy.app.request("/api/session/me", {
      headers: { cookie: await proxy.cookieFor(null) },
    });
    expect(await guest.json()).toMatchObject({ kind: "guest", customer: null });
  });

  it("GET /api/session/current: null without a session (200, not a failed request); the view with one", async () => {
    const none = await proxy.app.request("/api/session/current");
    expect(none.status).toBe(200);
    expect(await none.json()).toEqual({ session: null });
    const me = await proxy.app.request("/api/session/current", {
      headers: { cookie: await proxy.cookieFor("DEMO-IND-001") },
    });
    const text = await me.text();
    expect(me.status).toBe(200);
    expect(JSON.parse(text)).toMatchObject({
      session: { kind: "launch", customer: { id: "DEMO-IND-001", name: expect.any(String) } },
    });
    expect(text).not.toContain("10000000146");
    const guest = await proxy.app.request("/api/session/current", {
      headers: { cookie: await proxy.cookieFor(null) },
    });
    expect(await guest.json()).toMatchObject({ session: { kind: "guest", customer: null } });
  });

  it("a tampered or foreign cookie is no session (and is cleared)", async () => {
    const cookie = await proxy.cookieFor("DEMO-IND-001");
    const tampered = cookie.slice(0, -3) + (cookie.endsWith("AAA") ? "BBB" : "AAA");
    const res = await proxy.app.request("/api/session/me", { headers: { cookie: tampered } });
    expect(res.status).toBe(401);
    expect(res.headers.get("set-cookie")).toMatch(/^minted_session=; Path=\/; Max-Age=0/);
  });

  it("POST /api/session/logout clears the cookie (204), also without a body", async () => {
    const res = await proxy.app.request("/api/session/logout", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie: await proxy.cookieFor("DEMO-IND-001") },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toBe(
      "minted_session=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax",
    );
  });
});
