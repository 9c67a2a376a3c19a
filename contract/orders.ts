import { z } from "zod/mini";
import {
  currencySchema,
  feeLineSchema,
  orderStatusSchema,
  pageInfoSchema,
  pageQuerySchema,
  pageSizeQuerySchema,
} from "./common.ts";

/** Orders API: list, detail, invoice, receipt, receipt lookup by order code and e-mail. */

export const orderCodeSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{3,64}$/));

/** `status=shipped` or `status=shipped,completed` (or the key repeated). */
const statusListSchema = z.pipe(
  z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((v) =>
      (Array.isArray(v) ? v : [v])
        .flatMap((s) => s.split(","))
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ),
  z.array(orderStatusSchema).check(z.minLength(1), z.maxLength(12)),
);

export const orderListQuerySchema = z
  .object({
    status: z.optional(statusListSchema),
    /** Inclusive calendar days (YYYY-MM-DD, Istanbul time). */
    from: z.optional(z.iso.date()),
    to: z.optional(z.iso.date()),
    page: pageQuerySchema,
    pageSize: pageSizeQuerySchema(30, 5),
  })
  .check(
    z.superRefine((v, ctx) => {
      if (v.from !== undefined && v.to !== undefined && v.from > v.to)
        ctx.issues.push({
          code: "custom",
          path: ["to"],
          input: v.to,
          message: "to must not be before from",
          params: {
            tr: "Bitiş tarihi başlangıç tarihinden önce olamaz.",
            en: "The end date must not be before the start date.",
          },
        });
    }),
  );
export type OrderListQuery = z.infer<typeof orderListQuerySchema>;

export const orderItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  /** Units for bars and coins, grams for digital metal. */
  quantity: z.number(),
  weightGrams: z.nullable(z.number()),
  /** VAT excluded. */
  unitPrice: z.number(),
  vatRate: z.number(),
  vat: z.number(),
  /** VAT included. */
  total: z.number(),
  image: z.nullable(z.string()),
});
export type OrderItem = z.infer<typeof orderItemSchema>;

export const orderSummarySchema = z.object({
  code: z.string(),
  status: orderStatusSchema,
  orderedAt: z.nullable(z.string()),
  total: z.number(),
  currency: currencySchema,
  itemCount: z.number(),
  items: z.array(
    z.object({
      sku: z.string(),
      name: z.string(),
      quantity: z.number(),
      image: z.nullable(z.string()),
    }),
  ),
});
export type OrderSummary = z.infer<typeof orderSummarySchema>;

export const orderListSchema = z.object({
  items: z.array(orderSummarySchema),
  pageInfo: pageInfoSchema,
});
export type OrderList = z.infer<typeof orderListSchema>;

/** An address on an order. The TCKN / VKN is masked but for its last two digits (KVKK). */
export const orderAddressSchema = z.object({
  fullName: z.nullable(z.string()),
  companyName: z.nullable(z.string()),
  phone: z.nullable(z.string()),
  email: z.nullable(z.string()),
  city: z.string(),
  county: z.string(),
  district: z.nullable(z.string()),
  street: z.nullable(z.string()),
  zipcode: z.nullable(z.string()),
  line: z.string(),
  invoiceType: z.nullable(z.enum(["individual", "corporate"])),
  taxOffice: z.nullable(z.string()),
  taxNumberMasked: z.nullable(z.string()),
});
export type OrderAddress = z.infer<typeof orderAddressSchema>;

export const orderPaymentSchema = z.object({
  method: z.enum(["card", "wallet", "other"]),
  state: z.enum(["pending", "paid", "failed"]),
  /** e.g. `**** **** **** 4321`. */
  cardMasked: z.nullable(z.string()),
  cardBrand: z.nullable(z.string()),
});
export type OrderPayment = z.infer<typeof orderPaymentSchema>;

export const orderTotalsSchema = z.object({
  /** Items, VAT excluded. */
  subtotal: z.number(),
  vat: z.number(),
  /** Fees added on top of the items (the fee lines that are not `included`). */
  fees: z.number(),
  /** What the customer pays. */
  total: z.number(),
});
export type OrderTotals = z.infer<typeof orderTotalsSchema>;

