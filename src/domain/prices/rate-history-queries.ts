import { queryOptions } from "@tanstack/react-query";
import type { Metal } from "../../../contract/common";
import { rateHistorySchema, type RateHistoryQuery } from "../../../contract/prices";
import { api } from "../../lib/api";

export const rateSymbolOf: Record<Metal, RateHistoryQuery["symbol"]> = {
  gold: "GAU",
  silver: "GAG",
  platinum: "GPT",
};

export function fetchRateHistory({ symbol, period }: RateHistoryQuery, signal?: AbortSignal) {
  const search = new URLSearchParams({ symbol, period });
  return api(`/api/rate-history?${search.toString()}`, {
    schema: rateHistorySchema,
    ...(signal ? { signal } : {}),
  });
}

export const rateHistoryQueryOptions = ({ symbol, period }: RateHistoryQuery) =>
  queryOptions({
    queryKey: ["rate-history", symbol, period] as const,
    queryFn: ({ signal }) => fetchRateHistory({ symbol, period }, signal),
    staleTime: 60_000,
  });
