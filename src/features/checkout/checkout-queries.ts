import { queryOptions } from "@tanstack/react-query";
import type { Quote } from "../../../contract/checkout";
import {
  fetchCheckout,
  fetchCheckoutReturn,
  fetchLegalDocuments,
  fetchPaymentTypes,
  fetchQuote,
} from "./checkout-api";
import type { TimedQuote } from "../../domain/price-fix";
import { queryRoots } from "../../lib/query-keys";

/** Every checkout query lives under this key. */
export const checkoutKeys = {
  all: queryRoots.checkout,
  state: () => [...checkoutKeys.all, "state"] as const,
  legal: () => [...checkoutKeys.all, "legal"] as const,
  quote: () => [...checkoutKeys.all, "quote"] as const,
  paymentTypes: () => [...checkoutKeys.all, "payment-types"] as const,
  return: (order: string) => [...checkoutKeys.all, "return", order] as const,
};

/** A quote stamped with when it arrived on this device's monotonic clock. */
export function timed(quote: Quote): TimedQuote {
  return { quote, receivedAt: performance.now() };
}

/** The basket with the addresses on it (401 for a guest: checkout needs a customer). */
export function checkoutQueryOptions() {
  return queryOptions({
    queryKey: checkoutKeys.state(),
    queryFn: ({ signal }) => fetchCheckout(signal),
    staleTime: 5_000,
  });
}

export function legalDocumentsQueryOptions() {
  return queryOptions({
    queryKey: checkoutKeys.legal(),
    queryFn: ({ signal }) => fetchLegalDocuments(signal),
    staleTime: 60_000,
  });
}

/**
 * The quote under the current price fix, read afresh when a step opens (the loader's read serves
 * the step's first render); the countdown re-quotes when it runs out, and coming back to the
 * page (a webview returning) reads it again, since the fix may have run out meanwhile.
 */
export function quoteQueryOptions() {
  return queryOptions({
    queryKey: checkoutKeys.quote(),
    queryFn: async ({ signal }) => timed(await fetchQuote(signal)),
    staleTime: 3_000,
  });
}

export function paymentTypesQueryOptions() {
  return queryOptions({
    queryKey: checkoutKeys.paymentTypes(),
    queryFn: ({ signal }) => fetchPaymentTypes(signal),
    staleTime: 5 * 60_000,
  });
}

/** The outcome of an order after the bank; polled while it is pending. */
export function checkoutReturnQueryOptions(order: string) {
  return queryOptions({
    queryKey: checkoutKeys.return(order),
    queryFn: ({ signal }) => fetchCheckoutReturn(order, signal),
    staleTime: 0,
    gcTime: 0,
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 2_000 : false),
  });
}
