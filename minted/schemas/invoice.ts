import { z } from "zod";

/**
 * Get Order Invoice (`GET /partner/order/{external_order_id}/invoice`, doc page api-38613148), as
 * Minted documents it: the order's identity and amounts, its items and the customer. The page
 * marks nothing required or optional; its one example is the only source. Required here: what
 * names the invoice (`guid`, `order_code`), its amounts (`price`, `tax`, `total`) and, per item,
 * `product_name, price, tax_rate, tax, amount, total` — without those there is nothing to show.
 * Everything else in the example is optional (nullish); unknown fields pass through.
 *
 * Minted's invoice carries no invoice number, date, currency code, seller or billing address.
 */

const text = z.string().nullish();
const amount = z.number().nullish();

export const upstreamInvoiceItemSchema = z.looseObject({
  product_id: z.number().int().nullish(),
  product_name: z.string(),
  /** Grams per unit (the example's digital gold: 1). */
  product_weight: amount,
  spot_price: amount,
  /** Unit price, excluding VAT. */
  price: z.number(),
  tax_rate: z.number(),
  tax: z.number(),
  /** Quantity (units, or grams for digital products). */
  amount: z.number(),
  total: z.number(),
  currency_id: z.number().int().nullish(),
  currency_rate: amount,
  currency_total: amount,
});
export type UpstreamInvoiceItem = z.output<typeof upstreamInvoiceItemSchema>;

export const upstreamInvoiceCustomerSchema = z.looseObject({
  external_id: text,
  firstname: text,
  middlename: text,
  lastname: text,
  fullname: text,
  email: text,
  phone: text,
  gender: text,
  identity_number: text,
  birthdate: text,
});

export const upstreamInvoiceSchema = z.looseObject({
  guid: z.string(),
  order_code: z.string(),
  external_id: text,
  /** e.g. `partner` (the example: a partner's digital order). */
  channel: text,
  /** e.g. `oneoffpurchase`. */
  tx_type: text,
  price_token: text,
  price: z.number(),
  tax: z.number(),
  total: z.number(),
  currency_rate: amount,
  currency_total: amount,
  status_id: z.number().int().nullish(),
  status_name: text,
  items: z.array(upstreamInvoiceItemSchema),
  customer: upstreamInvoiceCustomerSchema.nullish(),
});
export type UpstreamInvoice = z.output<typeof upstreamInvoiceSchema>;
