import { z } from "zod";

/** Price rows of the endpoint map (`prices`, `currencyRates`, `rateHistory`), as Minted sends them. */

/**
 * One row of Minted Prices (inferred: the page was not captured), so every field is optional; a
 * row is used only when it names its SKU and both prices (`server/prices/price-hub.ts`).
 */
export const upstreamPriceSchema = z.looseObject({
  sku: z.string().nullish(),
  metal: z.string().nullish(),
  currency: z.string().nullish(),
  bid: z.number().nullish(),
  ask: z.number().nullish(),
  change_pct: z.number().nullish(),
  updated_at: z.string().nullish(),
});
export type UpstreamPrice = z.output<typeof upstreamPriceSchema>;
export const upstreamPricesSchema = z.array(upstreamPriceSchema);

/** Currency Rates (inferred): a rate is used when it names its code and its rate. */
export const upstreamCurrencyRatesSchema = z.array(
  z.looseObject({
    code: z.string().nullish(),
    rate: z.number().nullish(),
    updated_at: z.string().nullish(),
  }),
);

/** Rate History (inferred): `t` is Unix seconds; a candle is drawn only when it is whole. */
export const upstreamCandlesSchema = z.array(
  z.looseObject({
    t: z.number().nullish(),
    open: z.number().nullish(),
    high: z.number().nullish(),
    low: z.number().nullish(),
    close: z.number().nullish(),
  }),
);

/** One frame of the WS price feed (inferred): `{type: "price", sku, bid, ask, ts}`. */
export const upstreamPriceMessageSchema = z.looseObject({
  type: z.literal("price"),
  sku: z.string(),
  bid: z.number(),
  ask: z.number(),
  ts: z.union([z.string(), z.number()]),
});