export const timelineEventSchema = z.object({
  status: orderStatusSchema,
  /** ISO 8601 when known. */
  at: z.nullable(z.string()),
  done: z.boolean(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const orderDeliverySchema = z.object({
  trackingNumber: z.nullable(z.string()),
  trackingUrl: z.nullable(z.string()),
  /** YYYY-MM-DD. */
  estimatedArrival: z.nullable(z.string()),
});

export const orderDetailSchema = z.object({
  code: z.string(),
  status: orderStatusSchema,
  orderedAt: z.nullable(z.string()),
  currency: currencySchema,
  timeline: z.array(timelineEventSchema),
  items: z.array(orderItemSchema),
  fees: z.array(feeLineSchema),
  totals: orderTotalsSchema,
  shippingAddress: z.nullable(orderAddressSchema),
  billingAddress: z.nullable(orderAddressSchema),
  payment: z.nullable(orderPaymentSchema),
  delivery: z.nullable(orderDeliverySchema),
});
export type OrderDetail = z.infer<typeof orderDetailSchema>;

export const orderParamsSchema = z.object({ code: orderCodeSchema });

/**
 * The invoice details of an order: what Minted's Get Order Invoice gives (order code, items,
 * amounts, VAT, customer), the order's addresses and fees when the shop can read the order, and
 * the seller from the partner's configuration. Minted gives no invoice number, date or e-Archive
 * ETTN, so there are none here. The only view with the buyer's full TCKN / VKN.
 */
export const invoiceSchema = z.object({
  /** Minted's order code (`order_code`). */
  orderCode: z.string(),
  /** ISO 8601: when the order was placed, when the shop knows it (the invoice has no date). */
  orderedAt: z.nullable(z.string()),
  currency: currencySchema,
  seller: z.object({
    name: z.string(),
    taxOffice: z.nullable(z.string()),
    taxNumber: z.string(),
    address: z.nullable(z.string()),
    /** A development / sandbox stand-in, not a configured seller. */
    sample: z.boolean(),
  }),
  buyer: z.object({
    name: z.string(),
    email: z.nullable(z.string()),
    phone: z.nullable(z.string()),
    identityNumber: z.nullable(z.string()),
    taxOffice: z.nullable(z.string()),
    invoiceType: z.nullable(z.enum(["individual", "corporate"])),
    /** The order's billing address, when the shop could read the order. */
    address: z.nullable(
      z.object({
        city: z.string(),
        county: z.string(),
        district: z.nullable(z.string()),
        street: z.nullable(z.string()),
        zipcode: z.nullable(z.string()),
        line: z.string(),
      }),
    ),
  }),
  /** Where a physical order goes, when the shop could read the order. */
  shippingAddress: z.nullable(orderAddressSchema),
  items: z.array(
    z.object({
      name: z.string(),
      quantity: z.number(),
      weightGrams: z.nullable(z.number()),
      /** Excluding VAT. */
      unitPrice: z.number(),
      vatRate: z.number(),
      vat: z.number(),
      total: z.number(),
    }),
  ),
  /** Minted's invoice amounts: items excluding VAT, their VAT, and the two together. */
  totals: z.object({ subtotal: z.number(), vat: z.number(), total: z.number() }),
  /** The order's fees, named as on the review and the receipt; empty when not known. */
  fees: z.array(feeLineSchema),
  /** What was paid for the order (the receipt's total), when the shop could read the order. */
  paidTotal: z.nullable(z.number()),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** The payment as the receipt shows it: with the instalment count when the shop knows it. */
export const receiptPaymentSchema = z.extend(orderPaymentSchema, {
  /** Card payments made through this shop (1 = single payment); null when not known. */
  installments: z.nullable(z.number()),
});
export type ReceiptPayment = z.infer<typeof receiptPaymentSchema>;

/**
 * A legal document the customer accepted at checkout. `type` is `pre_information` or
 * `distance_sales` today; kept open so that a receipt of an older order still reads.
 */
export const receiptLegalAcceptanceSchema = z.object({
  type: z.string(),
  /** Upstream's version of the document when the proxy recorded the acceptance. */
  version: z.string(),
  /** ISO 8601, from the proxy's clock (never the browser's). */
  acceptedAt: z.string(),
});
export type ReceiptLegalAcceptance = z.infer<typeof receiptLegalAcceptanceSchema>;

export const receiptSchema = z.object({
  orderCode: z.string(),
  status: orderStatusSchema,
  orderedAt: z.nullable(z.string()),
  currency: currencySchema,
  items: z.array(orderItemSchema),
  fees: z.array(feeLineSchema),
  totals: orderTotalsSchema,
  paidAmount: z.number(),
  payment: z.nullable(receiptPaymentSchema),
  shippingAddress: z.nullable(orderAddressSchema),
  billingAddress: z.nullable(orderAddressSchema),
  /** What the customer accepted at checkout; empty for orders placed elsewhere. */
  legalAcceptances: z.array(receiptLegalAcceptanceSchema),
});
export type Receipt = z.infer<typeof receiptSchema>;

export const receiptLookupSchema = z.object({
  orderCode: orderCodeSchema,
  email: z.email().check(z.maxLength(254)),
});
export type ReceiptLookup = z.infer<typeof receiptLookupSchema>;
