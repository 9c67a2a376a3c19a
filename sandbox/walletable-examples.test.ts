import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exampleData, responseExamples } from "../minted/examples.ts";
import type { OperationName } from "../minted/operations.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

/**
 * The sandbox's walletable answers next to Minted's documented ones (minted-api.md §8): every
 * key the example has, the sandbox has too, with a value of the same JSON type (a `null` in the
 * example says nothing about the type). The sandbox's currency is the one deviation, see
 * `walletBasketJson`.
 */

const DEMO = "DEMO-IND-001";

function example(op: OperationName): unknown {
  const [first] = responseExamples(op);
  if (!first) throw new Error(`no documented example for ${op}`);
  return exampleData(first);
}

function kind(v: unknown): string {
  if (v === null) return "null";
  return Array.isArray(v) ? "array" : typeof v;
}

/** Paths where `ours` lacks a key of `doc`, or has another type. Arrays: first elements. */
function shapeDiff(doc: unknown, ours: unknown, path = "data"): string[] {
  if (doc === null) return [];
  if (kind(doc) !== kind(ours)) return [`${path}: ${kind(doc)} documented, ${kind(ours)} sent`];
  if (Array.isArray(doc) && Array.isArray(ours))
    return doc.length > 0 && ours.length > 0 ? shapeDiff(doc[0], ours[0], `${path}.0`) : [];
  if (doc && typeof doc === "object" && ours && typeof ours === "object")
    return Object.entries(doc).flatMap(([k, v]) =>
      k in ours
        ? shapeDiff(v, (ours as Record<string, unknown>)[k], `${path}.${k}`)
        : [`${path}.${k}: missing`],
    );
  return [];
}

describe("walletable answers have the documented shape", () => {
  let sb: RunningSandbox;
  const add = (body: Record<string, unknown>) =>
    curl(sb.url, "/partner/walletable/basket", {
      method: "POST",
      body: { external_customer_id: DEMO, ...body },
    });

  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(async () => {
    await sb.close();
  });
  beforeEach(async () => {
    await control(sb.url, "POST", "/reset");
  });

  it("Create Basket / Add Basket Item is shaped like api-26503549", async () => {
    const res = await add({ type: "buy", sku: "MNTGB00010", qty: 1 });
    expect(res.status).toBe(200);
    expect(shapeDiff(example("walletBasketAdd"), res.json.data)).toEqual([]);
    expect(res.json.data).toMatchObject({ type: "buy", order_creation_status: "basket" });
    expect(res.json.data.items[0].prices).toEqual([
      { id: 7, name: "Mint Ücreti", price: expect.any(Number) },
    ]);
  });

  it("Complete Delivery is shaped like api-27307650", async () => {
    await control(sb.url, "PUT", "/config", { walletable: { delivery_cost: 3 } });
    const basket = await add({
      type: "delivery",
      sku: "MNTGB00100",
      qty: 1,
      shipping_address_id: 1931,
    });
    expect(basket.status).toBe(200);
    const res = await curl(sb.url, "/partner/walletable/complete/delivery", {
      method: "POST",
      body: { external_customer_id: DEMO, cart_token: basket.json.data.token },
    });
    expect(res.status).toBe(200);
    expect(shapeDiff(example("walletCompleteDelivery"), res.json.data)).toEqual([]);
    expect(res.json.data).toMatchObject({
      order_creation_status: "order",
      type: "walletable_ecommerce",
      total: 3,
      delivery_cost: 3,
      charges_vat: 0.15,
      paid_total: 3.15,
      status_id: 2,
      status_name: "Pending",
      items: [{ price: 0 }],
    });
  });
});
