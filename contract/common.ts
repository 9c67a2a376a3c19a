import { z } from "zod/mini";

/**
 * Shared building blocks of the proxy API contract (imported by the shop and the proxy).
 * Money is a number in major units with an explicit currency; dates are ISO 8601 strings.
 */

/** The currencies the shop knows, the charge currency (TRY) first: the display switch's order. */
export const CURRENCIES = ["TRY", "USD", "EUR", "GBP", "AED"] as const;
export const currencySchema = z.enum(CURRENCIES);
export type Currency = z.infer<typeof currencySchema>;

export const metalSchema = z.enum(["gold", "silver", "platinum"]);
export type Metal = z.infer<typeof metalSchema>;

export const productTypeSchema = z.enum(["bar", "coin", "digital"]);
export type ProductType = z.infer<typeof productTypeSchema>;

export const moneySchema = z.object({
  amount: z.number(),
  currency: currencySchema,
});
export type Money = z.infer<typeof moneySchema>;

/** Paging metadata returned beside every paged list. */
export const pageInfoSchema = z.object({
  page: z.number().check(z.int(), z.gte(1)),
  pageSize: z.number().check(z.int(), z.gte(1)),
  total: z.number().check(z.int(), z.gte(0)),
  totalPages: z.number().check(z.int(), z.gte(0)),
});
export type PageInfo = z.infer<typeof pageInfoSchema>;

export const feeKindSchema = z.enum([
  "delivery",
  "insurance",
  "market_commission",
  "minted_markup",
  "silver_craftsmanship",
  "payment_cost",
]);
export type FeeKind = z.infer<typeof feeKindSchema>;

/**
 * One non-zero fee of an order or quote, in the order's currency. `kind` is stable (see
 * `feeKindSchema` for the e-commerce kinds); `label` is in the request's language. `included`
 * marks an amount already inside the items' prices (shown for information, not added again).
 */
export const feeLineSchema = z.object({
  kind: z.string(),
  label: z.string(),
  amount: z.number(),
  included: z.optional(z.boolean()),
});
export type FeeLine = z.infer<typeof feeLineSchema>;

export const orderStatusSchema = z.enum([
  "created",
  "payment_confirmed",
  "preparing",
  "packed",
  "shipped",
  "completed",
  "cancelled",
  "refunding",
  "refunded",
  "pending",
  "processing",
  "transferring",
]);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

/** Query-string page number (1-based), coerced from the string. */
export const pageQuerySchema = z.optional(
  z.coerce.number().check(z.int(), z.gte(1), z.lte(10_000)),
);

/** Query-string page size between `min` and `max`, coerced from the string. */
export function pageSizeQuerySchema(max: number, min = 1) {
  return z.optional(z.coerce.number().check(z.int(), z.gte(min), z.lte(max)));
}
