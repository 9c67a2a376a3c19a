import { PRODUCTS, type ProductDef } from "../domain/catalog.ts";
import { CATEGORIES, ITEM_CURRENCIES } from "../domain/categories.ts";
import { unitPrice } from "../domain/pricing.ts";
import type { SandboxContext } from "../context.ts";
import type { Lang } from "../http/http.ts";

/** Catalog wire formats: Category, Product (12 fields) and the price feed's frames. */

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
