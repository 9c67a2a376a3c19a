import { z } from "zod";

/** Partner API digital rows (price fix, buy, sell, get order) as Minted sends them. */

export const upstreamPriceFixSchema = z.looseObject({
  token: z.string().min(1),
  total: z.number().nullish(),
  expires_at: z.string(),
  expire_ttl: z.number(),
  is_total_price: z.boolean(),
  prices: z.array(
    z.looseObject({
      sku: z.string(),
      spot_price: z.number().nullish(),
      buy_price: z.number(),
      sell_price: z.number(),
      buy_amount: z.number().nullish(),
    }),
  ),
  currency: z.string(),
});
export type UpstreamPriceFix = z.output<typeof upstreamPriceFixSchema>;

/** Order Item Schema (schema-549776), the fields the proxy reads. */
export const upstreamPartnerOrderItemSchema = z.looseObject({
  sku: z.string(),
  price: z.number(),
  amount: z.number(),
  total: z.number(),
});

/** Order Schema (§9.3), the fields the proxy reads. */
export const upstreamPartnerOrderSchema = z.looseObject({
  order_code: z.string(),
  external_id: z.string().nullish(),
  type: z.string(),
  total: z.number(),
  currency_code: z.string(),
  status_name: z.string(),
  items: z.array(upstreamPartnerOrderItemSchema).min(1),
  customer: z.looseObject({ external_id: z.string() }).nullish(),
  order_at: z.string().nullish(),
});
export type UpstreamPartnerOrder = z.output<typeof upstreamPartnerOrderSchema>;

/** Order Response (§9.5): the created order wrapped with its arrays and totals. */
export const upstreamOrderResponseSchema = z.looseObject({
  order_code: z.array(z.string()).min(1),
  total: z.number(),
  order_at: z.string().nullish(),
  orders: z.array(upstreamPartnerOrderSchema).min(1),
});
