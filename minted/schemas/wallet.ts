import { z } from "zod";
import { upstreamEcomOrderSchema, upstreamOrderAddressSchema } from "./orders.ts";
import { paginatorSchema } from "./paginator.ts";

/**
 * Walletable rows of the endpoint map (minted-api.md Part 2 §8) as Minted sends them: baskets and
 * orders (one object), receipts, balances. Unknown fields are tolerated.
 */

const text = z.string().nullish();

/** The fee fields of §8.1, on baskets, orders and receipts alike. */
const feeFields = {
  total: z.number(),
  payment_cost: z.number(),
  paid_total: z.number(),
  delivery_cost: z.number(),
  charge_fee: z.number(),
  charge_fee_rate: z.number().nullish(),
  minting_fee: z.number(),
  storage_fee: z.number(),
  storage_fee_rate: z.number().nullish(),
  charges_vat: z.number(),
  vat_rate: z.number().nullish(),
};
export type UpstreamWalletFees = z.output<z.ZodObject<typeof feeFields>>;

export const upstreamWalletBasketSchema = z.looseObject({
  /** The same price fix object as an Ecom Order's. */
  pricefix: upstreamEcomOrderSchema.shape.pricefix,
  id: z.number().int(),
  order_creation_status: z.enum(["basket", "order"]),
  increment_id: z.string(),
  token: z.string(),
  price_token: text,
  /** buy, sell, delivery; a delivery order answers `walletable_ecommerce`. */
  type: z.string(),
  price: z.number(),
  ...feeFields,
  currency_code: text,
  status_id: z.number().int(),
  status_name: z.string(),
  customer: z.looseObject({ external_id: z.string() }).nullish(),
  shippingaddress: upstreamOrderAddressSchema.nullish(),
  order_at: text,
  /** One row per unit. */
  items: z.array(
    z.looseObject({
      sku: z.string(),
      product_name: z.string(),
      price: z.number(),
      amount: z.number(),
      total: z.number(),
    }),
  ),
});
export type UpstreamWalletBasket = z.output<typeof upstreamWalletBasketSchema>;

export const upstreamWalletOrderPageSchema = paginatorSchema(upstreamWalletBasketSchema);

export const upstreamWalletReceiptSchema = z.looseObject({
  receipt_no: z.string(),
  order_id: z.number().int(),
  increment_id: z.string(),
  tx_type: z.string(),
  created_at: text,
  items: z.array(
    z.looseObject({
      sku: z.string(),
      product_name: z.string(),
      quantity: z.number(),
      unit_price: z.number(),
      grams: z.number(),
      total: z.number(),
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
