import { describe, expect, it } from "vitest";
import { z } from "zod";
import { readyCheckout } from "../stack.ts";
import { useFaultStack } from "./fault-stack.ts";

/**
 * Sandbox faults on each upstream group, through the real proxy and sandbox processes: every
 * answer comes back in bounded time as problem+json with a stable code (or, for the cached
 * catalog, still 200), the proxy recovers as soon as the fault is lifted, the basket is never
 * lost, and a completion under faults never makes a second order.
 */

const TIMEOUT_MS = 1500;
const run = useFaultStack(TIMEOUT_MS);

const KINDS = {
  latency: { latency_ms: TIMEOUT_MS * 3 },
  "5xx": { status: 503 },
  drop: { drop: true },
  malformed: { malformed: true },
} as const;

/** Each customer-facing group: the proxy call the page makes and the upstream path behind it. */
const GROUPS = [
  { group: "catalog", call: "/api/products/MNTGB00010", upstream: "/partner/ecom/product" },
  { group: "basket", call: "/api/basket", upstream: "/partner/ecom/basket" },
  { group: "checkout", call: "/api/checkout/payment-types", upstream: "/partner/ecom/payment" },
  { group: "orders", call: "/api/orders", upstream: "/partner/ecom/orders" },
  { group: "wallet", call: "/api/wallet", upstream: "/partner/walletable" },
  { group: "customer", call: "/api/addresses", upstream: "/partner/customer/address" },
] as const;

const STABLE = ["upstream_unavailable", "upstream_invalid"];
/** The upstream client's worst case: its timeout, one retry of an idempotent read, and slack. */
const BOUND_MS = TIMEOUT_MS * 2 + 2500;

const basketItems = z.object({
  items: z.array(z.object({ sku: z.string(), quantity: z.number() })),
});
async function basket(): Promise<[string, number][]> {
  const res = await run.client.call("GET", "/api/basket");
  expect(res.status, res.text).toBe(200);
  return basketItems.parse(res.json).items.map((i) => [i.sku, i.quantity]);
}

describe("upstream faults", () => {
  for (const { group, call, upstream } of GROUPS)
    it(`${group}: bounded problem+json under each fault, recovery after`, async () => {
      expect(
        (await run.client.call("POST", "/api/basket/items", { sku: "MNTSB00050", quantity: 2 }))
          .status,
      ).toBe(200);
      const before = await basket();
      const healthy = await run.client.call("GET", call);
      expect(healthy.status, healthy.text).toBe(200);
      for (const [kind, spec] of Object.entries(KINDS)) {
        await run.stack.control.faults.add({ path: upstream, ...spec });
        const res = await run.client.call("GET", call);
        expect(res.ms, `${group}/${kind} took ${String(Math.round(res.ms))} ms`).toBeLessThan(
          BOUND_MS,
        );
        if (res.status !== 200) {
          expect(res.status, `${group}/${kind}`).toBeGreaterThanOrEqual(500);
          expect(res.headers.get("content-type")).toContain("application/problem+json");
          expect(STABLE, `${group}/${kind}: ${res.text}`).toContain(
            z.object({ code: z.string() }).parse(res.json).code,
          );
          expect(res.text).not.toContain(run.stack.sandboxUrl);
          expect(res.headers.get("www-authenticate")).toBeNull();
        } else {
          // Only the catalog may answer through a fault: from its cache.
          expect(group, `${group}/${kind} answered 200 through the fault`).toBe("catalog");
        }
        await run.stack.control.faults.clear();
        const recovered = await run.client.call("GET", call);
        expect(recovered.status, `${group}/${kind} after the fault: ${recovered.text}`).toBe(200);
        expect(await basket()).toEqual(before);
      }
    });

  it("basket mutations under faults lose nothing already in the basket", async () => {
    expect(
      (await run.client.call("POST", "/api/basket/items", { sku: "MNTSB00050", quantity: 2 }))
        .status,
    ).toBe(200);
    const before = await basket();
    for (const [kind, spec] of Object.entries(KINDS)) {
      await run.stack.control.faults.add({
        method: "PATCH",
        path: "/partner/ecom/basket",
        ...spec,
      });
      await run.stack.control.faults.add({
        method: "POST",
        path: "/partner/ecom/basket",
        ...spec,
      });
      const add = await run.client.call("POST", "/api/basket/items", {
        sku: "MNTGB00010",
        quantity: 1,
      });
      expect(add.status, `${kind}: ${add.text}`).toBeGreaterThanOrEqual(500);
      expect(add.ms).toBeLessThan(BOUND_MS);
      await run.stack.control.faults.clear();
      // A latency fault lets the add land after we gave up; whatever landed, nothing is lost.
      await new Promise((resolve) => setTimeout(resolve, kind === "latency" ? TIMEOUT_MS * 2 : 0));
      const after = new Map(await basket());
      for (const [sku, quantity] of before)
        expect(after.get(sku) ?? 0, `${kind}: ${sku}`).toBeGreaterThanOrEqual(quantity);
    }
  });

  it("a completion under every fault, then retried, makes exactly one order", async () => {
    const body = await readyCheckout(run.client);
    const answers: string[] = [];
    const orders = new Set<string>();
    for (const [kind, spec] of Object.entries(KINDS)) {
      await run.stack.control.faults.add({
        path: "/partner/ecom/basket/complete",
        ...spec,
      });
      const res = await run.client.call("POST", "/api/checkout/complete", body, {
        "idempotency-key": `fault-${kind}-${String(Date.now())}`,
      });
      answers.push(`${kind}: ${String(res.status)}`);
      // Either a problem, or (once Minted completed it despite the fault) that one order.
      if (res.status === 200)
        orders.add(z.object({ orderCode: z.string() }).parse(res.json).orderCode);
      else
        expect(res.headers.get("content-type"), `${kind}: ${res.text}`).toContain(
          "application/problem+json",
        );
      expect(res.ms).toBeLessThan(BOUND_MS * 2);
      await run.stack.control.faults.clear();
    }
    // The customer taps again (a new key, as after a reload); then once more with that key.
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
    const key = `fault-final-${String(Date.now())}`;
    const last = await run.client.call("POST", "/api/checkout/complete", body, {
      "idempotency-key": key,
    });
    const repeat = await run.client.call("POST", "/api/checkout/complete", body, {
      "idempotency-key": key,
    });
    expect(repeat.text).toBe(last.text);
    const entries = await run.stack.control.requests.list({
      method: "PUT",
      path: "/partner/ecom/basket/complete",
      status: 200,
      limit: 100,
    });
    expect(
      entries.length,
      `${answers.join(", ")}; last ${String(last.status)} ${last.text}`,
    ).toBeLessThanOrEqual(1);
    expect(orders.size, answers.join(", ")).toBeLessThanOrEqual(1);
    const listed = z
      .object({ items: z.array(z.object({ code: z.string() })) })
      .parse((await run.client.call("GET", "/api/orders")).json).items;
    expect(new Set(listed.map((o) => o.code)).size).toBe(listed.length);
    console.log(
      `completion under faults: ${answers.join(", ")}; then ${String(last.status)}; upstream completions answered 200: ${String(entries.length)}`,
    );
  });
});
