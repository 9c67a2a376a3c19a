import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { exampleData, responseExamples } from "../../minted/examples.ts";
import type { OperationName } from "../../minted/operations.ts";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { apiClient } from "./api-test-client.ts";

/**
 * The wallet routes against Minted's documented walletable answers (minted-api.md §8): the
 * add-item answer (api-26503549) as the active basket, the Complete Delivery answer
 * (api-27307650) as the completed order, and both with their optional fields taken away. The
 * answers come from an injected fetch; the Digest challenge still comes from the sandbox.
 */

const CUSTOMER = "DEMO-IND-001";

type Json = Record<string, unknown>;

function example(op: OperationName): Json {
  const [first] = responseExamples(op);
  if (!first) throw new Error(`no documented example for ${op}`);
  return structuredClone(exampleData(first)) as Json;
}

/** `o` without the named fields. */
function without(o: Json, ...keys: string[]): Json {
  return Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));
}

const FEES = [
  "payment_cost",
  "delivery_cost",
  "charge_fee",
  "charge_fee_rate",
  "minting_fee",
  "storage_fee",
  "storage_fee_rate",
  "charges_vat",
  "vat_rate",
];

/** Signed upstream requests by `METHOD /path` → the `data` to answer with. */
let answers: Record<string, unknown> = {};

const stubbed: typeof fetch = async (input, init) => {
  const req = new Request(input, init);
  const key = `${req.method} ${new URL(req.url).pathname}`;
  if (req.headers.has("authorization") && key in answers)
    return Response.json({ success: true, code: 0, message: "", data: answers[key] });
  return fetch(input, init);
};

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy({ fetch: stubbed });
});
afterAll(() => proxy.close());
beforeEach(() => {
  answers = {};
});

const BASKET = "GET /partner/walletable/basket";

async function quoteOf(type: string): Promise<string> {
  const api = await apiClient(proxy, CUSTOMER);
  const res = await api.call("GET", `/api/wallet/baskets/${type}`);
  expect(res.status, res.text).toBe(200);
  return (res.json as { quoteId: string }).quoteId;
}

