import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { completeCashOrder } from "../api/test-fixtures.ts";
import { curl, startTestSandbox } from "../../sandbox/test-support.ts";
import type { RunningSandbox } from "../../sandbox/server.ts";
import {
  upstreamCategoriesSchema,
  upstreamProductPageSchema,
  upstreamProductSchema,
} from "../../minted/schemas/catalog.ts";
import { upstreamInvoiceSchema } from "../../minted/schemas/invoice.ts";
import {
  upstreamEcomOrderPageSchema,
  upstreamEcomOrderSchema,
} from "../../minted/schemas/orders.ts";
import {
  upstreamCandlesSchema,
  upstreamCurrencyRatesSchema,
  upstreamPricesSchema,
} from "../../minted/schemas/prices.ts";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());

async function dataOf(path: string, init: { method?: string; body?: unknown } = {}) {
  const res = await curl(sandbox.url, path, init);
  expect(res.status, res.text).toBe(200);
  return res.json.data as unknown;
}

function expectParses(schema: z.ZodType, data: unknown) {
  const parsed = schema.safeParse(data);
  expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
}

describe("upstream schemas accept the sandbox's answers", () => {
  it("products, product, categories", async () => {
    const page = await dataOf("/partner/ecom/products?page=1&total=100");
    expectParses(upstreamProductPageSchema, page);
    expect(upstreamProductPageSchema.parse(page).data.length).toBe(27);
    expectParses(upstreamProductSchema, await dataOf("/partner/ecom/product?sku=MNTGB00010"));
    expectParses(upstreamCategoriesSchema, await dataOf("/partner/ecom/categories"));
  });

  it("prices, currency rates, rate history", async () => {
    expectParses(upstreamPricesSchema, await dataOf("/partner/ecom/prices"));
    expectParses(upstreamCurrencyRatesSchema, await dataOf("/partner/walletable/currency-rates"));
    expectParses(
      upstreamCandlesSchema,
      await dataOf("/partner/walletable/rate-history?sku=GAU&period=1d"),
    );
  });

  it("e-commerce orders, one order, its invoice", async () => {
    const code = await completeCashOrder(sandbox.url);
    const page = await dataOf("/partner/ecom/orders?customer_external_id=DEMO-IND-001&total=30");
    expectParses(upstreamEcomOrderPageSchema, page);
    const order = upstreamEcomOrderPageSchema.parse(page).data.find((o) => o.increment_id === code);
    expect(order?.customer?.external_id).toBe("DEMO-IND-001");
    expectParses(
      upstreamEcomOrderSchema,
      await dataOf("/partner/ecom/getorder", {
        method: "POST",
        body: { customer_external_id: "DEMO-IND-001", cart_token: order?.token },
      }),
    );
    const invoice = await dataOf(`/partner/order/${code}/invoice`);
    expectParses(upstreamInvoiceSchema, invoice);
    expect(upstreamInvoiceSchema.parse(invoice)).toMatchObject({
      order_code: code,
      customer: { external_id: "DEMO-IND-001", identity_number: "10000000146" },
    });
  });

  it("a missing required field is refused", () => {
    const product = {
      id: 1,
      name: "x",
      text: "",
      barcode: null,
      stock: 1,
      currency_code: "TRY",
      list_price: 1,
      sale_price: 1,
      product_images: [],
      basecurrency: { id: 1, code: "GAU", name: "g", metal: "gold", weight: 1, purity: 999.9 },
      category: { id: 1, name: "c", slug: "c", metal: "gold" },
    };
    const parsed = upstreamProductSchema.safeParse(product);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["sku"]);
    expect(upstreamProductSchema.safeParse({ ...product, sku: "S", extra: 1 }).success).toBe(true);
  });
});
