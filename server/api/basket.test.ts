import { describe, expect, it } from "vitest";
import { curl } from "../../sandbox/test-support.ts";
import { apiClient, useTestProxy, upstreamCalls } from "./api-test-client.ts";

/** 1 g gold bar: spot 4100 + markup 102.50 + minting 60 = 4262.50, VAT-exempt. */
const GOLD_1G = "MNTGB00010";
/** 50 g silver bar: spot 2600 + markup 156 + minting 90 = 2846, VAT 20 %. */
const SILVER_50G = "MNTSB00050";
const IND = "DEMO-IND-001";

const proxy = useTestProxy();

const fees = (basket: any) =>
  Object.fromEntries(
    basket.fees.map((f: any) => [f.kind, f.included ? `${f.amount} included` : f.amount]),
  );

describe("customer basket", () => {
  it("adds, updates, removes and clears with Minted's totals to the cent", async () => {
    const api = await apiClient(proxy(), IND);
    const empty = await api.call("GET", "/api/basket");
    expect(empty.status).toBe(200);
    expect(empty.json).toMatchObject({
      items: [],
      itemCount: 0,
      totals: { total: 0 },
      priceFix: null,
    });

    let res = await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 2 });
    expect(res.status, res.text).toBe(200);
    let basket: any = res.json;
    expect(basket.items).toEqual([
      {
        sku: GOLD_1G,
        name: "Minted 1 g 999.9 Gold Bar",
        image: `/api/images/${GOLD_1G}/1`,
        metal: "gold",
        type: "bar",
        unitPrice: 4262.5,
        quantity: 2,
        maxQuantity: 10,
        vatRate: 0,
        lineTotal: 8525,
        lineTax: 0,
      },
    ]);
    // delivery 149.90 below 20,000; insurance at least 10; commission 0.2 % of 8525.
    expect(fees(basket)).toEqual({
      delivery: 149.9,
      insurance: 10,
      market_commission: 17.05,
      minted_markup: "205 included",
    });
    expect(basket.totals).toEqual({ subtotal: 8525, vat: 0, fees: 176.95, total: 8701.95 });
    expect(basket.priceFix).toMatchObject({ renewed: false });
    expect(basket.priceFix.remainingSeconds).toBeGreaterThan(200);
    expect(res.text).not.toContain("token");

    res = await api.call("POST", "/api/basket/items", { sku: SILVER_50G, quantity: 1 });
    basket = res.json;
    expect(basket.itemCount).toBe(3);
    expect(fees(basket)).toEqual({
      delivery: 149.9,
      insurance: 11.37,
      market_commission: 22.74,
      minted_markup: "361 included",
      silver_craftsmanship: "90 included",
    });
    expect(basket.totals).toEqual({ subtotal: 11371, vat: 569.2, fees: 184.01, total: 12124.21 });

    res = await api.call("PATCH", `/api/basket/items/${GOLD_1G}`, { quantity: 5 });
    basket = res.json;
    // At 20,000 and above delivery is free.
    expect(basket.totals).toEqual({ subtotal: 24158.5, vat: 569.2, fees: 72.48, total: 24800.18 });
    expect(fees(basket).delivery).toBeUndefined();

    res = await api.call("DELETE", `/api/basket/items/${SILVER_50G}`);
    basket = res.json;
    expect(basket.items.map((i: any) => i.sku)).toEqual([GOLD_1G]);
    expect(basket.totals).toEqual({ subtotal: 21312.5, vat: 0, fees: 63.94, total: 21376.44 });

    res = await api.call("PATCH", `/api/basket/items/${GOLD_1G}`, { quantity: 0 });
    expect(res.json).toMatchObject({ items: [], totals: { total: 0 } });

    await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1 });
    res = await api.call("DELETE", "/api/basket");
    expect(res.json).toMatchObject({ items: [], itemCount: 0 });
    expect((await api.call("GET", "/api/basket")).json).toMatchObject({ items: [] });
  });

  it("answers the stock and the 10-per-product limit as field errors, before calling Minted", async () => {
    const api = await apiClient(proxy(), IND);
    await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 8 });
    const before = await upstreamCalls(proxy(), "POST", "/partner/ecom/basket");

    let res = await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 3 });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({
      code: "validation_failed",
      errors: { quantity: ["At most 10 units of one product can be in a basket."] },
    });
    // Ata five-lira coin: 3 in stock.
    res = await api.call("POST", "/api/basket/items", { sku: "MNTGC03608", quantity: 4 });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ errors: { quantity: ["Not enough stock: at most 3."] } });
    // 250 g silver bar: out of stock.
    res = await api.call("POST", "/api/basket/items", { sku: "MNTSB00250", quantity: 1 });
    expect(res.json).toMatchObject({ errors: { quantity: ["This product is out of stock."] } });
    res = await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 1.5 });
    expect(res.json).toMatchObject({
      errors: { quantity: ["Bars and coins are sold in whole units."] },
    });
    res = await api.call("POST", "/api/basket/items", { sku: "NOPE", quantity: 1 });
    expect(res.json).toMatchObject({ errors: { sku: ["This product is not for sale."] } });
    res = await api.call("PATCH", `/api/basket/items/${GOLD_1G}`, { quantity: 11 });
    expect(res.status).toBe(422);
    res = await api.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: -1 });
    expect(res.status).toBe(422);
    expect(res.json).toMatchObject({ errors: { quantity: expect.any(Array) } });

    expect(await upstreamCalls(proxy(), "POST", "/partner/ecom/basket")).toBe(before);
    expect(await upstreamCalls(proxy(), "PATCH", "/partner/ecom/basket")).toBe(0);
  });

  it("answers 404 for a line that is not in the basket", async () => {
    const api = await apiClient(proxy(), IND);
    expect((await api.call("PATCH", `/api/basket/items/${GOLD_1G}`, { quantity: 1 })).status).toBe(
      404,
    );
    expect((await api.call("DELETE", `/api/basket/items/${GOLD_1G}`)).status).toBe(404);
  });

  it("lists other incomplete baskets and resumes one into the active basket", async () => {
    // Two baskets made elsewhere (say, in the partner's app): the newer one is the active one.
    const newBasket = (sku: string, qty: number) =>
      curl(proxy().sandbox.url, "/partner/ecom/basket", {
        method: "POST",
        body: { external_customer_id: IND, sku, qty },
      });
    const older = await newBasket(SILVER_50G, 2);
    expect((await newBasket(GOLD_1G, 1)).status).toBe(200);
    const api = await apiClient(proxy(), IND);

    const list: any = (await api.call("GET", "/api/baskets/incomplete")).json;
    expect(list.baskets).toEqual([
      {
        id: older.json.data.id,
        itemCount: 1,
        preview: ["Minted 50 g 999.0 Silver Bar"],
        total: older.json.data.paid_total,
        currency: "TRY",
      },
    ]);
    expect(JSON.stringify(list)).not.toContain(older.json.data.token);

    const other = await apiClient(proxy(), "DEMO-CORP-001");
    expect(
      (await other.call("POST", `/api/baskets/incomplete/${older.json.data.id}/resume`)).status,
    ).toBe(404);

    const resumed: any = (
      await api.call("POST", `/api/baskets/incomplete/${older.json.data.id}/resume`)
    ).json;
    expect(resumed.skipped).toEqual([]);
    expect(resumed.basket.items.map((i: any) => [i.sku, i.quantity])).toEqual([
      [GOLD_1G, 1],
      [SILVER_50G, 2],
    ]);
    expect((await api.call("GET", "/api/baskets/incomplete")).json).toEqual({ baskets: [] });
  });
});

