import { describe, expect, it } from "vitest";
import { z } from "zod";
import { curl } from "../../sandbox/test-support.ts";
import type { TestProxy } from "../test-support.ts";
import { apiClient, paidOrder, useTestProxy, type ApiClient } from "./api-test-client.ts";
import { FALLBACK_SCAN_PAGES, ORDERS_PAGE_MAX } from "./order-finder.ts";
import { orderTokenKey, readOrderToken } from "./order-tokens.ts";
import { controlClient } from "../../sandbox/control-client.ts";

/**
 * Order, invoice and receipt views of a customer with a long history cost at most two upstream
 * calls when the proxy has seen the order (checkout, the orders list); without that, a bounded
 * search finds it, and ownership is decided by the order Minted returns either way.
 */

const proxy = useTestProxy();
const IND = "DEMO-IND-001";
const CORP = "DEMO-CORP-001";
const HISTORY = 1000;

/** `count` paid orders of `customer` made straight in the sandbox (the proxy never saw them). */
async function seedHistory(p: TestProxy, customer: string, count = HISTORY): Promise<string[]> {
  return (await controlClient(p.sandbox.url).seedOrders(customer, { count })).codes;
}

/**
 * Every request the sandbox received while `view` ran, Digest challenges included (a challenge
 * is a round trip to Minted too).
 */
async function upstreamDuring(p: TestProxy, view: () => Promise<unknown>): Promise<string[]> {
  await controlClient(p.sandbox.url).requests.clear();
  await view();
  const log = await controlClient(p.sandbox.url).requests.list({ limit: 5000 });
  return log.map((r) => `${r.method} ${r.path} ${String(r.status)}`);
}

async function ok200(api: ApiClient, path: string): Promise<unknown> {
  const res = await api.call("GET", path);
  expect(res.status, res.text).toBe(200);
  return res.json;
}

/** The order, its invoice and its receipt, each counted on its own. */
async function viewAll(p: TestProxy, api: ApiClient, code: string) {
  const views: [string, Record<string, string>][] = [
    [`/api/orders/${code}`, { code }],
    [`/api/orders/${code}/invoice`, { orderCode: code }],
    [`/api/orders/${code}/receipt`, { orderCode: code }],
  ];
  const counts: Record<string, string[]> = {};
  for (const [path, shows] of views)
    counts[path] = await upstreamDuring(p, async () => {
      expect(await ok200(api, path)).toMatchObject(shows);
    });
  return counts;
}

