import { describe, expect, it } from "vitest";
import { ShopClient } from "../stack.ts";
import { useSharedRedisStack } from "./fault-stack.ts";

/**
 * Two proxy processes sharing one redis-server (REDIS_URL): a session started on one instance is
 * served by the other, and ending it — logout, or "log out everywhere" — holds on both at once.
 */

const run = useSharedRedisStack();

/** A client on instance B holding the cookie `on` A was given. */
function sameCookieOn(url: string, on: ShopClient): ShopClient {
  const client = new ShopClient(url);
  client.cookie = on.cookie;
  return client;
}

describe("sessions on two proxy instances sharing Redis", () => {
  it("a session started on A works on B; logout on A → 401 on B", async () => {
    const [urlA = "", urlB = ""] = run.stack.proxyUrls;
    const a = new ShopClient(urlA);
    await a.launch("DEMO-IND-001");
    const b = sameCookieOn(urlB, a);
    expect((await b.call("GET", "/api/session/me")).status).toBe(200);
    expect((await b.call("GET", "/api/orders")).status).toBe(200);
    const kept = sameCookieOn(urlB, a);
    expect((await a.call("POST", "/api/session/logout")).status).toBe(204);
    const after = await kept.call("GET", "/api/session/me");
    expect(after.status).toBe(401);
    expect((await kept.call("GET", "/api/orders")).status).toBe(401);
  });

  it("log out everywhere on B ends the customer's session served by A, not another customer's", async () => {
    const [urlA = "", urlB = ""] = run.stack.proxyUrls;
    const phone = new ShopClient(urlA);
    await phone.launch("DEMO-IND-001");
    const laptop = new ShopClient(urlB);
    await laptop.launch("DEMO-IND-001");
    const other = new ShopClient(urlA);
    await other.launch("DEMO-CORP-001");
    expect((await laptop.call("POST", "/api/session/logout-all", {})).status).toBe(204);
    expect((await phone.call("GET", "/api/session/me")).status).toBe(401);
    expect((await other.call("GET", "/api/session/me")).status).toBe(200);
  });
});
