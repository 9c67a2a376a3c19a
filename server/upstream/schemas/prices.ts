import { z } from "zod";

/** Price rows of the endpoint map (`prices`, `currencyRates`, `rateHistory`), as Minted sends them. */

export const upstreamPriceSchema = z.object({
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
  z.object({ code: z.string(), rate: z.number(), updated_at: z.string() }),
);

/** `t` is Unix seconds. */
export const upstreamCandlesSchema = z.array(
  z.object({
    t: z.number(),
    open: z.number(),
    high: z.number(),
    low: z.number(),
    close: z.number(),
  }),
);
