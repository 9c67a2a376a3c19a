import { z } from "zod";

/** Price rows of the endpoint map (`prices`, `currencyRates`, `rateHistory`), as Minted sends them. */

export const upstreamPriceSchema = z.looseObject({
  sku: z.string().min(1),
  metal: z.string(),
  currency: z.string(),
  bid: z.number(),
  ask: z.number(),
  change_pct: z.number(),
  updated_at: z.string(),
});
export type UpstreamPrice = z.output<typeof upstreamPriceSchema>;
export const upstreamPricesSchema = z.array(upstreamPriceSchema);

export const upstreamCurrencyRatesSchema = z.array(
  z.looseObject({ code: z.string(), rate: z.number(), updated_at: z.string() }),
);

/** `t` is Unix seconds. */
export const upstreamCandlesSchema = z.array(
  z.looseObject({
    t: z.number(),
    open: z.number(),
    high: z.number(),
    low: z.number(),
    close: z.number(),
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
