import { describe, expect, it } from "vitest";
import { curl } from "../../sandbox/test-support.ts";
import { apiClient, useTestProxy, upstreamCalls, type ApiClient } from "./api-test-client.ts";
import { partnerDateIso } from "./digital.ts";
import { controlClient } from "../../sandbox/control-client.ts";

const IND = "DEMO-IND-001";

const proxy = useTestProxy();

let keys = 0;
const newKey = () => `digital-${String(++keys)}-${String(Date.now())}`;

async function goldGrams(): Promise<number> {
  const res = await curl(proxy().sandbox.url, `/partner/balance/customer/${IND}`);
  return res.json.data.find((l: any) => l.currency_code === "GAU").balance;
}

async function quote(api: ApiClient, body: Record<string, unknown>) {
  const res = await api.call("POST", "/api/digital/quotes", {
    metal: "gold",
    currency: "TRY",
    ...body,
  });
  expect(res.status, res.text).toBe(201);
  return res.json as any;
}

function order(api: ApiClient, body: Record<string, unknown>, key = newKey()) {
  return api.call("POST", "/api/digital/orders", body, { "idempotency-key": key });
}

describe("digital quick buy / sell", () => {
  it("buys by grams at the fixed ask", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "buy", grams: 1.5 });
    expect(q).toMatchObject({
      metal: "gold",
      side: "buy",
      currency: "TRY",
      unitPrice: 4100,
      grams: 1.5,
      amount: 6150,
    });
    expect(q.quoteId).toMatch(/^[a-f0-9]{32}$/);
    expect(q.remainingSeconds).toBe(240);
    expect(JSON.stringify(q)).not.toMatch(/token/i);

    const res = await order(api, { quoteId: q.quoteId, side: "buy", grams: 1.5 });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      side: "buy",
      metal: "gold",
      status: "completed",
      grams: 1.5,
      unitPrice: 4100,
      amount: 6150,
      currency: "TRY",
    });
    expect((res.json as any).createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    expect(await goldGrams()).toBe(14);
  });

  it("buys for an amount with the total-price fix", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "buy", amount: 1000 });
    expect(q).toMatchObject({ unitPrice: 4100, grams: 0.2439, amount: 1000 });
    const res = await order(api, { quoteId: q.quoteId, side: "buy", amount: 1000 });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ grams: 0.2439, amount: 1000 });
    expect(await goldGrams()).toBe(12.7439);
  });

  it("sells 0.5 g at the bid, and by amount (grams rounded down)", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "sell", grams: 0.5 });
    expect(q).toMatchObject({ unitPrice: 4000, grams: 0.5, amount: 2000 });
    const res = await order(api, { quoteId: q.quoteId, side: "sell", grams: 0.5 });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({ side: "sell", grams: 0.5, amount: 2000 });
    expect(await goldGrams()).toBe(12);

    const byAmount = await quote(api, { side: "sell", amount: 1000.99 });
    expect(byAmount).toMatchObject({ grams: 0.2502, amount: 1000.8 });
  });

  it("a repeated order with one key places one order upstream", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "buy", grams: 1 });
    const key = newKey();
    const body = { quoteId: q.quoteId, side: "buy", grams: 1 };
    const answers = await Promise.all(Array.from({ length: 5 }, () => order(api, body, key)));
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await upstreamCalls(proxy(), "POST", "/partner/order/digital/buy")).toBe(1);
    expect(await goldGrams()).toBe(13.5);
    // The quote is spent: a new key cannot reuse it.
    expect((await order(api, body)).status).toBe(404);
  });

  it("answers an order whose first answer was lost (the store forgot the key) from Minted", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "buy", grams: 1 });
    const key = newKey();
    const body = { quoteId: q.quoteId, side: "buy", grams: 1 };
    const first: any = (await order(api, body, key)).json;
    // Forget the idempotency record and bring the quote back, as after a restart.
    const store = proxy().deps.store;
    await store.delete(`idem:${IND}:${key}`);
    const quoteRecordKey = `digital:quote:${IND}:${String(q.quoteId)}`;
    expect(await store.get(quoteRecordKey)).toBeNull();
    const again = await quote(api, { side: "buy", grams: 1 });
    const raw = await store.get(`digital:quote:${IND}:${String(again.quoteId)}`);
    await store.set(quoteRecordKey, raw ?? "", 60);

    const second = await order(api, body, key);
    expect(second.status, second.text).toBe(201);
    expect((second.json as any).orderCode).toBe(first.orderCode);
    // The repeat asks Minted for the order its quote was tried with first: no second POST.
    expect(await upstreamCalls(proxy(), "POST", "/partner/order/digital/buy")).toBe(1);
    expect(await goldGrams()).toBe(13.5);
    // Answered twice, recorded once: the wallet history lists it a single time.
    const history: any = (await api.call("GET", "/api/wallet/orders?txType=buy")).json;
    expect(history.orders.filter((o: any) => o.orderCode === first.orderCode)).toHaveLength(1);
  });

  it("refuses a quantity other than the quote's, and an expired fix with a new quote", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "buy", grams: 1 });
    const wrong = await order(api, { quoteId: q.quoteId, side: "buy", grams: 2 });
    expect(wrong.status).toBe(422);
    expect(Object.keys((wrong.json as any).errors)).toEqual(["grams"]);

    await controlClient(proxy().sandbox.url).clock.advance(241);
    const expired = await order(api, { quoteId: q.quoteId, side: "buy", grams: 1 });
    expect(expired.status).toBe(409);
    const problem: any = expired.json;
    expect(problem.code).toBe("price_expired");
    expect(problem.quote).toMatchObject({ side: "buy", grams: 1, metal: "gold" });
    expect(problem.quote.quoteId).not.toBe(q.quoteId);
  });

  it("refuses selling more than the wallet holds as a field error", async () => {
    const api = await apiClient(proxy(), IND);
    const q = await quote(api, { side: "sell", grams: 50 });
    const res = await order(api, { quoteId: q.quoteId, side: "sell", grams: 50 });
    expect(res.status).toBe(422);
    expect(Object.keys((res.json as any).errors)).toEqual(["grams"]);
  });
});

describe("partnerDateIso", () => {
  it("reads Minted's Istanbul date formats", () => {
    expect(partnerDateIso("2026-01-02 13:04:05")).toBe("2026-01-02T10:04:05.000Z");
    expect(partnerDateIso("02-01-2026 13:04")).toBe("2026-01-02T10:04:00.000Z");
    expect(partnerDateIso("2026-01-02T13:04:05+03:00")).toBe("2026-01-02T10:04:05.000Z");
    expect(partnerDateIso(null)).toBe("");
  });
});
