import { queryOptions } from "@tanstack/react-query";
import type { Metal } from "../../../contract/common";
import { getRateHistory } from "../../../contract/api/prices";
import type { RateHistoryQuery } from "../../../contract/prices";
import { api } from "../../lib/api";

export const rateSymbolOf: Record<Metal, RateHistoryQuery["symbol"]> = {
  gold: "GAU",
  silver: "GAG",
  platinum: "GPT",
};

export function fetchRateHistory({ symbol, period }: RateHistoryQuery, signal?: AbortSignal) {
  return api(getRateHistory, { query: { symbol, period }, signal });
}

export const rateHistoryQueryOptions = ({ symbol, period }: RateHistoryQuery) =>
  queryOptions({
    queryKey: ["rate-history", symbol, period] as const,
    queryFn: ({ signal }) => fetchRateHistory({ symbol, period }, signal),
    staleTime: 60_000,
  });
