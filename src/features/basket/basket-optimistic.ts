import { EMPTY_BASKET, type Basket, type BasketItem } from "../../../contract/basket";
import { round2 } from "../../../contract/money";
import { vatOf } from "../../../contract/vat";
import { getProductImage } from "../../../contract/api/catalog";
import { href } from "../../lib/api";

/**
 * The optimistic basket: what a tap changes locally before the proxy answers. Line totals,
 * the item count, the subtotal and VAT follow from the lines; fees are the proxy's to say, so
 * they are kept as they were (the page marks the totals as updating until the answer).
 */

/** What the product page already knows about a product not yet in the basket. */
export interface ItemPreview {
  name: string;
  unitPrice: number;
  type?: BasketItem["type"];
  metal?: BasketItem["metal"];
  maxQuantity?: number;
  /** Percent, as the basket reports it (20 for 20 %). */
  vatRate?: number;
}

/** Bars and coins count by unit; a digital line counts once (its quantity is grams). */
function countOf(items: readonly BasketItem[]): number {
  return items.reduce((n, i) => n + (i.type === "digital" ? 1 : i.quantity), 0);
}

function withItems(basket: Basket, items: BasketItem[]): Basket {
  if (items.length === 0)
    return { ...EMPTY_BASKET, currency: basket.currency, estimated: basket.estimated };
  const subtotal = round2(items.reduce((s, i) => s + i.lineTotal, 0));
  const vat = round2(items.reduce((s, i) => s + i.lineTax, 0));
  return {
    ...basket,
    items,
    itemCount: countOf(items),
    totals: { ...basket.totals, subtotal, vat, total: round2(subtotal + vat + basket.totals.fees) },
  };
}

function withLine(item: BasketItem, quantity: number): BasketItem {
  const lineTotal = round2(item.unitPrice * quantity);
  return { ...item, quantity, lineTotal, lineTax: vatOf(item.unitPrice * quantity, item.vatRate) };
}

/** Sets a line's quantity, bounded by the line's maximum; 0 removes it. */
export function basketWithQuantity(basket: Basket, sku: string, quantity: number): Basket {
  const items: BasketItem[] = [];
  for (const item of basket.items) {
    if (item.sku !== sku) items.push(item);
    else if (quantity > 0) items.push(withLine(item, Math.min(quantity, item.maxQuantity)));
  }
  return withItems(basket, items);
}

export function basketWithout(basket: Basket, sku: string): Basket {
  return basketWithQuantity(basket, sku, 0);
}

export function clearedBasket(basket: Basket): Basket {
  return withItems(basket, []);
}

/** Adds to a line (or a new line from the preview); an unknown basket starts empty. */
export function basketWithAdded(
  basket: Basket | undefined,
  sku: string,
  quantity: number,
  preview?: ItemPreview,
): Basket {
  const base = basket ?? EMPTY_BASKET;
  const existing = base.items.find((i) => i.sku === sku);
  if (existing) return basketWithQuantity(base, sku, existing.quantity + quantity);
  const unitPrice = preview?.unitPrice ?? 0;
  const vatRate = preview?.vatRate ?? 0;
  const line: BasketItem = {
    sku,
    name: preview?.name ?? sku,
    image: href(getProductImage, { params: { sku, n: 1 } }),
    metal: preview?.metal ?? null,
    type: preview?.type ?? null,
    unitPrice,
    quantity,
    maxQuantity: Math.max(preview?.maxQuantity ?? quantity, quantity),
    vatRate,
    lineTotal: round2(unitPrice * quantity),
    lineTax: vatOf(unitPrice * quantity, vatRate),
  };
  return withItems(base, [...base.items, line]);
}
