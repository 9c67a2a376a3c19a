import type { AppDeps } from "../deps.ts";
import type { Lang } from "../problem.ts";
import { type UpstreamEcomOrder, type UpstreamInvoice } from "../../minted/schemas/orders.ts";
import { UpstreamError } from "../upstream/types.ts";

/** Get Orders pages are at most 30 long; a customer's history is scanned newest first. */
export const ORDERS_PAGE_MAX = 30;
const MAX_SCAN_PAGES = 34;

export interface CallContext {
  lang: Lang;
  requestId?: string;
}

function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.details.status === 404;
}

/** The order belongs to `customer`: the upstream object's customer external id, nothing else. */
export function ownedBy(order: UpstreamEcomOrder, customer: string): boolean {
  return order.order_creation_status === "order" && order.customer?.external_id === customer;
}

function dayBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Customer `customer`'s e-commerce order `code` (Minted's increment_id), or null — also when it
 * exists but is someone else's. Get Orders is filtered to the customer and read newest first;
 * `around` (a YYYY-MM-DD hint, e.g. the invoice date) narrows the first search to a few days.
 */
export async function findOwnOrder(
  deps: AppDeps,
  customer: string,
  code: string,
  ctx: CallContext,
  around?: string,
): Promise<UpstreamEcomOrder | null> {
  const scan = async (window: { startDate: string; endDate: string } | null) => {
    for (let page = 1; page <= MAX_SCAN_PAGES; page++) {
      const list = await deps.upstream.call({
        op: "ecomOrders",
        query: {
          customer_external_id: customer,
          page,
          total: ORDERS_PAGE_MAX,
          sortBy: "created_at",
          sortType: "desc",
          ...(window ?? {}),
        },
        lang: ctx.lang,
        ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
      });
      const hit = list.data.find((o) => o.increment_id === code);
      if (hit) return ownedBy(hit, customer) ? hit : null;
      if (page >= list.last_page) return undefined;
    }
    return undefined;
  };
  if (around && /^\d{4}-\d{2}-\d{2}$/.test(around)) {
    const narrowed = await scan({ startDate: dayBefore(around, 2), endDate: around });
    if (narrowed !== undefined) return narrowed;
  }
  return (await scan(null)) ?? null;
}

/** The invoice of order `code`, or null when Minted does not know the code. */
export async function findInvoice(
  deps: AppDeps,
  code: string,
  ctx: CallContext,
): Promise<UpstreamInvoice | null> {
  try {
    return await deps.upstream.call({
      op: "orderInvoice",
      params: { external_order_id: code },
      lang: ctx.lang,
      ...(ctx.requestId ? { requestId: ctx.requestId } : {}),
    });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
