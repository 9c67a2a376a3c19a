import { describe, expect, it } from "vitest";
import { controlClient } from "../../sandbox/control-client.ts";
import { curl } from "../../sandbox/test-support.ts";
import { apiClient, useTestProxy, upstreamCalls, type ApiClient } from "./api-test-client.ts";
import { digitalRecordsOf } from "./digital-records.ts";

const IND = "DEMO-IND-001";

const proxy = useTestProxy();

/** The walletable basket straight from the sandbox (curl's own Digest), for comparison. */
async function sandboxBasket(type: string): Promise<any> {
  const res = await curl(
    proxy().sandbox.url,
    `/partner/walletable/basket?external_customer_id=${IND}&type=${type}`,
  );
  expect(res.status).toBe(200);
  return res.json.data;
}

const feeMap = (fees: any[]) => Object.fromEntries(fees.map((f) => [f.kind, f.amount]));
const cents = (n: number) => Math.round(n * 100);

/** subtotal + Σ fee lines = total, to the cent. */
function expectBalanced(basket: any) {
  const sum = basket.fees.reduce(
    (s: number, f: any) => s + cents(f.amount),
    cents(basket.subtotal),
  );
  expect(sum).toBe(cents(basket.total));
}

async function add(api: ApiClient, type: string, sku: string, quantity: number) {
  const res = await api.call("POST", `/api/wallet/baskets/${type}/items`, { sku, quantity });
  expect(res.status, res.text).toBe(200);
  return res.json as any;
}

/** A digital gold buy of `grams` at a fresh quote; what it cost. */
async function digitalBuy(api: ApiClient, grams: number, currency = "TRY"): Promise<number> {
  const q = await api.call("POST", "/api/digital/quotes", {
    metal: "gold",
    side: "buy",
    grams,
    currency,
  });
  expect(q.status, q.text).toBe(201);
  const res = await api.call(
    "POST",
    "/api/digital/orders",
    { quoteId: (q.json as any).quoteId, side: "buy", grams },
    { "idempotency-key": `cost-${String(grams * 10)}-${String(Date.now())}` },
  );
  expect(res.status, res.text).toBe(201);
  return Number((res.json as any).amount);
}