describe("order look-ups, customer with 1,000 orders", () => {
  it("an old order, its invoice and its receipt cost ≤ 2 upstream calls each once listed", async () => {
    const p = proxy();
    const codes = await seedHistory(p, IND);
    const oldest = codes[0] ?? "";
    const api = await apiClient(p, IND);
    // The customer pages back to the oldest order; the list remembers each row's token.
    const last = Math.ceil(HISTORY / 10);
    const page = z
      .object({ items: z.array(z.object({ code: z.string() })) })
      .parse(await ok200(api, `/api/orders?page=${String(last)}&pageSize=10`));
    expect(page.items.map((i) => i.code)).toContain(oldest);
    expect(await readOrderToken(p.deps.store, IND, oldest)).not.toBeNull();

    const counts = await viewAll(p, api, oldest);
    for (const [path, calls] of Object.entries(counts))
      expect(calls.length, `${path}: ${calls.join(", ")}`).toBeLessThanOrEqual(2);
    // The order itself: one Get Order by its token, no Get Orders page at all.
    expect(counts[`/api/orders/${oldest}`]).toEqual([`POST /partner/ecom/getorder 200`]);
  });

  it("an order placed in this shop 1,000 orders ago is one Get Order call", async () => {
    const p = proxy();
    const api = await apiClient(p, IND);
    const code = await paidOrder(api);
    // 500 days and 1,000 orders later (the seeded history is 12 h apart, ending now).
    await controlClient(p.sandbox.url).clock.advance(500 * 86_400);
    await seedHistory(p, IND);
    // The customer opens the orders page first (its newest ten), which also renews the Digest
    // nonce the 500-day clock jump expired.
    await ok200(api, "/api/orders");
    const counts = await viewAll(p, api, code);
    expect(counts[`/api/orders/${code}`]).toEqual([`POST /partner/ecom/getorder 200`]);
    // Minted's invoice, and the order it adds the addresses and fees from.
    expect(counts[`/api/orders/${code}/invoice`]).toEqual([
      `GET /partner/order/${code}/invoice 200`,
      `POST /partner/ecom/getorder 200`,
    ]);
    expect(counts[`/api/orders/${code}/receipt`]).toEqual([`POST /partner/ecom/getorder 200`]);
  });

  it("without a remembered token: a bounded search of the newest orders (the invoice has no date), then remembered", async () => {
    const p = proxy();
    const codes = await seedHistory(p, IND);
    const recent = codes.at(-5) ?? "";
    const api = await apiClient(p, IND);
    expect(await readOrderToken(p.deps.store, IND, recent)).toBeNull();

    const first = await upstreamDuring(p, () => ok200(api, `/api/orders/${recent}`));
    // One page of the newest orders; no invoice call for a date Minted's invoice does not carry.
    expect(first.filter((c) => !c.endsWith(" 401"))).toEqual(["GET /partner/ecom/orders 200"]);
    expect(await readOrderToken(p.deps.store, IND, recent)).not.toBeNull();
    const again = await upstreamDuring(p, () => ok200(api, `/api/orders/${recent}/receipt`));
    expect(again).toEqual(["POST /partner/ecom/getorder 200"]);
  });

  it("with no date to go by, only the newest orders are searched: the cost is bounded, a miss is 404", async () => {
    const p = proxy();
    const codes = await seedHistory(p, IND);
    const api = await apiClient(p, IND);
    // Minted gives no invoice (as for an order still awaiting 3-D Secure).
    await controlClient(p.sandbox.url).faults.add({
      method: "GET",
      path: "/partner/order/",
      status: 404,
    });
    const recent = codes.at(-2) ?? "";
    const found = await upstreamDuring(p, () => ok200(api, `/api/orders/${recent}`));
    expect(
      found.filter((c) => c.includes("/ecom/orders") && !c.endsWith(" 401")),
      found.join(),
    ).toHaveLength(1);

    const beyond = codes[0] ?? "";
    const missed = await upstreamDuring(p, async () => {
      const res = await api.call("GET", `/api/orders/${beyond}`);
      expect(res.status).toBe(404);
    });
    const pages = missed.filter((c) => c.startsWith("GET /partner/ecom/orders"));
    expect(pages).toHaveLength(FALLBACK_SCAN_PAGES);
    expect(missed.filter((c) => !c.endsWith(" 401")).length).toBeLessThanOrEqual(
      1 + FALLBACK_SCAN_PAGES,
    );
    // What the search read is remembered; beyond it, nothing.
    expect(await readOrderToken(p.deps.store, IND, codes.at(-ORDERS_PAGE_MAX) ?? "")).not.toBe(
      null,
    );
    expect(await readOrderToken(p.deps.store, IND, beyond)).toBeNull();
  });

  it("another customer's code is 404 with no leak, also when a token is filed under the asker", async () => {
    const p = proxy();
    const codes = await seedHistory(p, IND, 40);
    const code = codes[0] ?? "";
    const ind = await apiClient(p, IND);
    await ok200(ind, "/api/orders?page=4&pageSize=10"); // IND's own tokens are remembered
    const corp = await apiClient(p, CORP);

    const answers = async () => {
      for (const path of [
        `/api/orders/${code}`,
        `/api/orders/${code}/invoice`,
        `/api/orders/${code}/receipt`,
      ]) {
        const res = await corp.call("GET", path);
        expect(res.status, path).toBe(404);
        expect(res.json).toMatchObject({ code: "not_found" });
        expect(res.text).not.toContain("Ayşe");
        expect(res.text).not.toContain("10000000146");
      }
    };
    await answers();

    // A wrong entry: IND's token filed under CORP for IND's code. Minted refuses it for CORP
    // (403), the entry is dropped and the answer is the same 404.
    const listed = await curl(
      p.sandbox.url,
      `/partner/ecom/orders?customer_external_id=${IND}&total=30&page=2&sortBy=created_at&sortType=desc`,
    );
    const token = z
      .object({
        data: z.object({
          data: z.array(z.object({ increment_id: z.string(), token: z.string() })),
        }),
      })
      .parse(listed.json)
      .data.data.find((o) => o.increment_id === code)?.token;
    expect(token).toBeDefined();
    await p.deps.store.set(orderTokenKey(CORP, code), token ?? "", 3600);
    await answers();
    expect(await readOrderToken(p.deps.store, CORP, code)).toBeNull();
  });
});
