import { z } from "zod/mini";
import { priceFixSchema } from "./basket.ts";
import { skuSchema } from "./catalog.ts";
import { quoteIdSchema } from "./checkout.ts";
import {
  feeLineSchema,
  metalSchema,
  orderStatusSchema,
  pageInfoSchema,
  pageQuerySchema,
} from "./common.ts";
import { orderAddressSchema } from "./orders.ts";

/** The metal wallet (Walletable): balances, buy / sell / delivery baskets, orders and receipts. */

/**
 * The currency a wallet basket, order or receipt is priced in: Minted's `currency_code` (any ISO
 * 4217 code), AED where Minted leaves it out (the only currency its walletable examples show).
 */
export const walletCurrencySchema = z.string().check(z.regex(/^[A-Z]{3}$/));

export const walletBasketTypeSchema = z.enum(["buy", "sell", "delivery"]);
export type WalletBasketType = z.infer<typeof walletBasketTypeSchema>;

export const walletMetalSchema = z.object({
  metal: metalSchema,
  /** Fine grams held: vault products plus the digital balance. */
  grams: z.number(),
  /** Value at the live bid (what a sale would bring before fees). */
  value: z.number(),
  /** Grams in bars and coins that can be delivered. */
  deliverableGrams: z.number(),
  /** Digital grams (not deliverable). */
  digitalGrams: z.number(),
  /**
   * Average cost per gram of the digital grams bought in this shop and still held (null: none),
   * the grams it covers, and their profit / loss at the bid in TRY and percent (server/api/wallet-cost.ts).
   */
  averageCost: z.nullable(z.number()),
  costGrams: z.number(),
  profit: z.nullable(z.number()),
  profitPct: z.nullable(z.number()),
});

export const walletHoldingSchema = z.object({
  sku: z.string(),
  name: z.string(),
  image: z.string(),
  metal: metalSchema,
  /** Units of a bar or coin; grams of a digital balance. */
  quantity: z.number(),
  grams: z.number(),
  value: z.number(),
  deliverable: z.boolean(),
});
export type WalletHolding = z.infer<typeof walletHoldingSchema>;

export const walletSchema = z.object({
  currency: z.literal("TRY"),
  /** Spendable TRY (wallet payments, purchases); null when the customer has no cash line. */
  cash: z.nullable(z.number()),
  metals: z.array(walletMetalSchema),
  holdings: z.array(walletHoldingSchema),
  /** Σ holding values at the bid. */
  metalsValue: z.number(),
  /** The metals' value plus the TL cash: everything the wallet holds. */
  totalValue: z.number(),
});
export type Wallet = z.infer<typeof walletSchema>;

export const walletOrdersQuerySchema = z.object({
  txType: z.optional(walletBasketTypeSchema),
  page: pageQuerySchema,
});

/**
 * One product line. Minted's rows may carry no more than a price (a completed delivery's do):
 * then the product is unknown (`sku`, `name`, `image` null) and the line cannot be changed.
 */
export const walletItemSchema = z.object({
  sku: z.nullable(z.string()),
  name: z.nullable(z.string()),
  image: z.nullable(z.string()),
  /** Unit price: the fixed ask (buy), bid (sell); 0 for a delivery; null when not given. */
  unitPrice: z.nullable(z.number()),
  /** Minted lists one row per unit: a row without an amount is one unit. */
  quantity: z.number(),
  lineTotal: z.nullable(z.number()),
});
export type WalletItem = z.infer<typeof walletItemSchema>;

/** Where a history row comes from: a walletable basket, or a digital quick buy / sell. */
export const walletOrderSourceSchema = z.enum(["wallet", "digital"]);
export type WalletOrderSource = z.infer<typeof walletOrderSourceSchema>;

/**
 * One row of the wallet history. A `wallet` order has a receipt at
 * `/api/wallet/orders/:id/receipt`; a `digital` one (always buy or sell, `id` null) has its
 * invoice at `/api/orders/:orderCode/invoice`.
 */
