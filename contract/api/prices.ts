import {
  currencyRatesSchema,
  pricesSchema,
  rateHistoryQuerySchema,
  rateHistorySchema,
} from "../prices.ts";
import { defineOperation } from "./operation.ts";

export const getPrices = defineOperation({
  method: "get",
  path: "/api/prices",
  operationId: "getPrices",
  summary: "Live prices: metals (per gram) and every SKU",
  tag: "prices",
  auth: "none",
  response: pricesSchema,
});

export const streamPrices = defineOperation({
  method: "get",
  path: "/api/prices/stream",
  operationId: "streamPrices",
  summary: "Live prices as Server-Sent Events (`event: prices`, the /api/prices object)",
  tag: "prices",
  auth: "none",
});

export const getCurrencyRates = defineOperation({
  method: "get",
  path: "/api/rates",
  operationId: "getCurrencyRates",
  summary: "Currency rates (TRY per unit)",
  tag: "prices",
  auth: "none",
  response: currencyRatesSchema,
});

export const getRateHistory = defineOperation({
  method: "get",
  path: "/api/rate-history",
  operationId: "getRateHistory",
  summary: "Price history of a metal (per gram, TRY) as OHLC candles",
  tag: "prices",
  auth: "none",
  query: rateHistoryQuerySchema,
  response: rateHistorySchema,
});
