import type { Metal, OrderStatus } from "../../contract/common.ts";
import { round2, round4 } from "../../contract/money.ts";
import type { AppDeps } from "../deps.ts";
import { METAL_SKUS } from "../prices/metal-skus.ts";
import { digitalRecordsOf, readRecordedOrder, type DigitalRecord } from "./digital-records.ts";
import { statusOf } from "./order-views.ts";

/**
 * What the customer paid for the metal they hold, from their own orders (issue 17: "how am I
 * doing"). Minted documents no cost basis, so the proxy computes one (inferred, in this one
 * place) from the orders it knows: the digital quick buys and sells it placed for this customer,
 * each with the metal, grams and amount Minted answered when it was placed (kept in its record,
 * digital-records.ts), so a wallet view asks Minted nothing for them. A record written before
 * those were kept is read back from Minted (`orderGet`), one call each: no such record is written
 * any more, so their number only falls (the ring keeps the newest `DIGITAL_RECORD_LIMIT`, each
 * expires within a year), while skipping them would drop earlier buys and misstate the average.
 * Vault products bought through the walletable basket are not counted: Minted's walletable
 * orders give a price per product, not the fine grams it bought (minted-api.md §8.2).
 *
 * The method is the moving average cost: a buy adds its grams and what was paid; a sell takes
 * grams out at the average cost so far (the average itself does not change). Cancelled and
 * refunded orders do not count. Minted documents no cancel or refund flow for partner digital
 * orders, so (inferred) such an order keeps the status it was placed with: a recorded order counts
 * by its status at placement, without asking again (and an order Minted no longer knows, as after a
 * reset sandbox, counts until the wallet history forgets its record, wallet-history.ts).
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

interface MetalTrade extends CostTrade {
  metal: Metal;
}

/**
 * The trades of one recorded order: from the record, or from Minted for an older record that
 * does not keep them (none when Minted does not know the order as this customer's).
 */
async function tradesOf(
  deps: AppDeps,
  customer: string,
  record: DigitalRecord,
): Promise<MetalTrade[]> {
  const counts = (status: OrderStatus) => status !== "cancelled" && status !== "refunded";
  // A buy paid in another currency has no TRY cost without that day's rate, which Minted does not
  // give: its grams stay uncovered. A sell's amount is never used (grams leave at the average).
  if (record.side === "buy" && record.currency !== "TRY") return [];
  if (record.trade) {
    const { metal, grams, amount, status } = record.trade;
    return counts(status) ? [{ metal, side: record.side, grams, amount }] : [];
  }
  const o = await readRecordedOrder(deps, customer, record);
  if (!o) return [];
  if (!counts(statusOf({ status_id: 0, status_name: o.status_name }))) return [];
  const side = o.type.toLowerCase() === "sell" ? "sell" : "buy";
  return o.items.flatMap((item) => {
    const metal = METAL_SKUS.find((m) => m.sku === item.sku)?.metal;
    return metal ? [{ metal, side, grams: item.amount, amount: item.total }] : [];
  });
}

/** The customer's cost basis per metal from the digital orders the proxy placed for them. */
export async function costBasisByMetal(
  deps: AppDeps,
  customer: string,
): Promise<Map<Metal, CostBasis>> {
  const records = await digitalRecordsOf(deps.store, customer);
  const orders = await Promise.all(records.map((record) => tradesOf(deps, customer, record)));
  const trades = new Map<Metal, CostTrade[]>();
  // Records come newest first; the average is built oldest first.
  for (const { metal, ...trade } of orders.reverse().flat()) {
    const list = trades.get(metal) ?? [];
    list.push(trade);
    trades.set(metal, list);
  }
  return new Map([...trades].map(([metal, list]) => [metal, averageCostOf(list)]));
}
