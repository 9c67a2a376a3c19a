import type { Metal } from "../../contract/common.ts";
import { round2, round4 } from "../../contract/money.ts";
import type { AppDeps } from "../deps.ts";
import { METAL_SKUS } from "../prices/metal-skus.ts";
import { UpstreamError } from "../upstream/types.ts";
import { digitalRecordsOf } from "./digital-records.ts";
import { statusOf } from "./order-views.ts";

/**
 * What the customer paid for the metal they hold, from their own orders (issue 17: "how am I
 * doing"). Minted documents no cost basis, so the proxy computes one (inferred, in this one
 * place) from the orders it can read: the digital quick buys and sells it placed for this
 * customer (digital-records.ts), each read back from Minted (`orderGet`) for its grams and total.
 * Vault products bought through the walletable basket are not counted: Minted's walletable
 * orders give a price per product, not the fine grams it bought (minted-api.md §8.2).
 *
 * The method is the moving average cost: a buy adds its grams and what was paid; a sell takes
 * grams out at the average cost so far (the average itself does not change). Cancelled and
 * refunded orders do not count.
 */

export interface CostTrade {
  side: "buy" | "sell";
  grams: number;
  /** What was paid (buy) or received (sell), TRY. */
  amount: number;
}

export interface CostBasis {
  /** Grams the cost covers (bought here and not sold since). */
  grams: number;
  /** What those grams cost, TRY. */
  cost: number;
}

/** The moving average cost after `trades`, oldest first. */
export function averageCostOf(trades: readonly CostTrade[]): CostBasis {
  let grams = 0;
  let cost = 0;
  for (const trade of trades) {
    if (trade.side === "buy") {
      grams += trade.grams;
      cost += trade.amount;
    } else if (grams > 0) {
      const sold = Math.min(trade.grams, grams);
      cost -= (cost / grams) * sold;
      grams -= sold;
    }
  }
  return grams <= 1e-9 ? { grams: 0, cost: 0 } : { grams: round4(grams), cost: round2(cost) };
}

export interface MetalPerformance {
  /** Per gram, TRY; null when no order of this shop explains any grams held. */
  averageCost: number | null;
  /** The grams held that the average cost covers. */
  costGrams: number;
  /** Value at the bid minus cost, over `costGrams`, TRY and percent. */
  profit: number | null;
  profitPct: number | null;
}

/**
 * The performance of `heldGrams` digital grams now worth `bidPerGram`: the average cost covers at
 * most the grams still held (grams that left another way, e.g. a delivery, are not in it).
 */
export function performanceOf(
  basis: CostBasis,
  heldGrams: number,
  bidPerGram: number | null,
): MetalPerformance {
  const covered = round4(Math.min(basis.grams, heldGrams));
  if (covered <= 0 || basis.grams <= 0)
    return { averageCost: null, costGrams: 0, profit: null, profitPct: null };
  const average = basis.cost / basis.grams;
  const cost = average * covered;
  const profit = bidPerGram === null ? null : round2(bidPerGram * covered - cost);
  return {
    averageCost: round2(average),
    costGrams: covered,
    profit,
    profitPct: profit === null || cost <= 0 ? null : round2((profit / cost) * 100),
  };
}

/** The customer's cost basis per metal from the digital orders the proxy placed for them. */
export async function costBasisByMetal(
  deps: AppDeps,
  customer: string,
): Promise<Map<Metal, CostBasis>> {
  const records = await digitalRecordsOf(deps.store, customer);
  const orders = await Promise.all(
    records.map(async (record) => {
      try {
        const o = await deps.upstream.call({
          op: "orderGet",
          params: { external_order_id: record.externalId },
        });
        return o.customer?.external_id === customer && o.external_id === record.externalId
          ? { o, createdAt: record.createdAt }
          : null;
      } catch (error) {
        if (error instanceof UpstreamError && error.details.status === 404) return null;
        throw error;
      }
    }),
  );
  const trades = new Map<Metal, CostTrade[]>();
  // Records come newest first; the average is built oldest first.
  for (const entry of orders.reverse()) {
    if (!entry) continue;
    const status = statusOf({ status_id: 0, status_name: entry.o.status_name });
    if (status === "cancelled" || status === "refunded") continue;
    const side = entry.o.type.toLowerCase() === "sell" ? "sell" : "buy";
    for (const item of entry.o.items) {
      const metal = METAL_SKUS.find((m) => m.sku === item.sku)?.metal;
      if (!metal) continue;
      const list = trades.get(metal) ?? [];
      list.push({ side, grams: item.amount, amount: item.total });
      trades.set(metal, list);
    }
  }
  return new Map([...trades].map(([metal, list]) => [metal, averageCostOf(list)]));
}
