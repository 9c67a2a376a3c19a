import { describe, expect, it } from "vitest";
import { apiClient, useTestProxy, type ApiClient } from "./api-test-client.ts";
import { DIGITAL_RECORD_LIMIT, digitalRecordsOf, recordDigitalOrder } from "./digital-records.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import { controlClient } from "../../sandbox/control-client.ts";

const IND = "DEMO-IND-001";

const proxy = useTestProxy();

let keys = 0;
const newKey = () => `history-${String(++keys)}-${String(Date.now())}`;

/** A digital order at a fresh quote, sent `times` times with one key; its (single) answer. */
async function trade(api: ApiClient, side: "buy" | "sell", grams: number, times = 1) {
  const q = await api.call("POST", "/api/digital/quotes", {
    metal: "gold",
    currency: "TRY",
    side,
    grams,
  });
  expect(q.status, q.text).toBe(201);
  const key = newKey();
  const body = { quoteId: (q.json as any).quoteId, side, grams };
  const answers = await Promise.all(
    Array.from({ length: times }, () =>
      api.call("POST", "/api/digital/orders", body, { "idempotency-key": key }),
    ),
  );
  for (const a of answers) expect(a.status, a.text).toBe(201);
  return answers[0]?.json as any;
}

async function history(api: ApiClient, query = ""): Promise<any> {
  const res = await api.call("GET", `/api/wallet/orders${query}`);
  expect(res.status, res.text).toBe(200);
  return res.json;
}

const digitalCodes = (list: any) =>
  list.orders.filter((o: any) => o.source === "digital").map((o: any) => o.orderCode);

describe("digital orders in the wallet history", () => {
  it("lists a buy and a sell once each, under their filters, newest first, with invoices", async () => {
    const api = await apiClient(proxy(), IND);
    const before = await history(api);
    const bought = await trade(api, "buy", 1.5, 3);
    const sold = await trade(api, "sell", 0.5, 2);

    const all = await history(api);
    expect(digitalCodes(all)).toEqual([sold.orderCode, bought.orderCode]);
    expect(all.pageInfo.total).toBe(Number(before.pageInfo.total) + 2);
    expect(all.orders.find((o: any) => o.orderCode === bought.orderCode)).toEqual({
      source: "digital",
      id: null,
      orderCode: bought.orderCode,
      type: "buy",
      status: "completed",
      createdAt: bought.createdAt,
      itemCount: 1,
      total: 6150,
      currency: "TRY",
    });
    const times = all.orders.map((o: any) => Date.parse(o.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    expect(digitalCodes(await history(api, "?txType=buy"))).toEqual([bought.orderCode]);
    expect(digitalCodes(await history(api, "?txType=sell"))).toEqual([sold.orderCode]);
    expect(digitalCodes(await history(api, "?txType=delivery"))).toEqual([]);

    const invoice = await api.call("GET", `/api/orders/${String(bought.orderCode)}/invoice`);
    expect(invoice.status, invoice.text).toBe(200);
    expect(invoice.json).toMatchObject({ orderCode: bought.orderCode });

    // Another customer never sees them, nor their invoices.
    const other = await apiClient(proxy(), "DEMO-CORP-001");
    expect(digitalCodes(await history(other))).toEqual([]);
    expect(
      (await other.call("GET", `/api/orders/${String(bought.orderCode)}/invoice`)).status,
    ).toBe(404);
  });

  it("pages the merged history honestly", async () => {
    const api = await apiClient(proxy(), IND);
    // The previous test's orders went with the sandbox reset: showing their pages forgets them.
    for (let p = 1; p <= 3; p++) await history(api, `?page=${String(p)}`);
    const codes: string[] = [];
    for (let i = 0; i < 11; i++) codes.unshift((await trade(api, "buy", 0.1)).orderCode);
    const first = await history(api, "?txType=buy");
    const total = first.pageInfo.total;
    expect(total).toBeGreaterThanOrEqual(11);
    expect(first.pageInfo).toMatchObject({ page: 1, pageSize: 10 });
    expect(first.pageInfo.totalPages).toBe(Math.ceil(total / 10));
    const pages = [first];
    for (let p = 2; p <= first.pageInfo.totalPages; p++)
      pages.push(await history(api, `?txType=buy&page=${String(p)}`));
    const rows = pages.flatMap((p) => p.orders);
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((o: any) => `${String(o.source)}:${String(o.orderCode)}`)).size).toBe(
      total,
    );
    expect(rows.filter((o: any) => o.source === "digital").map((o: any) => o.orderCode)).toEqual(
      codes,
    );
  });

  it("forgets orders Minted no longer knows (a reset sandbox)", async () => {
    const api = await apiClient(proxy(), IND);
    const bought = await trade(api, "buy", 0.2);
    expect(digitalCodes(await history(api))).toContain(bought.orderCode);
    await controlClient(proxy().sandbox.url).reset();
    const after = await history(api);
    expect(digitalCodes(after)).toEqual([]);
    expect(after.orders.length).toBe(Math.min(after.pageInfo.total, 10));
  });
});

describe("digital order records", () => {
  const record = (n: number) => ({
    externalId: `MS-${String(n)}`,
    orderCode: `C${String(n)}`,
    side: "buy" as const,
    currency: "TRY" as const,
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  });

  it("records an external id once and keeps the newest within the bound", async () => {
    const store = createMemoryStore();
    expect(await recordDigitalOrder(store, "A", record(1))).toBe(true);
    expect(await recordDigitalOrder(store, "A", record(1))).toBe(false);
    for (let n = 2; n <= DIGITAL_RECORD_LIMIT + 5; n++)
      await recordDigitalOrder(store, "A", record(n));
    const kept = await digitalRecordsOf(store, "A");
    expect(kept).toHaveLength(DIGITAL_RECORD_LIMIT);
    expect(kept[0]?.orderCode).toBe(`C${String(DIGITAL_RECORD_LIMIT + 5)}`);
    expect(kept.at(-1)?.orderCode).toBe("C6");
    expect(await digitalRecordsOf(store, "B")).toEqual([]);
    await store.close();
  });
});
