import { beforeAll, describe, expect, it } from "vitest";
import { ShopClient, readyCheckout } from "../stack.ts";
import { useStack } from "./fault-stack.ts";

/**
 * One proxy on a real redis-server (REDIS_URL) that is stopped mid-run: every request that needs
 * the store — a launch, a completion, a session's next request — answers 503 `store_unavailable`
 * in the customer's language, never 500, and nothing goes ahead upstream.
 */

const COMPLETE = "/partner/ecom/basket/complete";
const run = useStack({ redis: true });
let launched: ShopClient;
let checkout: Record<string, unknown>;

beforeAll(async () => {
  await run.stack.control.reset();
  launched = new ShopClient(run.stack.proxyUrls[0] ?? "");
  await launched.launch("DEMO-IND-001");
  checkout = await readyCheckout(launched);
  await run.stack.stopRedis();
}, 90_000);

const storeUnavailable = { code: "store_unavailable", status: 503 };

describe("Redis down", () => {
  it("a launch answers 503 store_unavailable (no session without the store)", async () => {
    const client = new ShopClient(run.stack.proxyUrls[0] ?? "", "tr");
    const redirect = await fetch(`${client.base}/dev/launch?customer=DEMO-IND-002`, {
      redirect: "manual",
    });
    const token = /token=([^&]+)/.exec(redirect.headers.get("location") ?? "")?.[1] ?? "";
    const res = await client.call("POST", "/api/session", { token });
    expect(res.status, res.text).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.json).toMatchObject({
      ...storeUnavailable,
      title: "Hizmet kısa bir süre için kullanılamıyor; lütfen biraz sonra tekrar deneyin.",
    });
    expect(res.headers.get("set-cookie")).toBeNull();
  });

  it("a completion answers 503 store_unavailable and places no order", async () => {
    const res = await launched.call("POST", "/api/checkout/complete", checkout, {
      "idempotency-key": `store-down-${String(Date.now())}`,
    });
    expect(res.status, res.text).toBe(503);
    expect(res.json).toMatchObject({
      ...storeUnavailable,
      title: "The service is briefly unavailable; please try again in a moment.",
    });
    expect(await run.stack.control.requests.count("PUT", COMPLETE)).toBe(0);
  });

  it("an existing session's requests answer 503, not 500", async () => {
    for (const path of ["/api/session/me", "/api/basket", "/api/catalog/products"]) {
      const res = await launched.call("GET", path);
      expect(res.status, `${path}: ${res.text}`).toBe(503);
      expect(res.json).toMatchObject(storeUnavailable);
    }
  });
});
