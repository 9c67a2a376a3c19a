import { z } from "zod";
import { paginatorSchema } from "./paginator.ts";

/**
 * E-Commerce orders (the "Ecom Order", minted-api.md §9.1), as Minted sends them (the order
 * invoice is in `invoice.ts`). Fields the docs leave open are `nullish`; unknown fields are tolerated.
 */

const text = z.string().nullish();

export const upstreamCustomerSchema = z.looseObject({
  external_id: z.string(),
  firstname: text,
  lastname: text,
  fullname: text,
  email: text,
  phone: text,
  identity_number: text,
  tax_office: text,
  account_type: text,
});
export type UpstreamCustomer = z.output<typeof upstreamCustomerSchema>;

/** Shipping and billing address snapshots share these fields (billing has no `id`). */
export const upstreamOrderAddressSchema = z.looseObject({
  id: z.number().int().nullish(),
  invoice_type: text,
  fullname: text,
  company_name: text,
  phone: text,
  email: text,
  city: z.string(),
  county: z.string(),
  district: text,
  street: text,
  zipcode: text,
  address: z.string(),
  tax_office: text,
  tax_number: text,
});
export type UpstreamOrderAddress = z.output<typeof upstreamOrderAddressSchema>;

/**
 * One component of an item's price (Ecom OrderItem `prices[]`, schema-2704017). The documented
 * ids and names (api-8328441): 1 "Minted Markup", 2 "Sigorta", 3 "Market Komisyon", 4 "Kargo".
 */
export const upstreamItemPriceSchema = z.looseObject({
  id: z.number().int(),
  name: text,
  price: z.number(),
});

/**
 * Ecom OrderItem (schema-2704017). Required: what every documented example carries and the
 * shop cannot show a line without; the rest is optional.
 */
export const upstreamOrderItemSchema = z.looseObject({
  item_currency_id: z.number().int().nullish(),
  item_currency_name: text,
  product_id: z.number().int().nullish(),
  sku: z.string(),
  product_name: z.string(),
  product_weight: z.number().nullish(),
  spot_price: z.number().nullish(),
  price: z.number(),
  tax_rate: z.number(),
  tax: z.number(),
  amount: z.number(),
  total: z.number(),
  product_images: z.array(z.string()).nullish(),
  prices: z.array(upstreamItemPriceSchema).nullish(),
});
export type UpstreamOrderItem = z.output<typeof upstreamOrderItemSchema>;

export const upstreamOrderPaymentSchema = z.looseObject({
  state: z.string(),
  payment_type: text,
  is_3d: z.boolean().nullish(),
  redirect_url: text,
  amount: z.number().nullish(),
  comission: z.number().nullish(),
  total: z.number().nullish(),
  error_code: text,
  error_message: text,
  details: z
    .object({
      card_holder: text,
      card_number: text,
      card_association: text,
    })
    .nullish(),
});

export const upstreamDeliverySchema = z.looseObject({
  cargo_tracking_number: text,
  cargo_tracking_url: text,
  estimated_arrival_date: text,
});

const amount = z.number().nullish();

/**
 * Ecom Order (schema-2703921; Get Order (E-Com) api-8854297 lists what is required). Required:
 * the identity (`id`, `guid`, `token`, `increment_id` — any string), the stage, the amounts
 * `price`, `tax`, `total`, `paid_total`, the status and the items. Everything else is optional:
 * the documented Get Incomplete Baskets example (api-8328441) has no `pricefix`,
 * `currency_rate` or `currency_total` and adds `currency_code`; the fee fields are absent from
 * some answers (`delivery_price` on digital-only baskets). The shop shows a fee only when given.
 */
export const upstreamEcomOrderSchema = z.looseObject({
  pricefix: z
    .looseObject({
      remaining: z.number(),
      nextUpdate: text,
      updated: z.boolean().nullish(),
      token: text,
    })
    .nullish(),
  id: z.number().int(),
  guid: z.string(),
  order_creation_status: z.enum(["basket", "order"]),
  token: z.string(),
  external_id: text,
  increment_id: z.string().min(1),
  price: z.number(),
  tax: z.number(),
  total: z.number(),
  delivery_price: amount,
  insurance_price: amount,
  market_commission: amount,
  minted_markup_price: amount,
  silver_craftsmanship: amount,
  payment_cost: amount,
  paid_total: z.number(),
  currency_code: text,
  currency_rate: amount,
  currency_total: amount,
  status_id: z.number().int(),
  status_name: z.string(),
  delivery: upstreamDeliverySchema.nullish(),
  order_at: text,
  items: z.array(upstreamOrderItemSchema),
  customer: upstreamCustomerSchema.nullish(),
  shippingaddress: upstreamOrderAddressSchema.nullish(),
  billingaddress: upstreamOrderAddressSchema.nullish(),
  payment: upstreamOrderPaymentSchema.nullish(),
});
export type UpstreamEcomOrder = z.output<typeof upstreamEcomOrderSchema>;

export const upstreamEcomOrderPageSchema = paginatorSchema(upstreamEcomOrderSchema);