export const walletOrderSummarySchema = z.object({
  source: walletOrderSourceSchema,
  id: z.nullable(z.number()),
  /** Minted's order code (`increment_id`); a wallet order may come without one (always there for digital). */
  orderCode: z.nullable(z.string()),
  type: walletBasketTypeSchema,
  status: orderStatusSchema,
  /** Null when Minted gives no order time. */
  createdAt: z.nullable(z.string()),
  itemCount: z.number(),
  /** Paid (buy, delivery) or received (sell). */
  total: z.number(),
  /** The wallet order's currency (`walletCurrencySchema`); a digital order's price-fix currency. */
  currency: walletCurrencySchema,
});
export type WalletOrderSummary = z.infer<typeof walletOrderSummarySchema>;

export const walletOrderListSchema = z.object({
  orders: z.array(walletOrderSummarySchema),
  pageInfo: pageInfoSchema,
});
export type WalletOrderList = z.infer<typeof walletOrderListSchema>;

export const walletBasketParamsSchema = z.object({ type: walletBasketTypeSchema });
export const walletBasketItemParamsSchema = z.object({
  type: walletBasketTypeSchema,
  sku: skuSchema,
});

/** Fee kinds of the metal wallet (Minted's walletable fee model). */
export const walletFeeKindSchema = z.enum([
  "delivery",
  "charge_fee",
  "minting_fee",
  "storage_fee",
  "payment_cost",
  "vat",
]);
export type WalletFeeKind = z.infer<typeof walletFeeKindSchema>;

/**
 * A buy, sell or delivery basket (empty when there is none). Fee lines (`walletFeeKindSchema`)
 * follow Minted to the cent: subtotal + Σ fees = total; on a sale the fees are negative (taken
 * from the proceeds) and the total is what the customer receives.
 */
export const walletBasketSchema = z.object({
  type: walletBasketTypeSchema,
  items: z.array(walletItemSchema),
  itemCount: z.number(),
  currency: walletCurrencySchema,
  /** The items' value (Minted's `total`); null for a delivery, whose metal is already paid for. */
  subtotal: z.nullable(z.number()),
  fees: z.array(feeLineSchema),
  total: z.number(),
  /** Null while the basket is empty. */
  quoteId: z.nullable(z.string()),
  priceFix: z.nullable(priceFixSchema),
  shippingAddress: z.nullable(orderAddressSchema),
});
export type WalletBasket = z.infer<typeof walletBasketSchema>;

const units = (min: number) => z.number().check(z.int(), z.gte(min), z.lte(1000));

export const addWalletItemBodySchema = z.object({ sku: skuSchema, quantity: units(1) });
export const updateWalletItemBodySchema = z.object({ quantity: units(0) });
export const walletDeliveryAddressBodySchema = z.object({
  addressId: z.number().check(z.int(), z.gte(1)),
});
export const completeWalletBasketBodySchema = z.object({ quoteId: quoteIdSchema });

export const walletOrderSchema = z.object({
  id: z.number(),
  orderCode: z.nullable(z.string()),
  type: walletBasketTypeSchema,
  status: orderStatusSchema,
  createdAt: z.nullable(z.string()),
  items: z.array(walletItemSchema),
  currency: walletCurrencySchema,
  subtotal: z.nullable(z.number()),
  fees: z.array(feeLineSchema),
  total: z.number(),
  shippingAddress: z.nullable(orderAddressSchema),
});
export type WalletOrder = z.infer<typeof walletOrderSchema>;

export const walletReceiptParamsSchema = z.object({
  id: z.string().check(z.regex(/^[A-Za-z0-9-]{1,64}$/)),
});

/** A wallet order's receipt. Minted's Receipt page is not public: every detail may be missing. */
export const walletReceiptSchema = z.object({
  receiptNo: z.nullable(z.string()),
  orderId: z.number(),
  orderCode: z.nullable(z.string()),
  type: walletBasketTypeSchema,
  createdAt: z.nullable(z.string()),
  items: z.array(
    z.object({
      sku: z.nullable(z.string()),
      name: z.nullable(z.string()),
      quantity: z.nullable(z.number()),
      unitPrice: z.nullable(z.number()),
      grams: z.nullable(z.number()),
      lineTotal: z.nullable(z.number()),
    }),
  ),
  currency: walletCurrencySchema,
  subtotal: z.nullable(z.number()),
  fees: z.array(feeLineSchema),
  total: z.number(),
  paymentMethod: z.string(),
  shippingAddress: z.nullable(orderAddressSchema),
});
export type WalletReceipt = z.infer<typeof walletReceiptSchema>;
