import { z } from "zod/mini";
import { currencySchema, metalSchema } from "./common.ts";

/** Live prices (JSON and SSE `event: prices`), currency rates and rate history. */

export const metalQuoteSchema = z.object({
  metal: metalSchema,
  /** Per gram, from the digital SKU (GAU, GAG, GPT). */
  bid: z.number(),
  ask: z.number(),
  /** Change since the previous close, in percent; null when Minted's answer does not say. */
  changePct: z.nullable(z.number()),
  updatedAt: z.string(),
});
export type MetalQuote = z.infer<typeof metalQuoteSchema>;

export const skuQuoteSchema = z.object({
  sku: z.string(),
  bid: z.number(),
  ask: z.number(),
});
export type SkuQuote = z.infer<typeof skuQuoteSchema>;

/** One snapshot of live prices; the SSE stream sends the same object as `event: prices`. */
export const pricesSchema = z.object({
  currency: currencySchema,
  updatedAt: z.string(),
  metals: z.array(metalQuoteSchema),
  products: z.array(skuQuoteSchema),
});
export type Prices = z.infer<typeof pricesSchema>;

export const currencyRatesSchema = z.object({
  /** Rates are units of `base` per one unit of `currency`. */
  base: currencySchema,
  rates: z.array(z.object({ currency: currencySchema, rate: z.number(), updatedAt: z.string() })),
});
export type CurrencyRates = z.infer<typeof currencyRatesSchema>;

export const rateSymbolSchema = z.enum(["GAU", "GAG", "GPT"]);
export const ratePeriodSchema = z.enum(["1d", "1w", "1m", "1y"]);

export const rateHistoryQuerySchema = z.object({
  symbol: rateSymbolSchema,
  period: ratePeriodSchema,
});
export type RateHistoryQuery = z.infer<typeof rateHistoryQuerySchema>;

/**
 * One period of a metal's price per gram: the mid price, halfway between the buy (ask) and sell
 * (bid) prices the live price strip shows, so its high can sit below the live buy price. Inferred:
 * Minted's rate history documents only {t, open, high, low, close}; the sandbox draws the mid,
 * and the chart says so in its caption ("chart.perGram").
 */
export const candleSchema = z.object({
  time: z.string(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
});
export type Candle = z.infer<typeof candleSchema>;

export const rateHistorySchema = z.object({
  symbol: rateSymbolSchema,
  metal: metalSchema,
  period: ratePeriodSchema,
  currency: currencySchema,
  candles: z.array(candleSchema),
});
export type RateHistory = z.infer<typeof rateHistorySchema>;
