import type { BasketItem } from "../../../contract/basket";
import type { Product } from "../../../contract/catalog";
import type { SkuQuote } from "../../../contract/prices";
import { round2 } from "../../../contract/money";
import { withVat } from "../../../contract/vat";

/**
 * The one price a customer sees for a product, on every page: VAT included, as Turkish consumer
 * prices are shown. A basket line prices the same way (net + the line's VAT, to the cent as
 * Minted rounds it), so a product's shelf price equals its one-unit line in the basket while the
 * market has not moved.
 */
export interface ShelfPrice {
  /** One unit, VAT included: the live ask when there is one, else the catalog price. */
  unit: number;
  /** One gram of the product, VAT included; null when Minted's answer gives no weight. */
  perGram: number | null;
  /** What the market buys one unit back at (the live bid; no VAT on a buy-back); null without. */
  buyBack: number | null;
  vatRate: number;
}

type Priced = Pick<Product, "vatRate" | "weightGrams"> & {
  price: Pick<Product["price"], "amount">;
};

export function shelfPrice(product: Priced, quote?: Pick<SkuQuote, "ask" | "bid">): ShelfPrice {
  const unit = withVat(quote?.ask ?? product.price.amount, product.vatRate);
  const grams = product.weightGrams;
  return {
    unit,
    perGram: grams !== null && grams > 0 ? round2(unit / grams) : null,
    buyBack: quote ? quote.bid : null,
    vatRate: product.vatRate,
  };
}

/** A basket line, VAT included: its net total plus the VAT Minted's basket gives the line. */
export function lineWithVat(item: Pick<BasketItem, "lineTotal" | "lineTax">): number {
  return round2(item.lineTotal + item.lineTax);
}

/** One unit of a basket line, VAT included (the line's own VAT rate). */
export function unitWithVat(item: Pick<BasketItem, "unitPrice" | "vatRate">): number {
  return withVat(item.unitPrice, item.vatRate);
}
