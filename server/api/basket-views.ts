import { createHash } from "node:crypto";
import {
  EMPTY_BASKET,
  MAX_UNITS_PER_SKU,
  type Basket,
  type BasketItem,
  type PriceFix,
} from "../../contract/basket.ts";
import type { Quote } from "../../contract/checkout.ts";
import { isDigitalSku } from "../prices/metal-skus.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import type { UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import { imagePath, type CatalogEntry } from "./catalog-source.ts";
import { round2 } from "../../contract/money.ts";
import { vatOf } from "../../contract/vat.ts";
import { feeLines, totalsView } from "./order-fees.ts";

/** Upstream baskets (Ecom Orders at the basket stage) and guest baskets → the shop's basket. */

/** The most of a product one basket line may hold now: its stock, and 10 units of a bar or coin. */
export function maxQuantityOf(entry: CatalogEntry): number {
  const stock = entry.product.stock.available;
  return entry.product.type === "digital" ? stock : Math.min(MAX_UNITS_PER_SKU, Math.floor(stock));
}

/** A price fix token names a quote without handing the token itself to the browser. */
export function quoteIdOf(priceToken: string): string {
  return createHash("sha256").update(priceToken).digest("hex").slice(0, 32);
}

/** A date Minted prints (ISO with an offset) as ISO UTC; null when absent or unreadable. */
export function iso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export function priceFixView(
  fix: {
    remaining: number;
    nextUpdate?: string | null | undefined;
    updated?: boolean | null | undefined;
  },
  now: number,
): PriceFix {
  return {
    expiresAt: iso(fix.nextUpdate) ?? new Date(now + fix.remaining * 1000).toISOString(),
    remainingSeconds: Math.max(0, fix.remaining),
    renewed: fix.updated ?? false,
  };
}

/** Units of bars and coins, one per digital line (grams are not "items"). */
function itemCountOf(items: readonly BasketItem[]): number {
  return items.reduce(
    (n, i) => n + (i.type === "digital" || isDigitalSku(i.sku) ? 1 : i.quantity),
    0,
  );
}

/** A customer's basket as Minted prices it; `catalog` adds what the lines can hold. */
export function basketView(
  order: UpstreamEcomOrder | null,
  catalog: ReadonlyMap<string, CatalogEntry>,
  lang: Lang,
  now: number,
): Basket {
  if (!order || order.items.length === 0) return EMPTY_BASKET;
  const items: BasketItem[] = order.items.map((i) => {
    const entry = catalog.get(i.sku);
    return {
      sku: i.sku,
      name: i.product_name,
      image: imagePath(i.sku, 1),
      metal: entry?.product.metal ?? null,
      type: entry?.product.type ?? null,
      unitPrice: i.price,
      quantity: i.amount,
      maxQuantity: entry ? Math.max(maxQuantityOf(entry), i.amount) : i.amount,
      vatRate: i.tax_rate,
      lineTotal: round2(i.price * i.amount),
      lineTax: i.tax,
    };
  });
  const fees = feeLines(order, lang);
  return {
    items,
    itemCount: itemCountOf(items),
    currency: "TRY",
    fees,
    totals: totalsView(order),
    priceFix: order.pricefix ? priceFixView(order.pricefix, now) : null,
    estimated: false,
  };
}

/** A guest's basket priced from the catalog: items and VAT; Minted adds its fees at checkout. */
export function guestBasketView(
  lines: readonly { sku: string; qty: number }[],
  catalog: ReadonlyMap<string, CatalogEntry>,
): Basket {
  const items: BasketItem[] = [];
  let vat = 0;
  for (const line of lines) {
    const entry = catalog.get(line.sku);
    if (!entry) continue;
    const unitPrice = entry.product.price.amount;
    const { vatRate } = entry.product;
    const lineTax = vatOf(unitPrice * line.qty, vatRate);
    vat += lineTax;
    items.push({
      sku: line.sku,
      name: entry.product.name,
      image: imagePath(line.sku, 1),
      metal: entry.product.metal,
      type: entry.product.type,
      unitPrice,
      quantity: line.qty,
      maxQuantity: Math.max(maxQuantityOf(entry), line.qty),
      vatRate,
      lineTotal: round2(unitPrice * line.qty),
      lineTax,
    });
  }
  if (items.length === 0) return { ...EMPTY_BASKET, estimated: true };
  const subtotal = round2(items.reduce((s, i) => s + i.lineTotal, 0));
  vat = round2(vat);
  return {
    items,
    itemCount: itemCountOf(items),
    currency: "TRY",
    fees: [],
    totals: { subtotal, vat, fees: 0, total: round2(subtotal + vat) },
    priceFix: null,
    estimated: true,
  };
}

/** The quote of a non-empty basket with a price fix. */
export function quoteView(order: UpstreamEcomOrder, lang: Lang, now: number): Quote | null {
  const fix = order.pricefix;
  if (!fix?.token || order.items.length === 0) return null;
  const basket = basketView(order, new Map(), lang, now);
  return {
    quoteId: quoteIdOf(fix.token),
    currency: "TRY",
    itemCount: basket.itemCount,
    fees: basket.fees,
    totals: basket.totals,
    priceFix: priceFixView(fix, now),
  };
}

/** 422 `quantity` when a line of `qty` breaks the stock or the 10-per-SKU rule. */
export function checkQuantity(entry: CatalogEntry, qty: number, lang: Lang): void {
  const fail = (tr: string, en: string) =>
    new ApiError("validation_failed", { errors: { quantity: [t(lang, tr, en)] } });
  const physical = entry.product.type !== "digital";
  if (physical && !Number.isInteger(qty))
    throw fail("Külçe ve sikkeler adet olarak satılır.", "Bars and coins are sold in whole units.");
  if (physical && qty > MAX_UNITS_PER_SKU)
    throw fail(
      `Bir üründen sepete en fazla ${MAX_UNITS_PER_SKU} adet eklenebilir.`,
      `At most ${MAX_UNITS_PER_SKU} units of one product can be in a basket.`,
    );
  const stock = entry.product.stock.available;
  if (qty > stock)
    throw stock <= 0
      ? fail("Bu ürün tükendi.", "This product is out of stock.")
      : fail(
          `Yeterli stok yok: en fazla ${maxQuantityOf(entry)} ${physical ? "adet" : "gr"}.`,
          `Not enough stock: at most ${maxQuantityOf(entry)}${physical ? "" : " g"}.`,
        );
}
