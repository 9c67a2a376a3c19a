import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../test-support.ts";
import { mintDevLaunchToken } from "./launch-token.ts";
import { controlClient } from "../../sandbox/control-client.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());
beforeEach(async () => {
  proxy.deps.now = () => Date.now();
  await controlClient(proxy.sandbox.url).reset();
});

const json = { origin: TEST_ORIGIN, "content-type": "application/json", "accept-language": "en" };
const post = (path: string, body: unknown, cookie = "") =>
  proxy.app.request(path, {
    method: "POST",
    headers: { ...json, ...(cookie ? { cookie } : {}) },
    body: JSON.stringify(body),
  });
const cookieOf = (res: Response) => res.headers.get("set-cookie")?.split(";")[0] ?? "";
/** A real launch: the cookie the browser would keep. */
async function launch(customer: string): Promise<string> {
  const res = await post("/api/session", {
    token: await mintDevLaunchToken(proxy.deps.env, customer),
  });
  expect(res.status).toBe(200);
  return cookieOf(res);
}
const me = (cookie: string) => proxy.app.request("/api/session/me", { headers: { cookie } });
const orders = (cookie: string) => proxy.app.request("/api/orders", { headers: { cookie } });

describe("sessions that end", () => {
  it("after logout the old cookie answers 401 everywhere (and is cleared)", async () => {
    const cookie = await launch("DEMO-IND-001");
    expect((await me(cookie)).status).toBe(200);
    expect((await orders(cookie)).status).toBe(200);
    const out = await proxy.app.request("/api/session/logout", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie },
    });
    expect(out.status).toBe(204);
    // The browser forgets the cookie; an attacker who kept it does not get in.
    const replayed = await me(cookie);
    expect(replayed.status).toBe(401);
    expect(replayed.headers.get("set-cookie")).toMatch(/^minted_session=; Path=\/; Max-Age=0/);
    expect((await orders(cookie)).status).toBe(401);
    expect((await post("/api/basket/items", { sku: "X", qty: 1 }, cookie)).status).toBe(401);
  });

  it("log out everywhere ends every session of the customer, not another customer's", async () => {
    const phone = await launch("DEMO-IND-001");
    const laptop = await launch("DEMO-IND-001");
    const someoneElse = await launch("DEMO-CORP-001");
    const res = await post("/api/session/logout-all", {}, phone);
    expect(res.status).toBe(204);
    expect(res.headers.get("set-cookie")).toMatch(/^minted_session=; Path=\/; Max-Age=0/);
    expect((await me(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(401);
    expect((await orders(laptop)).status).toBe(401);
    expect((await me(someoneElse)).status).toBe(200);
    // The customer can sign in again afterwards.
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await me(await launch("DEMO-IND-001"))).status).toBe(200);
  });

  it("log out everywhere is CSRF-guarded and needs a session", async () => {
    const cookie = await launch("DEMO-IND-001");
    const cross = await proxy.app.request("/api/session/logout-all", {
      method: "POST",
      headers: { origin: "https://evil.example", "content-type": "application/json", cookie },
      body: "{}",
    });
    expect(cross.status).toBe(403);
    const form = await proxy.app.request("/api/session/logout-all", {
      method: "POST",
      headers: { origin: TEST_ORIGIN, cookie },
    });
    expect(form.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
    expect((await post("/api/session/logout-all", {})).status).toBe(401);
  });

  it("a session idle for 30 minutes is over; one in use is not (clock moved)", async () => {
    const busy = await launch("DEMO-IND-001");
    const idle = await launch("DEMO-IND-001");
    const start = Date.now();
    for (const minutes of [10, 20, 29]) {
      proxy.deps.now = () => start + minutes * 60_000;
      expect((await me(busy)).status).toBe(200);
    }
    proxy.deps.now = () => start + 30 * 60_000 + 1000;
    expect((await me(busy)).status).toBe(200);
    expect((await me(idle)).status).toBe(401);
  });

  it("a new launch over a session ends the session it replaces", async () => {
    const first = await launch("DEMO-IND-001");
    const res = await proxy.app.request("/api/session", {
      method: "POST",
      headers: { ...json, cookie: first },
      body: JSON.stringify({ token: await mintDevLaunchToken(proxy.deps.env, "DEMO-CORP-001") }),
    });
    expect(res.status).toBe(200);
    expect((await me(first)).status).toBe(401);
    expect((await me(cookieOf(res))).status).toBe(200);
  });
});
