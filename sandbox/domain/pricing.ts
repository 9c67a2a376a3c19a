import { fineGrams, type ProductDef } from "./catalog.ts";
import { ITEM_CURRENCIES } from "./categories.ts";
import type { PriceEngine } from "./prices.ts";
import { round2 } from "./rounding.ts";

/** One unit of a product priced at the current (or a fixed) metal ask, in TRY. */
export interface UnitPrice {
  /** Metal value of one unit at the spot ask. */
  spot: number;
  /** Dealer markup ("Minted kâr payı"), included in `price`. */
  markup: number;
  /** Minting / craftsmanship fee ("Mint Ücreti"), included in `price`. */
  minting: number;
  /** Sale price of one unit, VAT excluded: spot + markup + minting. */
  price: number;
  /** List ("was") price; equals `price` unless the product is on promotion. */
  list: number;
  /** Customer sell-back value of one unit at the bid (digital and wallet sells). */
  bid: number;
}

export function unitPrice(p: ProductDef, prices: PriceEngine): UnitPrice {
  const quote = prices.quote(ITEM_CURRENCIES[p.metal].code);
  const fine = fineGrams(p);
  const spot = round2(quote.ask * fine);
  const markup = round2((spot * p.markupRate) / 100);
  const minting = p.mintingFee;
  const price = round2(spot + markup + minting);
  return {
    spot,
    markup,
    minting,
    price,
    list: p.listPremium ? round2(price * (1 + p.listPremium / 100)) : price,
    bid: round2(quote.bid * fine),
  };
}
