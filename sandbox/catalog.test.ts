import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { parseDigestHeader } from "./http/digest.ts";
import type { RunningSandbox } from "./server.ts";
import { control, curl, startTestSandbox } from "./test-support.ts";

const PAGINATOR_KEYS = [
  "current_page",
  "data",
  "first_page_url",
  "from",
  "last_page",
  "last_page_url",
  "links",
  "next_page_url",
  "path",
  "per_page",
  "prev_page_url",
  "to",
  "total",
];
const PRODUCT_KEYS = [
  "id",
  "name",
  "text",
  "barcode",
  "sku",
  "stock",
  "currency_code",
  "list_price",
  "sale_price",
  "product_images",
  "basecurrency",
  "category",
];

describe("catalog", () => {
  let sb: RunningSandbox;
  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(() => control(sb.url, "POST", "/reset"));

  it("lists products as a Laravel paginator of 12-field products (the README's curl)", async () => {
    const res = await curl(sb.url, "/partner/ecom/products?page=1&total=10");
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ success: true, code: 0, message: "" });
    const page = res.json.data;
    expect(Object.keys(page).sort()).toEqual([...PAGINATOR_KEYS].sort());
    expect(page).toMatchObject({
      current_page: 1,
      from: 1,
      to: 10,
      per_page: 10,
      last_page: 3,
      prev_page_url: null,
    });
    expect(page.total).toBeGreaterThanOrEqual(24);
    expect(page.next_page_url).toBe(`${sb.url}/partner/ecom/products?page=2`);
    expect(page.links[0]).toEqual({ url: null, label: "&laquo; Previous", active: false });
    for (const product of page.data) {
      expect(Object.keys(product)).toEqual(PRODUCT_KEYS);
      expect(product.currency_code).toBe("TRY");
      expect(product.sale_price).toBeGreaterThan(0);
      expect(product.list_price).toBeGreaterThanOrEqual(product.sale_price);
      expect(product.barcode).toMatch(/^869\d{10}$/);
    }
  });

  it("pages to the end and validates page and total like the docs", async () => {
    const last = (await curl(sb.url, "/partner/ecom/products?page=3&total=10")).json.data;
    expect(last.next_page_url).toBeNull();
    expect(last.to).toBe(last.total);
    const beyond = (await curl(sb.url, "/partner/ecom/products?page=9&total=10")).json.data;
    expect(beyond).toMatchObject({ data: [], from: null, to: null });

    for (const query of [
      "page=0&total=10",
      "page=1&total=4",
      "page=1&total=101",
      "page=x&total=10",
      "total=10",
      "page=1",
    ]) {
      const res = await curl(sb.url, `/partner/ecom/products?${query}`);
      expect(res.status, query).toBe(422);
      expect(res.json).toMatchObject({ success: false, code: 422 });
      expect(Object.keys(res.json.errors).length).toBeGreaterThan(0);
    }
    const tr = await curl(sb.url, "/partner/ecom/products?page=0&total=10");
    expect(tr.json.errors.page[0]).toBe("page en az 1 olmalıdır.");
    const en = await curl(sb.url, "/partner/ecom/products?page=0&total=10", {
      headers: { "Accept-Language": "en" },
    });
    expect(en.json.errors.page[0]).toBe("The page field must be at least 1.");
  });

  it("seeds the catalog the shop needs: bars, coins, silver, platinum, digital", async () => {
    const all = (await curl(sb.url, "/partner/ecom/products?page=1&total=100")).json.data.data;
    const skus = all.map((p: { sku: string }) => p.sku);
    for (const sku of [
      "MNTGB00010",
      "MNTGB00025",
      "MNTGB00050",
      "MNTGB00100",
      "MNTGB00200",
      "MNTGB00500",
      "MNTGB01000",
      "MNTGC00175",
      "MNTGC00350",
      "MNTGC00700",
      "MNTGC00722",
      "MNTSB00050",
      "MNTSB00100",
      "MNTSB01000",
      "MNTPB00010",
      "GAU",
      "GAG",
      "GPT",
    ])
      expect(skus).toContain(sku);
    const types = new Set(all.map((p: { category: { type: string } }) => p.category.type));
    expect([...types].sort()).toEqual(["bar", "coin", "digital"]);
    expect(all.some((p: { stock: number }) => p.stock === 0)).toBe(true);
  });

  it("gets one product by sku or id, 404 for unknown, 422 for neither", async () => {
    const bySku = await curl(sb.url, "/partner/ecom/product?sku=MNTGB00100");
    expect(bySku.status).toBe(200);
    expect(Object.keys(bySku.json.data)).toEqual(PRODUCT_KEYS);
    expect(bySku.json.data.basecurrency).toMatchObject({
      code: "GAU",
      metal: "gold",
      weight: 10,
      purity: 999.9,
    });
    const byId = await curl(sb.url, `/partner/ecom/product?id=${bySku.json.data.id}`);
    expect(byId.json.data.sku).toBe("MNTGB00100");
    expect((await curl(sb.url, "/partner/ecom/product?sku=NOPE")).status).toBe(404);
    expect((await curl(sb.url, "/partner/ecom/product?id=1")).status).toBe(404);
    expect((await curl(sb.url, "/partner/ecom/product")).status).toBe(422);
    const en = await curl(sb.url, "/partner/ecom/product?sku=GAU", {
      headers: { "Accept-Language": "en" },
    });
    expect(en.json.data.name).toBe("Gold - Digital storage");
  });

  it("serves categories and live prices with bid < ask", async () => {
    const cats = (await curl(sb.url, "/partner/ecom/categories")).json.data;
    expect(cats[0]).toEqual({
      id: 11,
      name: "Külçe Altın",
      slug: "gold-bars",
      metal: "gold",
      type: "bar",
    });
    const prices = (await curl(sb.url, "/partner/ecom/prices")).json.data;
    const gau = prices.find((p: { sku: string }) => p.sku === "GAU");
    expect(Object.keys(gau)).toEqual([
      "sku",
      "metal",
      "currency",
      "bid",
      "ask",
      "change_pct",
      "updated_at",
    ]);
    for (const p of prices) expect(p.bid).toBeLessThan(p.ask);
  });

  it("moves prices on the sandbox clock and pins them on request", async () => {
    const before = (await curl(sb.url, "/partner/ecom/product?sku=GAU")).json.data.sale_price;
    await control(sb.url, "POST", "/clock", { advance: 3600 });
    const after = (await curl(sb.url, "/partner/ecom/product?sku=GAU")).json.data.sale_price;
    expect(after).not.toBe(before);
    await control(sb.url, "PUT", "/prices", { GAU: { bid: 4000, ask: 4100 } });
    const pinned = (await curl(sb.url, "/partner/ecom/product?sku=GAU")).json.data;
    expect(pinned.sale_price).toBe(4100);
    // 10 g bar: 10 × 4100 = 41000 spot, 1.5 % markup = 615, minting 120.
    expect((await curl(sb.url, "/partner/ecom/product?sku=MNTGB00100")).json.data.sale_price).toBe(
      41735,
    );
  });

  it("is deterministic from its seed", async () => {
    const a = (await curl(sb.url, "/partner/ecom/prices")).json.data.map(
      (p: { ask: number }) => p.ask,
    );
    await control(sb.url, "POST", "/reset");
    const b = (await curl(sb.url, "/partner/ecom/prices")).json.data.map(
      (p: { ask: number }) => p.ask,
    );
    expect(b).toEqual(a);
  });

  it("serves product images as SVG without auth", async () => {
    const product = (await curl(sb.url, "/partner/ecom/product?sku=MNTGC00175")).json.data;
    expect(product.product_images).toHaveLength(3);
    for (const url of product.product_images) {
      const res = await fetch(url);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("image/svg+xml");
      expect(await res.text()).toMatch(/^<svg [^>]*viewBox="0 0 800 800"/);
    }
    expect((await fetch(`${sb.url}/cdn/products/MNTGC00175/9.svg`)).status).toBe(404);
  });

  it("pushes price frames on the WS feed after a Digest-authenticated upgrade", async () => {
    const path = "/partner/ecom/ws";
    const challenge = await fetch(`${sb.url}${path}`, { headers: { "x-client-id": "web" } });
    expect(challenge.status).toBe(401);
    const params = parseDigestHeader(challenge.headers.get("www-authenticate") ?? "");
    if (!params) throw new Error("no challenge");
    const md5 = (s: string) => createHash("md5").update(s).digest("hex");
    const response = md5(
      `${md5(`demo-partner:${params.realm}:demo-secret`)}:${params.nonce}:00000001:abc:auth:${md5(`GET:${path}`)}`,
    );
    const authorization = `Digest username="demo-partner", realm="${params.realm}", nonce="${params.nonce}", uri="${path}", qop=auth, nc=00000001, cnonce="abc", response="${response}", opaque="${params.opaque}", algorithm=MD5`;

    const frames: unknown[] = await new Promise((resolve, reject) => {
      const ws = new WebSocket(`${sb.url.replace("http", "ws")}${path}`, {
        headers: { authorization },
      });
      const got: unknown[] = [];
      ws.on("message", (data: Buffer) => {
        got.push(JSON.parse(data.toString("utf8")));
        if (got.length >= 3) {
          ws.close();
          resolve(got);
        }
      });
      ws.on("error", reject);
    });
    expect(frames[0]).toMatchObject({
      type: "price",
      sku: expect.any(String),
      bid: expect.any(Number),
      ask: expect.any(Number),
      ts: expect.any(Number),
    });

    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${sb.url.replace("http", "ws")}${path}`);
      ws.on("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
      ws.on("error", () => resolve(-1));
    });
    expect(refused).toBe(401);
  });
});
