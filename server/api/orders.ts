import * as ops from "../../contract/api/orders.ts";
import type { AppDeps } from "../deps.ts";
import { clientAddress } from "../http/trust-proxy.ts";
import { ApiError } from "../problem.ts";
import { readCheckoutRecord } from "./checkout-records.ts";
import { findInvoice, findOwnOrder } from "./order-finder.ts";
import { rememberOrderTokens } from "./order-tokens.ts";
import { customerInvoice } from "./invoice-source.ts";
import {
  orderDetailView,
  orderSummaryView,
  receiptView,
  upstreamStatusName,
  type ReceiptExtras,
} from "./order-views.ts";
import { handle, type RouteSpec } from "./registry.ts";

/** Receipt lookups per IP: at most this many in the window. */
export const LOOKUP_LIMIT = 10;
export const LOOKUP_WINDOW_S = 600;
const DEFAULT_PAGE_SIZE = 10;

/** The same answer for an unknown code and a wrong e-mail. */
const lookupMiss = () => new ApiError("not_found");

/** The session customer's e-commerce orders, their invoices and receipts; receipt lookup. */
export function orderRoutes(deps: AppDeps): RouteSpec[] {
  const ownOrder = async (customer: string, code: string) => {
    const order = await findOwnOrder(deps, customer, code);
    if (!order) throw new ApiError("not_found");
    return order;
  };

  /** The legal acceptances and instalments kept at checkout; none for orders made elsewhere. */
  const receiptExtras = async (customer: string, code: string): Promise<ReceiptExtras> => {
    const record = await readCheckoutRecord(deps.store, code, customer);
    return {
      legalAcceptances: record?.legalAcceptances ?? [],
      installments: record?.paymentType === "card" ? (record.installments ?? null) : null,
    };
  };

  return [
    handle(ops.listOrders, {
      handler: async ({ c, query, customer }) => {
        const list = await deps.upstream.call({
          op: "ecomOrders",
          query: {
            customer_external_id: customer,
            page: query.page ?? 1,
            total: query.pageSize ?? DEFAULT_PAGE_SIZE,
            sortBy: "created_at",
            sortType: "desc",
            status: query.status?.map(upstreamStatusName).join(","),
            startDate: query.from,
            endDate: query.to,
          },
        });
        // Defence in depth: the filter is the customer's, and so must every row be; a row still
        // at the basket stage is not an order (it could not be opened as one).
        const own = list.data.filter((o) => o.customer?.external_id === customer);
        if (own.length !== list.data.length)
          deps.logger.warn("orders list returned another customer's rows", {
            dropped: list.data.length - own.length,
          });
        const orders = own.filter((o) => o.order_creation_status === "order");
        // A row the customer sees is a row they may open next: one Get Order call, not a scan.
        await rememberOrderTokens(deps.store, c.get("logger"), customer, orders);
        // Rows left out here are not counted as orders either (the count is then a bound).
        const total = Math.max(0, list.total - (list.data.length - orders.length));
        return {
          items: orders.map(orderSummaryView),
          pageInfo: {
            page: list.current_page,
            pageSize: list.per_page,
            total,
            totalPages: total === 0 ? 0 : list.last_page,
          },
        };
      },
    }),
    handle(ops.getOrder, {
      handler: async ({ c, params, customer }) =>
        orderDetailView(await ownOrder(customer, params.code), c.var.lang),
    }),
    handle(ops.getOrderInvoice, {
      handler: ({ c, params, customer }) =>
        customerInvoice(deps, customer, params.code, c.var.lang),
    }),
    handle(ops.getOrderReceipt, {
      handler: async ({ c, params, customer }) => {
        const [order, extras] = await Promise.all([
          ownOrder(customer, params.code),
          receiptExtras(customer, params.code),
        ]);
        return receiptView(order, c.var.lang, extras);
      },
    }),
    handle(ops.lookupReceipt, {
      handler: async ({ c, body }) => {
        const tries = await deps.store.increment(
          `lookup:${clientAddress(c, deps.env.TRUST_PROXY)}`,
          LOOKUP_WINDOW_S,
        );
        if (tries > LOOKUP_LIMIT) {
          c.header("Retry-After", String(LOOKUP_WINDOW_S));
          throw new ApiError("rate_limited", { extra: { retryAfter: LOOKUP_WINDOW_S } });
        }
        // The invoice names the order's customer (Minted's invoice has no billing address or
        // date); the e-mail is the customer's, or the one on the order's billing address.
        const invoice = await findInvoice(deps, body.orderCode);
        const owner = invoice?.customer?.external_id;
        if (!invoice || !owner) throw lookupMiss();
        const email = body.email.trim().toLowerCase();
        const same = (e: string | null | undefined) => e?.trim().toLowerCase() === email;
        const order = await findOwnOrder(deps, owner, body.orderCode);
        if (!order) throw lookupMiss();
        if (![invoice.customer?.email, order.billingaddress?.email].some(same)) throw lookupMiss();
        return receiptView(order, c.var.lang, await receiptExtras(owner, body.orderCode));
      },
    }),
  ];
}
