import { queryOptions } from "@tanstack/react-query";
import type { Receipt } from "../../../contract/orders";
import { ApiProblem } from "../../lib/api";
import { queryRoots } from "../../lib/query-keys";

/** The fetcher and its contract schema load on first use, not with the shell. */
const loadReceiptApi = () => import("./receipt-api");

export const receiptKeys = {
  all: queryRoots.receipts,
  detail: (code: string) => [...receiptKeys.all, code] as const,
};

/** The first refresh of a payment being confirmed comes quickly, then less and less often. */
const PENDING_FIRST_MS = 2_000;
const PENDING_MAX_MS = 10_000;

/** The payment is on its way: the bank has not given Minted its answer yet. */
export function isPaymentPending(receipt: Receipt | undefined): boolean {
  return receipt?.payment?.state === "pending" && receipt.status !== "cancelled";
}

/** The proxy says there is no such order of this customer (unknown, or someone else's). */
export function isNotFound(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 404;
}

/** No customer in this session (a guest, or the session ran out). */
export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiProblem && error.status === 401;
}

/**
 * How soon to read the receipt again: while its payment is pending, 2 s after the first answer,
 * then half as long again each time, at most 10 s; never once it is decided. A failed read stops
 * it too (a declined card payment turns the order back into a basket: 404).
 */
export function receiptRefetchInterval(
  receipt: Receipt | undefined,
  state: { dataUpdateCount: number; error: unknown },
): number | false {
  if (!isPaymentPending(receipt) || state.error) return false;
  const step = Math.max(0, state.dataUpdateCount - 1);
  return Math.min(Math.round(PENDING_FIRST_MS * 1.5 ** step), PENDING_MAX_MS);
}

/** One order's receipt; it refreshes itself while its payment is being confirmed. */
export function receiptQueryOptions(code: string) {
  return queryOptions({
    queryKey: receiptKeys.detail(code),
    queryFn: async ({ signal }): Promise<Receipt> =>
      (await loadReceiptApi()).fetchReceipt(code, signal),
    refetchInterval: (query) => receiptRefetchInterval(query.state.data, query.state),
  });
}