describe("wallet", () => {
  it("shows balances per metal, holdings and cash", async () => {
    const api = await apiClient(proxy(), IND);
    const res = await api.call("GET", "/api/wallet");
    expect(res.status).toBe(200);
    const wallet: any = res.json;
    expect(wallet.cash).toBe(250000);
    expect(wallet.metals.find((m: any) => m.metal === "gold")).toMatchObject({
      grams: 32.5,
      deliverableGrams: 20,
      digitalGrams: 12.5,
      // 20 g of bars at the 4000 bid + 12.5 digital grams at 4000.
      value: 130000,
    });
    expect(wallet.holdings.find((h: any) => h.sku === "MNTGB00100")).toEqual({
      sku: "MNTGB00100",
      name: "Minted 10 g 999.9 Gold Bar",
      image: "/api/images/MNTGB00100/1",
      metal: "gold",
      quantity: 2,
      grams: 20,
      value: 80000,
      deliverable: true,
    });
    expect(res.text).not.toContain(proxy().sandbox.url);
    // The total is everything held: the metals at the bid and the TL cash.
    expect(wallet.metalsValue).toBe(
      Math.round(wallet.holdings.reduce((s: number, h: any) => s + Number(h.value), 0) * 100) / 100,
    );
    expect(wallet.totalValue).toBe(Math.round((Number(wallet.metalsValue) + 250000) * 100) / 100);
    // No order of this shop explains the seeded grams: no average cost is claimed.
    expect(wallet.metals.find((m: any) => m.metal === "gold")).toMatchObject({
      averageCost: null,
      costGrams: 0,
      profit: null,
    });
  });

  it("a digital buy is paid from the TL cash and gives the metal an average cost", async () => {
    const api = await apiClient(proxy(), IND);
    let paid = 0;
    for (const grams of [1, 0.5]) paid += await digitalBuy(api, grams);
    const wallet: any = (await api.call("GET", "/api/wallet")).json;
    expect(cents(wallet.cash)).toBe(cents(250000 - paid));
    const gold = wallet.metals.find((m: any) => m.metal === "gold");
    expect(gold.costGrams).toBe(1.5);
    expect(gold.averageCost).toBe(Math.round((paid / 1.5) * 100) / 100);
    const bid = 4000;
    expect(gold.profit).toBe(Math.round((bid * 1.5 - paid) * 100) / 100);
  });

  it("a wallet view asks Minted the same few things however many digital orders it has", async () => {
    const api = await apiClient(proxy(), IND);
    const log = controlClient(proxy().sandbox.url).requests;
    /** The upstream requests of one wallet view, all and order look-ups. */
    const view = async () => {
      await log.clear();
      const res = await api.call("GET", "/api/wallet");
      expect(res.status, res.text).toBe(200);
      const gold = (res.json as any).metals.find((m: any) => m.metal === "gold");
      return {
        calls: await log.count("*", "/"),
        orderGets: await log.count("GET", "/partner/order/"),
        costGrams: gold.costGrams,
      };
    };
    await digitalBuy(api, 0.1);
    const one = await view();
    for (const grams of [0.2, 0.3, 0.4]) await digitalBuy(api, grams);
    const four = await view();
    expect(one.orderGets).toBe(0);
    expect(four).toMatchObject({ calls: one.calls, orderGets: 0 });
    // The three new buys are in the cost all the same (earlier tests' orders may be too).
    expect(Math.round((four.costGrams - one.costGrams) * 1e4)).toBe(9000);
  });

  it("leaves a buy paid in another currency out of the TRY cost", async () => {
    const api = await apiClient(proxy(), IND);
    const costGrams = async () => {
      const res = await api.call("GET", "/api/wallet");
      expect(res.status, res.text).toBe(200);
      return (res.json as any).metals.find((m: any) => m.metal === "gold").costGrams as number;
    };
    const before = await costGrams();
    await digitalBuy(api, 0.5, "USD");
    expect(await costGrams()).toBe(before);
    await digitalBuy(api, 0.5);
    expect(Math.round(((await costGrams()) - before) * 1e4)).toBe(5000);
  });

  it("reads an order recorded before trades were kept from Minted, once, by its status now", async () => {
    const api = await apiClient(proxy(), IND);
    const control = controlClient(proxy().sandbox.url);
    const { store } = proxy().deps;
    const costGrams = async () => {
      const res = await api.call("GET", "/api/wallet");
      expect(res.status, res.text).toBe(200);
      return (res.json as any).metals.find((m: any) => m.metal === "gold").costGrams as number;
    };
    const before = await costGrams();
    await digitalBuy(api, 0.7);
    const [record] = await digitalRecordsOf(store, IND);
    if (!record?.trade) throw new Error("the buy was not recorded with its trade");
    // As an older proxy wrote it: the same record without the trade.
    const { slot, trade, ...legacy } = record;
    await store.set(
      `digital:orders:${encodeURIComponent(IND)}:slot:${String(slot)}`,
      JSON.stringify(legacy),
      3600,
    );
    await control.requests.clear();
    expect(Math.round(((await costGrams()) - before) * 1e4)).toBe(Math.round(trade.grams * 1e4));
    expect(await control.requests.count("GET", "/partner/order/")).toBe(1);
    await control.setOrderStatus(record.orderCode, "Cancelled");
    expect(await costGrams()).toBe(before);
  });

  it("buy basket: Minted's fee lines to the cent", async () => {
    const api = await apiClient(proxy(), IND);
    const basket = await add(api, "buy", "MNTGB00010", 2);
    const up = await sandboxBasket("buy");
    expect(basket.items).toEqual([
      {
        sku: "MNTGB00010",
        name: "Minted 1 g 999.9 Gold Bar",
        image: "/api/images/MNTGB00010/1",
        unitPrice: 4100,
        quantity: 2,
        lineTotal: 8200,
      },
    ]);
    expect(basket.subtotal).toBe(up.price);
    expect(basket.total).toBe(up.paid_total);
    const fees = feeMap(basket.fees);
    expect(fees.charge_fee).toBe(up.charge_fee);
    expect(fees.minting_fee).toBe(up.minting_fee);
    expect(fees.vat).toBe(up.charges_vat);
    expect(fees.storage_fee ?? 0).toBe(up.storage_fee);
    expect(basket.fees.every((f: any) => f.amount !== 0)).toBe(true);
    expectBalanced(basket);
    expect(basket.quoteId).toMatch(/^[a-f0-9]{32}$/);
    expect(JSON.stringify(basket)).not.toContain(up.token);
    expect(JSON.stringify(basket)).not.toContain(up.price_token);
  });

  it("sell basket: fees come off the proceeds, to the cent", async () => {
    const api = await apiClient(proxy(), IND);
    const basket = await add(api, "sell", "MNTGB00100", 1);
    const up = await sandboxBasket("sell");
    expect(basket.items[0]).toMatchObject({ unitPrice: 40000, quantity: 1 });
    expect(basket.subtotal).toBe(up.price);
    expect(basket.total).toBe(up.paid_total);
    expect(feeMap(basket.fees)).toEqual({ charge_fee: -up.charge_fee, vat: -up.charges_vat });
    expectBalanced(basket);

    const tooMany = await api.call("PATCH", "/api/wallet/baskets/sell/items/MNTGB00100", {
      quantity: 3,
    });
    expect(tooMany.status).toBe(422);
    expect(tooMany.json).toMatchObject({ errors: { quantity: ["Only 2 held in the vault."] } });
  });

  it("delivery basket: an owned shipping address, the delivery fee and its VAT", async () => {
    const api = await apiClient(proxy(), IND);
    await add(api, "delivery", "MNTSB00100", 1);
    expect(
      (await api.call("PUT", "/api/wallet/baskets/delivery/address", { addressId: 1933 })).status,
    ).toBe(404);
    const billing = await api.call("PUT", "/api/wallet/baskets/delivery/address", {
      addressId: 1932,
    });
    expect(billing.status).toBe(422);
    expect(Object.keys((billing.json as any).errors)).toEqual(["addressId"]);

    const res = await api.call("PUT", "/api/wallet/baskets/delivery/address", { addressId: 1931 });
    expect(res.status, res.text).toBe(200);
    const basket: any = res.json;
    const up = await sandboxBasket("delivery");
    expect(basket.shippingAddress).toMatchObject({ city: "İstanbul", zipcode: "34710" });
    expect(basket.items).toEqual([
      expect.objectContaining({ sku: "MNTSB00100", quantity: 1, unitPrice: 0 }),
    ]);
    expect(basket.subtotal).toBeNull();
    expect(feeMap(basket.fees)).toEqual({ delivery: up.delivery_cost, vat: up.charges_vat });
    expect(basket.total).toBe(up.paid_total);
    expectBalanced(basket);
  });

  it("completes once per key, then lists the order and serves its receipt", async () => {
    const api = await apiClient(proxy(), IND);
    await add(api, "buy", "MNTGB00010", 1);
    const basket = await add(api, "buy", "MNTGC00175", 2);
    expect(basket.items.map((i: any) => [i.sku, i.quantity])).toEqual([
      ["MNTGB00010", 1],
      ["MNTGC00175", 2],
    ]);
    const key = `wallet-buy-${String(Date.now())}`;
    const body = { quoteId: basket.quoteId };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        api.call("POST", "/api/wallet/baskets/buy/complete", body, { "idempotency-key": key }),
      ),
    );
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await upstreamCalls(proxy(), "POST", "/partner/walletable/complete/buy")).toBe(1);
    const order: any = answers[0]?.json;
    expect(order).toMatchObject({
      type: "buy",
      status: "completed",
      subtotal: basket.subtotal,
      total: basket.total,
    });
    expect(order.fees).toEqual(basket.fees);

    const list: any = (await api.call("GET", "/api/wallet/orders?txType=buy")).json;
    expect(list.orders[0]).toMatchObject({
      id: order.id,
      orderCode: order.orderCode,
      type: "buy",
      itemCount: 3,
    });
    expect(list.pageInfo).toMatchObject({ page: 1, total: 1 });

    const receipt = await api.call("GET", `/api/wallet/orders/${String(order.id)}/receipt`);
    expect(receipt.status, receipt.text).toBe(200);
    expect(receipt.json).toMatchObject({
      orderCode: order.orderCode,
      type: "buy",
      subtotal: order.subtotal,
      fees: order.fees,
      total: order.total,
      paymentMethod: "wallet",
    });
    const other = await apiClient(proxy(), "DEMO-CORP-001");
    expect((await other.call("GET", `/api/wallet/orders/${String(order.id)}/receipt`)).status).toBe(
      404,
    );

    const empty: any = (await api.call("GET", "/api/wallet/baskets/buy")).json;
    expect(empty).toMatchObject({ items: [], quoteId: null, total: 0 });
  });

  it("refuses a stale quote with the renewed basket", async () => {
    const api = await apiClient(proxy(), IND);
    const basket = await add(api, "buy", "MNTGB00010", 1);
    const res = await api.call(
      "POST",
      "/api/wallet/baskets/buy/complete",
      { quoteId: "0".repeat(32) },
      { "idempotency-key": `wallet-stale-${String(Date.now())}` },
    );
    expect(res.status).toBe(409);
    expect(res.json).toMatchObject({ code: "price_expired", basket: { quoteId: basket.quoteId } });
    expect(await upstreamCalls(proxy(), "POST", "/partner/walletable/complete/buy")).toBe(0);
  });
});
