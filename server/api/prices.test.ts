import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { upstreamRequests } from "./test-fixtures.ts";
import { controlClient } from "../../sandbox/control-client.ts";

let proxy: TestProxy;
beforeAll(async () => {
  proxy = await startTestProxy();
});
afterAll(() => proxy.close());

const get = async (path: string, init: RequestInit = {}) => {
  const res = await proxy.app.request(path, init);
  if (res.headers.get("content-type")?.startsWith("application/json")) {
    const text = await res.clone().text();
    expect(text).not.toContain(proxy.sandbox.url);
  }
  return res;
};

/** Read an SSE body until `count` `event: prices` frames arrived; returns the text read. */
async function readEvents(reader: ReadableStreamDefaultReader<Uint8Array>, count: number) {
  const decoder = new TextDecoder();
  let text = "";
  while ((text.match(/event: prices/g) ?? []).length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return text;
}

describe("prices", () => {
  it("GET /api/prices: metals from the digital SKUs and every SKU's bid/ask", async () => {
    const res = await get("/api/prices");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.currency).toBe("TRY");
    expect(body.metals.map((m: { metal: string }) => m.metal)).toEqual([
      "gold",
      "silver",
      "platinum",
    ]);
    for (const m of body.metals) {
      expect(m.ask).toBeGreaterThan(m.bid);
      expect(typeof m.changePct).toBe("number");
      expect(new Date(m.updatedAt).toISOString()).toBe(m.updatedAt);
    }
    expect(body.products).toHaveLength(27);
    expect(body.products[0]).toEqual({
      sku: expect.any(String),
      bid: expect.any(Number),
      ask: expect.any(Number),
    });
  });

  it("two SSE clients share one upstream poller and both receive `event: prices`", async () => {
    await new Promise((r) => setTimeout(r, 2100)); // the earlier snapshot is no longer fresh
    await controlClient(proxy.sandbox.url).requests.clear();
    const a = new AbortController();
    const b = new AbortController();
    const [resA, resB] = await Promise.all([
      get("/api/prices/stream", { signal: a.signal }),
      get("/api/prices/stream", { signal: b.signal }),
    ]);
    expect(resA.headers.get("content-type")).toBe("text/event-stream");
    const readerA = resA.body!.getReader();
    const readerB = resB.body!.getReader();
    const [first, firstB] = await Promise.all([readEvents(readerA, 1), readEvents(readerB, 1)]);
    expect(first).toContain("retry: 3000");
    expect(firstB).toContain("event: prices");
    const data = JSON.parse(/data: (.*)/.exec(first)?.[1] ?? "{}");
    expect(data.metals).toHaveLength(3);
    expect(proxy.deps.prices.stats().subscribers).toBe(2);

    await new Promise((r) => setTimeout(r, 5000));
    const polls = (await upstreamRequests(proxy.sandbox.url, "/partner/ecom/prices")).filter(
      (r) => r.status === 200,
    ).length;
    expect(polls).toBeGreaterThanOrEqual(2);
    expect(polls).toBeLessThanOrEqual(4);

    await readerA.cancel();
    await readerB.cancel();
    a.abort();
    b.abort();
    await new Promise((r) => setTimeout(r, 50));
    expect(proxy.deps.prices.stats().subscribers).toBe(0);
  }, 15_000);

  it("GET /api/rates: TRY per unit of each currency", async () => {
    const body = await (await get("/api/rates")).json();
    expect(body.base).toBe("TRY");
    expect(body.rates.map((r: { currency: string }) => r.currency)).toEqual([
      "TRY",
      "USD",
      "EUR",
      "GBP",
      "AED",
    ]);
  });

  it("GET /api/rate-history: candles, and 400 without an upstream call for bad input", async () => {
    const res = await get("/api/rate-history?symbol=GAU&period=1w");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ symbol: "GAU", metal: "gold", period: "1w", currency: "TRY" });
    expect(body.candles).toHaveLength(168);
    expect(new Date(body.candles[0].time).toISOString()).toBe(body.candles[0].time);

    const before = (await upstreamRequests(proxy.sandbox.url, "/partner/walletable/rate-history"))
      .length;
    for (const q of ["symbol=GPD&period=1d", "symbol=GAU&period=2d", "period=1d", ""]) {
      const bad = await get(`/api/rate-history?${q}`);
      expect(bad.status).toBe(400);
      expect((await bad.json()).code).toBe("validation_failed");
    }
    expect(
      (await upstreamRequests(proxy.sandbox.url, "/partner/walletable/rate-history")).length,
    ).toBe(before);
  });
});