describe("guest basket", () => {
  it("keeps the basket in the session, priced from the catalog", async () => {
    const guest = await apiClient(proxy(), null);
    let res = await guest.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 2 });
    expect(res.status, res.text).toBe(200);
    expect(res.headers.get("set-cookie")).toContain("HttpOnly");
    res = await guest.call("POST", "/api/basket/items", { sku: SILVER_50G, quantity: 1 });
    const basket: any = res.json;
    expect(basket.estimated).toBe(true);
    expect(basket.priceFix).toBeNull();
    expect(basket.items.map((i: any) => [i.sku, i.quantity, i.unitPrice, i.vatRate])).toEqual([
      [GOLD_1G, 2, 4262.5, 0],
      [SILVER_50G, 1, 2846, 20],
    ]);
    expect(basket.totals).toEqual({ subtotal: 11371, vat: 569.2, fees: 0, total: 11940.2 });

    res = await guest.call("POST", "/api/basket/items", { sku: GOLD_1G, quantity: 9 });
    expect(res.status).toBe(422);
    res = await guest.call("PATCH", `/api/basket/items/${SILVER_50G}`, { quantity: 3 });
    expect((res.json as any).items[1].quantity).toBe(3);
    res = await guest.call("DELETE", `/api/basket/items/${SILVER_50G}`);
    expect((res.json as any).items).toHaveLength(1);
    expect(((await guest.call("GET", "/api/basket")).json as any).items).toHaveLength(1);
    // Guests have no upstream basket calls.
    expect(await upstreamCalls(proxy(), "POST", "/partner/ecom/basket")).toBe(0);
  });
});
