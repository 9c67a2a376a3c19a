import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestProxy, type TestProxy } from "../test-support.ts";
import { CATALOG_TTL_MS } from "./catalog-source.ts";
import { upstreamRequests } from "./test-fixtures.ts";
import { controlClient } from "../../sandbox/control-client.ts";

let proxy: TestProxy;
/** The proxy's clock (deps.now), moved by hand; the caches read it on every call. */
let clock = Date.now();

beforeAll(async () => {
  proxy = await startTestProxy();
  proxy.deps.now = () => clock;
});
afterAll(() => proxy.close());

const get = async (path: string, headers: Record<string, string> = {}) =>
  proxy.app.request(path, { headers: { "accept-language": "en", ...headers } });

async function json(path: string, status = 200) {
  const res = await get(path);
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(text).not.toContain(proxy.sandbox.url);
  expect(text).not.toContain("127.0.0.1");
  return JSON.parse(text);
}

const productCalls = async () =>
  (await upstreamRequests(proxy.sandbox.url, "/partner/ecom/products")).filter(
    (r) => r.status === 200,
  ).length;

describe("catalog", () => {
  it("1,000 product-list requests within the TTL cause exactly one upstream call", async () => {
    await controlClient(proxy.sandbox.url).requests.clear();
    const queries = ["", "?metal=gold", "?type=coin&sort=price_desc", "?page=2&pageSize=5"];
    const answers = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        get(`/api/products${queries[i % queries.length] ?? ""}`),
      ),
    );
    expect(answers.every((r) => r.status === 200)).toBe(true);
    expect(await productCalls()).toBe(1);
  });

  it("lists products in the shop's shape, with proxy image paths", async () => {
    const body = await json("/api/products?pageSize=100");
    expect(body.pageInfo).toEqual({ page: 1, pageSize: 100, total: 27, totalPages: 1 });
    const bar = body.items.find((p: { sku: string }) => p.sku === "MNTGB00010");
    expect(bar).toMatchObject({
      name: "Minted 1 g 999.9 Gold Bar",
      metal: "gold",
      type: "bar",
      weightGrams: 1,
      purity: 999.9,
      vatRate: 0,
      price: { currency: "TRY" },
      stock: { available: 180, state: "in_stock" },
      images: ["/api/images/MNTGB00010/1", "/api/images/MNTGB00010/2", "/api/images/MNTGB00010/3"],
      category: { id: "11", slug: "gold-bars", metal: "gold", type: "bar" },
    });
    expect(bar.price.amount).toBeGreaterThan(0);
    expect(Object.keys(bar).sort()).toEqual(
      [
        "barcode",
        "category",
        "description",
        "images",
        "metal",
        "name",
        "price",
        "purity",
        "sku",
        "stock",
        "type",
        "vatRate",
        "weightGrams",
      ].sort(),
    );
    const out = body.items.find((p: { sku: string }) => p.sku === "MNTSB00250");
    expect(out.stock).toEqual({ available: 0, state: "out" });
    const low = body.items.find((p: { sku: string }) => p.sku === "MNTGC03608");
    expect(low.stock.state).toBe("low");
  });

  it("filters, sorts and pages in the proxy", async () => {
    const silver = await json("/api/products?metal=silver&sort=weight_desc&pageSize=100");
    expect(silver.items.every((p: { metal: string }) => p.metal === "silver")).toBe(true);
    const weights = silver.items.map((p: { weightGrams: number }) => p.weightGrams);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));

    const coins = await json("/api/products?type=coin&sort=price_asc&pageSize=100");
    const prices = coins.items.map((p: { price: { amount: number } }) => p.price.amount);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    expect(coins.items.every((p: { type: string }) => p.type === "coin")).toBe(true);

    const page2 = await json("/api/products?page=2&pageSize=10");
    expect(page2.pageInfo).toEqual({ page: 2, pageSize: 10, total: 27, totalPages: 3 });
    expect(page2.items).toHaveLength(10);
    const page9 = await json("/api/products?page=9&pageSize=10");
    expect(page9.items).toEqual([]);
  });

  it("answers 400 for a bad sort, page, filter or search, without calling upstream", async () => {
    const before = await productCalls();
    for (const q of [
      "sort=cheapest",
      "page=0",
      "page=abc",
      "pageSize=1000",
      "metal=palladium",
      `q=${"a".repeat(65)}`,
      "q=gold%00",
    ]) {
      const body = await json(`/api/products?${q}`, 400);
      expect(body.code).toBe("validation_failed");
      expect(Object.keys(body.errors)[0]).toMatch(/^query\./);
    }
    expect(await productCalls()).toBe(before);
  });

  it("searches names Turkish-aware, in the request's language", async () => {
    const tr = async (q: string) => {
      const res = await get(`/api/products?pageSize=100&q=${encodeURIComponent(q)}`, {
        "accept-language": "tr",
      });
      expect(res.status).toBe(200);
      return (await res.json()) as { items: { name: string }[]; pageInfo: { total: number } };
    };
    const ceyrek = await tr("ceyrek");
    expect(ceyrek.items.map((p) => p.name)).toEqual(["Çeyrek Altın (22 Ayar)"]);
    const kulce = await tr("KÜLÇE");
    expect(kulce.items.length).toBeGreaterThan(5);
    expect(kulce.items.every((p) => p.name.includes("Külçe"))).toBe(true);
    expect((await tr("külçe")).pageInfo.total).toBe(kulce.pageInfo.total);
    expect((await tr("kulce altin")).items.every((p) => /Külçe Altın/.test(p.name))).toBe(true);
    expect((await tr("ALTIN")).items.map((p) => p.name)).toContain("Çeyrek Altın (22 Ayar)");
    expect((await tr("   ")).pageInfo.total).toBe(27);
    expect((await tr("no such thing")).items).toEqual([]);
    const en = await json("/api/products?q=quarter");
    expect(en.items.map((p: { sku: string }) => p.sku)).toEqual(["MNTGC00175"]);
  });

  it("counts each chip's products over the search and the other filter", async () => {
    const all = await json("/api/products?pageSize=100");
    const count = (metal: string) =>
      all.items.filter((p: { metal: string }) => p.metal === metal).length;
    expect(all.facets.metal).toEqual({
      gold: count("gold"),
      silver: count("silver"),
      platinum: count("platinum"),
    });
    expect(Object.values(all.facets.type).reduce((a, b) => Number(a) + Number(b))).toBe(27);

    // The metal chips ignore the metal filter but follow the type filter and the search.
    const goldCoins = await json("/api/products?metal=gold&type=coin&pageSize=100");
    const coins = await json("/api/products?type=coin&pageSize=100");
    expect(goldCoins.facets.metal.gold).toBe(goldCoins.pageInfo.total);
    expect(goldCoins.facets.metal.silver).toBe(
      coins.items.filter((p: { metal: string }) => p.metal === "silver").length,
    );
    const gold = await json("/api/products?metal=gold&pageSize=100");
    expect(goldCoins.facets.type.bar).toBe(
      gold.items.filter((p: { type: string }) => p.type === "bar").length,
    );
    const searched = await json("/api/products?q=gold&pageSize=100");
    expect(searched.facets.metal).toEqual({
      gold: searched.pageInfo.total,
      silver: 0,
      platinum: 0,
    });
  });

  it("serves one product, and 404 for an unknown SKU", async () => {
    const product = await json("/api/products/MNTGC00175");
    expect(product).toMatchObject({ sku: "MNTGC00175", type: "coin", purity: 916 });
    expect(product.price.listAmount).toBeGreaterThan(product.price.amount);
    const missing = await json("/api/products/NOPE123", 404);
    expect(missing.code).toBe("not_found");
    expect((await json("/api/products/bad%20sku!", 400)).code).toBe("validation_failed");
  });

  it("serves categories in the request's language", async () => {
    const en = await json("/api/categories");
    expect(en.items).toContainEqual({
      id: "12",
      name: "Gold coins",
      slug: "gold-coins",
      metal: "gold",
      type: "coin",
    });
    const tr = await (await get("/api/categories", { "accept-language": "tr" })).json();
    expect(tr.items).toContainEqual(expect.objectContaining({ id: "12", name: "Altın Sikke" }));
  });

  it("proxies product images with their content type, cache and SVG CSP headers", async () => {
    const res = await get("/api/images/MNTGB00010/2");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/svg+xml");
    expect(res.headers.get("cache-control")).toBe("public, max-age=86400");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(await res.text()).toContain("<svg");
    const calls = async () =>
      (await upstreamRequests(proxy.sandbox.url, "/cdn/products/MNTGB00010/2.svg")).length;
    const before = await calls();
    await get("/api/images/MNTGB00010/2");
    expect(await calls()).toBe(before);
    expect((await get("/api/images/MNTGB00010/7")).status).toBe(404);
    expect((await get("/api/images/NOPE/1")).status).toBe(404);
    expect((await get("/api/images/MNTGB00010/0")).status).toBe(400);
  });

  it("serves a stale list at once while exactly one refresh runs", async () => {
    await json("/api/products");
    clock += CATALOG_TTL_MS + 1000;
    await controlClient(proxy.sandbox.url).requests.clear();
    await controlClient(proxy.sandbox.url).faults.add({
      method: "GET",
      path: "/partner/ecom/products",
      latency_ms: 600,
      count: 5,
    });
    const started = performance.now();
    const answers = await Promise.all(Array.from({ length: 20 }, () => get("/api/products")));
    expect(performance.now() - started).toBeLessThan(500);
    expect(answers.every((r) => r.status === 200)).toBe(true);
    await new Promise((r) => setTimeout(r, 900));
    expect(await productCalls()).toBe(1);
    await controlClient(proxy.sandbox.url).faults.clear();
    // Fresh again: no further call.
    await Promise.all(Array.from({ length: 20 }, () => get("/api/products")));
    expect(await productCalls()).toBe(1);
  });
});