describe("wallet routes on Minted's documented walletable answers", () => {
  it("shows the documented buy basket with every fee line it has, to the cent", async () => {
    answers[BASKET] = example("walletBasketAdd");
    const api = await apiClient(proxy, CUSTOMER);
    const res = await api.call("GET", "/api/wallet/baskets/buy");
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      type: "buy",
      currency: "AED",
      subtotal: 3008.9,
      total: 4114.68,
      items: [
        {
          sku: "MNTBAE0001",
          name: "Minted 1 g 999.9 Gold Bar",
          unitPrice: 601.78,
          quantity: 1,
          lineTotal: 601.78,
        },
      ],
      fees: [
        { kind: "charge_fee", label: "Service fee (10%)", amount: 300.89 },
        { kind: "minting_fee", label: "Minting fee", amount: 150.45 },
        { kind: "storage_fee", label: "Storage fee (20%)", amount: 601.78 },
        { kind: "vat", label: "VAT on fees (5%)", amount: 52.66 },
      ],
    });
    expect((res.json as { quoteId: unknown }).quoteId).toEqual(expect.any(String));
  });

  it("shows a basket without fee fields, tokens, code or item details: no invented lines", async () => {
    const bare = without(
      example("walletBasketAdd"),
      ...FEES,
      "token",
      "price_token",
      "pricefix",
      "increment_id",
      "currency_code",
      "price",
    );
    bare.items = [{ price: 601.78 }];
    answers[BASKET] = bare;
    const api = await apiClient(proxy, CUSTOMER);
    const res = await api.call("GET", "/api/wallet/baskets/buy");
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      fees: [],
      subtotal: 3008.9,
      total: 4114.68,
      quoteId: null,
      priceFix: null,
      items: [{ sku: null, name: null, unitPrice: 601.78, quantity: 1, lineTotal: 601.78 }],
    });
  });

  it("completes a delivery with the documented Complete Delivery answer", async () => {
    answers[BASKET] = { ...example("walletBasketAdd"), type: "delivery" };
    answers["POST /partner/walletable/complete/delivery"] = example("walletCompleteDelivery");
    const quoteId = await quoteOf("delivery");
    const api = await apiClient(proxy, CUSTOMER);
    const res = await api.call(
      "POST",
      "/api/wallet/baskets/delivery/complete",
      { quoteId },
      { "idempotency-key": "wallet-examples-delivery-1" },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      id: 11120,
      orderCode: null,
      type: "delivery",
      createdAt: null,
      currency: "AED",
      subtotal: null,
      total: 3.15,
      fees: [
        { kind: "delivery", amount: 3 },
        { kind: "vat", label: "VAT on fees", amount: 0.15 },
      ],
      items: [{ sku: null, name: null, image: null, unitPrice: 0, quantity: 1, lineTotal: 0 }],
      shippingAddress: { fullName: "Ahmet Özer", city: "İstanbul", zipcode: "34711" },
    });
  });

  it("a delivery without delivery_cost still shows its cost (the delivery basket's total)", async () => {
    answers[BASKET] = { ...example("walletBasketAdd"), type: "delivery" };
    answers["POST /partner/walletable/complete/delivery"] = without(
      example("walletCompleteDelivery"),
      "delivery_cost",
      "charges_vat",
      "shippingaddress",
      "delivery",
    );
    const quoteId = await quoteOf("delivery");
    const api = await apiClient(proxy, CUSTOMER);
    const res = await api.call(
      "POST",
      "/api/wallet/baskets/delivery/complete",
      { quoteId },
      { "idempotency-key": "wallet-examples-delivery-2" },
    );
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      total: 3.15,
      fees: [{ kind: "delivery", amount: 3 }],
      shippingAddress: null,
    });
  });

  it("lists wallet orders from documented objects, one of them naming no customer", async () => {
    const delivery = example("walletCompleteDelivery");
    const other = { ...example("walletBasketAdd"), id: 11117, customer: { external_id: "B" } };
    answers["GET /partner/walletable/orders"] = {
      current_page: 1,
      data: [delivery, other],
      last_page: 1,
      per_page: 10,
      total: 2,
    };
    const api = await apiClient(proxy, CUSTOMER);
    const res = await api.call("GET", "/api/wallet/orders?txType=delivery");
    expect(res.status, res.text).toBe(200);
    expect((res.json as { orders: unknown[] }).orders).toEqual([
      {
        source: "wallet",
        id: 11120,
        orderCode: null,
        type: "delivery",
        status: expect.any(String),
        createdAt: null,
        itemCount: 1,
        total: 3.15,
        currency: "AED",
      },
    ]);
  });

  it("a basket without its cart token: changing or completing it is a clear problem", async () => {
    answers[BASKET] = without(example("walletBasketAdd"), "token");
    const quoteId = await quoteOf("buy");
    const api = await apiClient(proxy, CUSTOMER, "tr");
    const change = await api.call("PATCH", "/api/wallet/baskets/buy/items/MNTBAE0001", {
      quantity: 2,
    });
    expect(change.status).toBe(502);
    expect(change.json).toMatchObject({
      code: "upstream_invalid",
      detail: expect.stringContaining("Sepetin anahtarı gelmediği için"),
    });
    const complete = await api.call(
      "POST",
      "/api/wallet/baskets/buy/complete",
      { quoteId },
      { "idempotency-key": "wallet-examples-no-token" },
    );
    expect(complete.status).toBe(502);
    expect(complete.json).toMatchObject({ code: "upstream_invalid" });
  });

  it("a receipt with only what the proxy needs renders, details left out", async () => {
    answers["GET /partner/walletable/orders/11120/receipt"] = {
      order_id: 11120,
      tx_type: "walletable_ecommerce",
      items: [{}],
      total: 3,
      paid_total: 3.15,
      charges_vat: 0.15,
      customer: { external_id: CUSTOMER },
    };
    const api = await apiClient(proxy, CUSTOMER);
    const res = await api.call("GET", "/api/wallet/orders/11120/receipt");
    expect(res.status, res.text).toBe(200);
    expect(res.json).toMatchObject({
      receiptNo: null,
      orderId: 11120,
      orderCode: null,
      type: "delivery",
      currency: "AED",
      subtotal: null,
      total: 3.15,
      fees: [
        { kind: "delivery", amount: 3 },
        { kind: "vat", amount: 0.15 },
      ],
      items: [{ sku: null, name: null, quantity: null, grams: null, lineTotal: null }],
      paymentMethod: "wallet",
    });
  });
});
