import type { AppDeps } from "../deps.ts";
import type { UpstreamInvoice } from "../../minted/schemas/invoice.ts";
import type { UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import { UpstreamError } from "../upstream/types.ts";
import { readCheckoutRecord } from "./checkout-records.ts";
import { forgetOrderToken, readOrderToken, rememberOrderTokens } from "./order-tokens.ts";

/** Get Orders pages are at most 30 long; a customer's history is scanned newest first. */
export const ORDERS_PAGE_MAX = 30;

/**
 * Pages one fallback search may read (the date window, then the newest orders), so that a look-up
 * the store cannot answer costs a stated number of calls, not one that grows with the history.
 * Worst case of findOwnOrder: 1 (a stale remembered token) + 2 × FALLBACK_SCAN_PAGES = 5
 * upstream calls; with a remembered token, 1.
 */
export const FALLBACK_SCAN_PAGES = 2;

function isNotFound(error: unknown): boolean {
  return error instanceof UpstreamError && error.details.status === 404;
}

/** The order belongs to `customer`: the upstream object's customer external id, nothing else. */
export function ownedBy(order: UpstreamEcomOrder, customer: string): boolean {
  return order.order_creation_status === "order" && order.customer?.external_id === customer;
}

/**
 * Customer `customer`'s e-commerce order `code` (Minted's increment_id), or null — also when it
 * exists but is someone else's. First by the cart token the proxy remembered for the code (one
 * Get Order call); without one, a bounded search of the customer's newest orders in Get Orders.
 * Get Orders cannot filter by code and Minted's invoice carries no date (api-38613148), so a code
 * older than what the search reads and never seen by this proxy (listed, or placed through it)
 * is not found; paging back through the orders list remembers every code it shows.
 */
export async function findOwnOrder(
  deps: AppDeps,
  customer: string,
  code: string,
): Promise<UpstreamEcomOrder | null> {
  const remembered = await byRememberedToken(deps, customer, code);
  if (remembered !== undefined) return remembered;
  return searchOrders(deps, customer, code);
}

/**
 * The order by its remembered cart token: the order, null when Minted's answer settles that
 * there is no order to show, undefined when no usable token is remembered (then search).
 */
async function byRememberedToken(
  deps: AppDeps,
  customer: string,
  code: string,
): Promise<UpstreamEcomOrder | null | undefined> {
  let token: string | null;
  try {
    // The checkout record holds the token too (orders completed before tokens were remembered).
    token =
      (await readOrderToken(deps.store, customer, code)) ??
      (await readCheckoutRecord(deps.store, code, customer))?.cartToken ??
      null;
  } catch (error) {
    // The store is an optimisation here: when it is down the search still answers.
    deps.logger.warn("order tokens: store read failed", {
      err: error instanceof Error ? error.message : String(error),
    });
    return undefined;
  }
  if (token === null) return undefined;
  const forget = () =>
    forgetOrderToken(deps.store, customer, code).catch((error: unknown) => {
      deps.logger.warn("order tokens: store delete failed", {
        err: error instanceof Error ? error.message : String(error),
      });
    });
  let order: UpstreamEcomOrder;
  try {
    order = await deps.upstream.call({
      op: "ecomOrderGet",
      body: { customer_external_id: customer, cart_token: token },
    });
  } catch (error) {
    // 403 (another customer's token) or 404 (gone): the entry is wrong, not the request.
    if (error instanceof UpstreamError && error.failure === "rejected") {
      await forget();
      return undefined;
    }
    throw error;
  }
  // Ownership is decided by the order Minted returns, never by the entry that named it.
  if (order.increment_id !== code || order.customer?.external_id !== customer) {
    await forget();
    return undefined;
  }
  // The customer's record under this code: an order, or a basket again after a declined payment
  // (Get Orders would not list that either).
  return ownedBy(order, customer) ? order : null;
}

/** Get Orders for `customer`, at most FALLBACK_SCAN_PAGES pages per search. */
async function searchOrders(
  deps: AppDeps,
  customer: string,
  code: string,
): Promise<UpstreamEcomOrder | null> {
  for (let page = 1; page <= FALLBACK_SCAN_PAGES; page++) {
    const list = await deps.upstream.call({
      op: "ecomOrders",
      query: {
        customer_external_id: customer,
        page,
        total: ORDERS_PAGE_MAX,
        sortBy: "created_at",
        sortType: "desc",
      },
    });
    // Whatever a page shows is remembered, so that the next view of any of it is one call.
    await rememberOrderTokens(deps.store, deps.logger, customer, list.data);
    const hit = list.data.find((o) => o.increment_id === code);
    if (hit) return ownedBy(hit, customer) ? hit : null;
    if (page >= list.last_page) return null;
  }
  return null;
}

/** The invoice of order `code`, or null when Minted does not know the code. */
export async function findInvoice(deps: AppDeps, code: string): Promise<UpstreamInvoice | null> {
  try {
    return await deps.upstream.call({
      op: "orderInvoice",
      params: { external_order_id: code },
    });
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}
