import type { WalletBasket } from "../../../contract/wallet";

/**
 * A wallet basket's price fix and what the customer accepted, as plain functions: the total
 * charged (or received) is the total last shown and accepted; a new fix at another total must
 * be confirmed first, one at the same total is taken over without asking.
 */

export interface AcceptedBasket {
  quoteId: string;
  total: number;
  /** The lines the quote priced (`sku x quantity`, sorted). */
  lines: string;
}

export function basketLines(basket: Pick<WalletBasket, "items">): string {
  return basket.items
    .map((i) => `${i.sku}x${String(i.quantity)}`)
    .sort()
    .join(",");
}

export function acceptBasket(basket: WalletBasket): AcceptedBasket | null {
  return basket.quoteId
    ? { quoteId: basket.quoteId, total: basket.total, lines: basketLines(basket) }
    : null;
}

export type BasketDecision = "empty" | "accepted" | "adopt" | "confirm";

export function decideBasketQuote(
  basket: WalletBasket,
  accepted: AcceptedBasket | null,
): BasketDecision {
  if (!basket.quoteId || basket.items.length === 0) return "empty";
  // Nothing accepted yet, or the customer changed the lines themselves: this is the price shown.
  if (!accepted || accepted.lines !== basketLines(basket)) return "adopt";
  if (accepted.quoteId === basket.quoteId) return "accepted";
  return Math.round(accepted.total * 100) === Math.round(basket.total * 100) ? "adopt" : "confirm";
}
