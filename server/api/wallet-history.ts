import * as ops from "../../contract/api/wallet.ts";
import { digitalCurrencySchema } from "../../contract/digital.ts";
import { type WalletOrderSummary } from "../../contract/wallet.ts";
import type { AppDeps } from "../deps.ts";
import { partnerDateIso } from "./digital.ts";
import {
  digitalRecordsOf,
  forgetDigitalRecord,
  readRecordedOrder,
  type DigitalRecord,
} from "./digital-records.ts";
import { statusOf } from "./order-views.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { walletOrderSummaryView } from "./wallet-views.ts";

/**
 * The wallet history: Minted's walletable orders and the customer's digital quick buys and
 * sells, one list newest first.
 */

const PAGE_SIZE = 10;

/**
 * Wallet rows (as Minted sorted them) and digital records, both newest first, merged newest
 * first; a row without a time keeps its place among the wallet's.
 */
export function mergeNewestFirst<R extends { createdAt: string }>(
  walletRows: WalletOrderSummary[],
  records: R[],
): (WalletOrderSummary | R)[] {
  const out: (WalletOrderSummary | R)[] = [];
  let w = 0;
  let d = 0;
  while (w < walletRows.length || d < records.length) {
    const row = walletRows[w];
    const record = records[d];
    const rowTime = row?.createdAt ? Date.parse(row.createdAt) : Number.NaN;
    if (record && (!row || Date.parse(record.createdAt) > rowTime)) {
      out.push(record);
      d++;
    } else if (row) {
      out.push(row);
      w++;
    }
  }
  return out;
}

export function walletOrdersRoute(deps: AppDeps): RouteSpec {
  /** A recorded digital order as a history row; null when Minted does not know it as ours. */
  const ownDigitalOrder = async (
    customer: string,
    record: DigitalRecord,
  ): Promise<WalletOrderSummary | null> => {
    const o = await readRecordedOrder(deps, customer, record);
    if (!o) return null;
    const currency = digitalCurrencySchema.safeParse(o.currency_code);
    return {
      source: "digital",
      id: null,
      orderCode: o.order_code,
      type: o.type.toLowerCase() === "sell" ? "sell" : "buy",
      status: statusOf({ status_id: 0, status_name: o.status_name }),
      createdAt: partnerDateIso(o.order_at) || record.createdAt,
      itemCount: o.items.length,
      total: o.total,
      currency: currency.success ? currency.data : record.currency,
    };
  };

  return handle(ops.listWalletOrders, {
    handler: async ({ query, customer }) => {
      const page = query.page ?? 1;
      const walletPage = async (n: number) => {
        const list = await deps.upstream.call({
          op: "walletOrders",
          query: {
            customer_external_id: customer,
            tx_type: query.txType,
            page: n,
            total: PAGE_SIZE,
            sortBy: "created_at",
            sortType: "desc",
          },
        });
        return {
          ...list,
          // Minted was asked for this customer's orders only (`customer_external_id`, documented
          // on api-26192668); a row naming another customer is dropped all the same.
          rows: list.data
            .filter((o) => !o.customer || o.customer.external_id === customer)
            .map(walletOrderSummaryView),
        };
      };
      const digital =
        query.txType === "delivery"
          ? []
          : (await digitalRecordsOf(deps.store, customer)).filter(
              (r) => query.txType === undefined || r.side === query.txType,
            );
      if (digital.length === 0) {
        const list = await walletPage(page);
        return {
          orders: list.rows,
          pageInfo: {
            page: list.current_page,
            pageSize: list.per_page,
            total: list.total,
            totalPages: list.total === 0 ? 0 : list.last_page,
          },
        };
      }
      // One history: the wallet's orders and the digital ones merged newest first. Page n of
      // the merge needs the wallet's first n pages (the digital records are all at hand).
      const first = await walletPage(1);
      const rest = await Promise.all(
        Array.from({ length: Math.min(page, first.last_page) - 1 }, (_, i) => walletPage(i + 2)),
      );
      const walletRows = [first, ...rest].flatMap((l) => l.rows);
      const walletTotal = first.total;
      const from = (page - 1) * PAGE_SIZE;
      let records = digital;
      let orders: WalletOrderSummary[] = [];
      // A record Minted no longer knows is forgotten and the page merged again, so the count
      // stays honest; a few rounds at most.
      for (let round = 0; round < 3; round++) {
        const window = mergeNewestFirst(walletRows, records).slice(from, from + PAGE_SIZE);
        const resolved = await Promise.all(
          window.map(async (row) =>
            "externalId" in row ? { row, order: await ownDigitalOrder(customer, row) } : row,
          ),
        );
        const gone = resolved.flatMap((r) => ("order" in r && r.order === null ? [r.row] : []));
        orders = resolved.flatMap((r) => ("order" in r ? (r.order ? [r.order] : []) : [r]));
        if (gone.length === 0) break;
        await Promise.all(gone.map((r) => forgetDigitalRecord(deps.store, customer, r)));
        records = records.filter((r) => !gone.includes(r));
      }
      const total = walletTotal + records.length;
      return {
        orders,
        pageInfo: {
          page,
          pageSize: PAGE_SIZE,
          total,
          totalPages: Math.ceil(total / PAGE_SIZE),
        },
      };
    },
  });
}
