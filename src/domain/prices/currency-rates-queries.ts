import { queryOptions } from "@tanstack/react-query";
import { getCurrencyRates } from "../../../contract/api/prices";
import { api } from "../../lib/api";

export function fetchCurrencyRates(signal?: AbortSignal) {
  return api(getCurrencyRates, { signal });
}

/** Currency rates for display conversion; refreshed each minute while the page is open. */
export const currencyRatesQueryOptions = () =>
  queryOptions({
    queryKey: ["currency-rates"] as const,
    queryFn: ({ signal }) => fetchCurrencyRates(signal),
    staleTime: 60_000,
    refetchInterval: 60_000,
  });
