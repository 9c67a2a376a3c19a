import { handle } from "../operations.ts";
import { z } from "zod";
import type { SandboxApp } from "../app.ts";
import {
  CATEGORIES,
  ITEM_CURRENCIES,
  PRODUCT_BY_ID,
  PRODUCT_BY_SKU,
  PRODUCTS,
  type ProductDef,
} from "../catalog.ts";
import type { SandboxContext } from "../context.ts";
import { fail, int, langOf, notFound, ok, paginate, parseInput, t, type Lang } from "../http.ts";
import { productSvg } from "../images.ts";
import { unitPrice } from "../pricing.ts";

export function categoryJson(id: number, lang: Lang) {
  const cat = CATEGORIES.find((c) => c.id === id);
  if (!cat) throw new Error(`category ${id} missing`);
  return { id: cat.id, name: cat.name[lang], slug: cat.slug, metal: cat.metal, type: cat.type };
}

export function productImages(ctx: SandboxContext, p: ProductDef): string[] {
  return Array.from(
    { length: p.images },
    (_, i) => `${ctx.publicUrl()}/cdn/products/${p.sku}/${i + 1}.svg`,
  );
}

/** Product, exactly the 12 documented fields. */
export function productJson(ctx: SandboxContext, p: ProductDef, lang: Lang) {
  const price = unitPrice(p, ctx.prices);
  const currency = ITEM_CURRENCIES[p.metal];
  return {
    id: p.id,
    name: p.name[lang],
    text: p.text[lang],
    barcode: p.barcode,
    sku: p.sku,
    stock: ctx.state.stock.get(p.sku) ?? 0,
    currency_code: "TRY",
    list_price: price.list,
    sale_price: price.price,
    product_images: productImages(ctx, p),
    basecurrency: {
      id: currency.id,
      code: currency.code,
      name: currency.name[lang],
      metal: p.metal,
      weight: p.weight,
      purity: p.purity,
    },
    category: categoryJson(p.categoryId, lang),
  };
}

/** One `{type:"price"}` frame per SKU, as the WS feed pushes them. */
export function priceMessages(ctx: SandboxContext) {
  return PRODUCTS.map((p) => {
    const price = unitPrice(p, ctx.prices);
    return {
      type: "price",
      sku: p.sku,
      bid: price.bid,
      ask: price.price,
      ts: ctx.prices.quote(ITEM_CURRENCIES[p.metal].code).updatedAt,
    };
  });
}

export function registerCatalog(app: SandboxApp, ctx: SandboxContext): void {
  handle(app, "products", async (c) => {
    const input = await parseInput(
      c,
      z.object({
        page: int().pipe(z.number().min(1)),
        total: int().pipe(z.number().min(5).max(100)),
      }),
    );
    if (!input.ok) return input.response;
    const lang = langOf(c);
    const all = PRODUCTS.map((p) => productJson(ctx, p, lang));
    return ok(
      c,
      paginate(all, input.data.page, input.data.total, `${ctx.publicUrl()}/partner/ecom/products`),
    );
  });

  handle(app, "product", async (c) => {
    const input = await parseInput(
      c,
      z
        .object({
          sku: z.string().min(1).max(64).optional(),
          id: int().pipe(z.number().min(1)).optional(),
        })
        .refine((v) => v.sku !== undefined || v.id !== undefined, {
          path: ["sku"],
          params: {
            tr: "sku ya da id alanı gereklidir.",
            en: "The sku field is required when id is not present.",
          },
        }),
    );
    if (!input.ok) return input.response;
    const p =
      input.data.sku !== undefined
        ? PRODUCT_BY_SKU.get(input.data.sku)
        : PRODUCT_BY_ID.get(input.data.id ?? 0);
    if (!p || (input.data.id !== undefined && p.id !== input.data.id))
      return notFound(c, { tr: "Ürün", en: "Product" });
    return ok(c, productJson(ctx, p, langOf(c)));
  });

  handle(app, "categories", (c) => {
    const lang = langOf(c);
    return ok(
      c,
      CATEGORIES.map((cat) => categoryJson(cat.id, lang)),
    );
  });

  handle(app, "prices", (c) =>
    ok(
      c,
      PRODUCTS.map((p) => {
        const price = unitPrice(p, ctx.prices);
        const quote = ctx.prices.quote(ITEM_CURRENCIES[p.metal].code);
        return {
          sku: p.sku,
          metal: p.metal,
          currency: "TRY",
          bid: price.bid,
          ask: price.price,
          change_pct: quote.change_pct,
          updated_at: new Date(quote.updatedAt).toISOString(),
        };
      }),
    ),
  );

  handle(app, "priceFeed", (c) =>
    fail(
      c,
      426,
      t(langOf(c), "WebSocket yükseltmesi gerekli.", "Upgrade Required: connect with a WebSocket."),
    ),
  );

  // Product images (Minted serves them from a public CDN; no auth).
  app.get("/cdn/products/:sku/:file", (c) => {
    const p = PRODUCT_BY_SKU.get(c.req.param("sku"));
    const m = /^([1-9])\.svg$/.exec(c.req.param("file"));
    const n = m ? Number(m[1]) : 0;
    if (!p || n < 1 || n > p.images) return c.text("Not Found", 404);
    c.header("Cache-Control", "public, max-age=86400, immutable");
    c.header("Content-Type", "image/svg+xml; charset=utf-8");
    return c.body(productSvg(p, n));
  });
}
