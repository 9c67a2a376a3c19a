import { describe, expect, it } from "vitest";
import { ShopClient, readyCheckout } from "../stack.ts";
import { useSharedRedisStack } from "./fault-stack.ts";

/**
 * Two proxy processes sharing one redis-server (REDIS_URL), in front of one sandbox process: one
 * Idempotency-Key is one order whichever instance each request reaches, and the receipt-lookup
 * limit counts both instances' attempts together.
 */

const COMPLETE = "/partner/ecom/basket/complete";
const run = useSharedRedisStack();

/** One customer session, used through instance A and instance B. */
async function clients(): Promise<[ShopClient, ShopClient]> {
  const [urlA = "", urlB = ""] = run.stack.proxyUrls;
  const a = new ShopClient(urlA);
  await a.launch("DEMO-IND-001");
  const b = new ShopClient(urlB);
  b.cookie = a.cookie;
  return [a, b];
}

describe("two proxy instances on one Redis", () => {
  it("20 concurrent completions with one key, spread over both instances → one upstream order, 20 identical answers", async () => {
    const [a, b] = await clients();
    const body = await readyCheckout(a);
    const key = `concurrent-${String(Date.now())}`;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? b : a).call("POST", "/api/checkout/complete", body, { "idempotency-key": key }),
      ),
    );
    expect(answers.map((r) => r.status)).toEqual(Array.from({ length: 20 }, () => 200));
    expect(new Set(answers.map((r) => r.text)).size).toBe(1);
    expect(answers[0]?.json).toMatchObject({ status: "paid" });
    expect(await run.stack.control.requests.count("PUT", COMPLETE)).toBe(1);
  });

  it("the same key via A and then via B → one order, the same answer", async () => {
    const [a, b] = await clients();
    const body = await readyCheckout(a);
    const key = `a-then-b-${String(Date.now())}`;
    const first = await a.call("POST", "/api/checkout/complete", body, { "idempotency-key": key });
    const again = await b.call("POST", "/api/checkout/complete", body, { "idempotency-key": key });
    expect(first.status, first.text).toBe(200);
    expect(again.status).toBe(200);
    expect(again.text).toBe(first.text);
    expect(await run.stack.control.requests.count("PUT", COMPLETE)).toBe(1);
    // Another body under the same key is a conflict on either instance.
    const other = await b.call(
      "POST",
      "/api/checkout/complete",
      { ...body, paymentType: "card" },
      { "idempotency-key": key },
    );
    expect(other.status).toBe(409);
    expect(await run.stack.control.requests.count("PUT", COMPLETE)).toBe(1);
  });

  it("the receipt-lookup limit (10 per address and 10 minutes) is shared", async () => {
    const [urlA = "", urlB = ""] = run.stack.proxyUrls;
    const lookup = (base: string) =>
      new ShopClient(base).call("POST", "/api/receipts/lookup", {
        orderCode: "MNT000000001",
        email: "nobody@example.com",
      });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await lookup(i % 2 ? urlB : urlA)).status);
    expect(statuses.filter((s) => s === 429)).toEqual([]);
    const overA = await lookup(urlA);
    const overB = await lookup(urlB);
    expect([overA.status, overB.status]).toEqual([429, 429]);
    expect(overB.json).toMatchObject({ code: "rate_limited" });
    expect(overB.headers.get("retry-after")).toMatch(/^\d+$/);
  });
});
