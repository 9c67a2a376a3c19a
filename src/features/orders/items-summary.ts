import type { OrderSummary } from "../../../contract/orders";

/** Minted's digital storage SKUs: their quantity is grams of metal, not units. */
const digitalSkus = new Set(["GAU", "GAG", "GPT"]);

export interface ItemsSummary {
  /** The first line of the order. */
  name: string;
  quantity: number;
  /** The quantity is grams (digital metal), not units. */
  grams: boolean;
  /** How many other lines the order has. */
  more: number;
}

/** "2 × 10 g gold bar, +1 more": the first line of an order and how many others. */
export function summarizeItems(
  order: Pick<OrderSummary, "items" | "itemCount">,
): ItemsSummary | null {
  const first = order.items[0];
  if (!first) return null;
  return {
    name: first.name,
    quantity: first.quantity,
    grams: digitalSkus.has(first.sku) || !Number.isInteger(first.quantity),
    more: Math.max(order.itemCount, order.items.length) - 1,
  };
}
