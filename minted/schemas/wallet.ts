import { z } from "zod";
import { upstreamOrderAddressSchema } from "./orders.ts";
import { paginatorSchema } from "./paginator.ts";

/**
 * Walletable rows of the endpoint map (minted-api.md Part 2 §8) as Minted sends them: baskets and
 * orders (one object), receipts, balances. Unknown fields are tolerated.
 *
 * Minted publishes no schema for the walletable basket / order (§8.2 is read off two examples:
 * the add-item answer api-26503549 and the Complete Delivery answer api-27307650). Required is
 * only what both examples carry and the shop cannot work without; every other field, the fee
 * fields of §8.1 among them, may be missing or null.
 */

const text = z.string().nullish();
const amount = z.number().nullish();

/**
 * The fee fields of §8.1, on baskets, orders and receipts alike. `total` and `paid_total` are in
 * every example; the others depend on the basket's type (a delivery order shows `delivery_cost`
 * and `charges_vat` only).
 */
const feeFields = {
  total: z.number(),
  payment_cost: amount,
  paid_total: z.number(),
  delivery_cost: amount,
  charge_fee: amount,
  charge_fee_rate: amount,
  minting_fee: amount,
  storage_fee: amount,
  storage_fee_rate: amount,
  charges_vat: amount,
  vat_rate: amount,
};
export type UpstreamWalletFees = z.output<z.ZodObject<typeof feeFields>>;

/** §8.2 `pricefix{remaining, nextUpdate, updated?, token?}`; absent on the delivery order. */
const walletPricefixSchema = z.looseObject({
  remaining: z.number(),
  nextUpdate: text,
  updated: z.boolean().nullish(),
  token: text,
});

export const upstreamWalletBasketSchema = z.looseObject({
  pricefix: walletPricefixSchema.nullish(),
  id: z.number().int(),
  order_creation_status: z.enum(["basket", "order"]),
  /** An 11-digit string in the example; any string accepted. */
  increment_id: text,
  /** The cart token (32 characters in the example); the basket operations need it. */
  token: text,
  price_token: text,
  /** buy (api-26503549); a completed delivery answers `walletable_ecommerce` (api-27307650). */
  type: z.string(),
  /** The items' value; absent on the delivery order. */
  price: amount,
  ...feeFields,
  /** `AED` in the example that has it. */
  currency_code: text,
  status_id: z.number().int(),
  status_name: z.string(),
  customer: z.looseObject({ external_id: z.string() }).nullish(),
  shippingaddress: upstreamOrderAddressSchema.nullish(),
  order_at: text,
  /**
   * One row per unit. The delivery order's rows carry only `price` (0: the metal comes from the
   * wallet); the basket's carry the product.
   */
  items: z.array(
    z.looseObject({
      item_currency_id: z.number().int().nullish(),
      item_currency_name: text,
      product_id: z.number().int().nullish(),
      sku: text,
      product_name: text,
      product_weight: amount,
      price: amount,
      amount: amount,
      total: amount,
      product_images: z.array(z.string()).nullish(),
      prices: z
        .array(z.looseObject({ id: z.number().int().nullish(), name: text, price: amount }))
        .nullish(),
    }),
  ),
});
export type UpstreamWalletBasket = z.output<typeof upstreamWalletBasketSchema>;

export const upstreamWalletOrderPageSchema = paginatorSchema(upstreamWalletBasketSchema);

/**
 * Receipt (GET) is in the menu but its page is not public: every field here is inferred, so only
 * what the proxy cannot answer without is required (the order it belongs to, the amounts, and
 * whose it is).
 */
export const upstreamWalletReceiptSchema = z.looseObject({
  receipt_no: text,
  order_id: z.number().int(),
  increment_id: text,
  tx_type: z.string(),
  created_at: text,
  items: z.array(
    z.looseObject({
      sku: text,
      product_name: text,
      quantity: amount,
      unit_price: amount,
      grams: amount,
      total: amount,
    }),
  ),
  ...feeFields,
  currency_code: text,
  payment_method: text,
  shippingaddress: upstreamOrderAddressSchema.nullish(),
  /** Whose receipt it is: the proxy checks it against the session, whatever upstream filtered. */
  customer: z.looseObject({ external_id: z.string() }),
});
export type UpstreamWalletReceipt = z.output<typeof upstreamWalletReceiptSchema>;

/** Balance / wallet: vault products (deliverable) and digital balances. */
export const upstreamWalletHoldingsSchema = z.array(
  z.looseObject({
    productName: z.string(),
    sku: z.string(),
    metal: z.string(),
    quantity: z.number(),
    grams: z.number(),
    value: z.number(),
    isDeliverable: z.boolean(),
  }),
);

/** Customer Balance (Partner API): one line per currency, TRY cash among them. */
export const upstreamCustomerBalanceSchema = z.array(
  z.looseObject({
    currency_code: z.string(),
    is_cash: z.boolean(),
    balance: z.number(),
    real_balance: z.number(),
  }),
);

/** Walletable Get Products (inferred): the bars and coins that can be held in the vault. */
export const upstreamWalletProductsSchema = z.array(
  z.looseObject({
    id: z.number().int(),
    sku: z.string(),
    name: z.string(),
    metal: z.string().nullish(),
    weight: z.number().nullish(),
    purity: z.number().nullish(),
    images: z.array(z.string()).nullish(),
    price: z.number().nullish(),
  }),
);

/** Order Statusses (inferred): `[{id, name}]`, 1 Created, 2 Pending, … */
export const upstreamOrderStatusesSchema = z.array(
  z.looseObject({ id: z.number().int(), name: z.string() }),
);
