import { handle } from "../operations.ts";
import { z } from "zod";
import type { SandboxApp, SandboxContext } from "../context.ts";
import { PRODUCT_BY_ID, PRODUCT_BY_SKU, PRODUCTS } from "../domain/catalog.ts";
import { CATEGORIES, ITEM_CURRENCIES } from "../domain/categories.ts";
import { unitPrice } from "../domain/pricing.ts";
import { fail, int, langOf, notFound, ok, paginate, parseInput, t } from "../http/http.ts";
import { categoryJson, productJson } from "../wire/catalog.ts";
import { productSvg } from "../wire/images.ts";

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
