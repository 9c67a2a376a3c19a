import { z } from "zod";
import { PRICEFIX_CURRENCIES } from "../domain/partner-order.ts";
import { round4 } from "../domain/rounding.ts";
import { bool, customerId, num, rule } from "../http/http.ts";

/** Bodies of the Digital (partner order) rows: price fix, buy, sell and the order look-up. */

const grams = () =>
  num().pipe(
    z
      .number()
      .positive()
      .refine(
        ...rule(
          (v: number) => Math.abs(round4(v) - v) < 1e-9,
          "Miktar en fazla 4 ondalık basamak içerebilir.",
          "The amount field must not have more than 4 decimal places.",
        ),
      ),
  );

export const pricefixSchema = z
  .object({
    type: z.enum(["digital"]),
    customer_external_id: customerId().optional(),
    currency: z.enum(PRICEFIX_CURRENCIES).optional(),
    total: num().pipe(z.number().positive()).optional(),
  })
  .superRefine((v, issue) => {
    if (v.total !== undefined && v.customer_external_id === undefined)
      issue.addIssue({
        code: "custom",
        path: ["customer_external_id"],
        params: {
          tr: "total varken customer external id alanı gereklidir.",
          en: "The customer external id field is required when total is present.",
        },
      });
  });

const orderCustomer = z.object({
  external_id: customerId(),
  identity_number: z.string().min(3).max(20),
  firstname: z.string().min(1).max(120),
  middlename: z.string().max(40).nullable().optional(),
  lastname: z.string().min(1).max(40),
  email: z.string().min(3).max(254),
  phone: z.string().min(5).max(30),
  gender: z.enum(["M", "F"]).optional(),
  birthdate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4})$/)
    .optional(),
});

const orderFields = {
  price_token: z.string().min(1).max(64),
  currency_code: z.enum(PRICEFIX_CURRENCIES).optional(),
  external_id: z.string().trim().min(1).max(110),
};

export const buySchema = z
  .object({
    ...orderFields,
    customer: orderCustomer,
    items: z
      .array(z.object({ sku: z.string().min(1).max(16), amount: grams().optional() }))
      .min(1)
      .max(10),
    payment_type: z.enum(["creditcard"]).optional(),
    payment: z
      .object({
        card_token: z.string().min(8).max(128),
        card_cvv: z.string().regex(/^\d{3,4}$/),
        customer_ip: z.union([z.ipv4(), z.ipv6()]),
      })
      .optional(),
  })
  .superRefine((v, issue) => {
    if (v.payment_type === "creditcard" && !v.payment)
      issue.addIssue({
        code: "custom",
        path: ["payment"],
        params: {
          tr: "Kartla ödemede payment alanı gereklidir.",
          en: "The payment field is required when payment type is creditcard.",
        },
      });
  });

export const sellSchema = z.object({
  ...orderFields,
  customer: orderCustomer.partial().extend({ external_id: customerId() }).optional(),
  items: z
    .array(z.object({ sku: z.string().min(1).max(16), amount: grams() }))
    .min(1)
    .max(10),
});

export type BuyInput = z.output<typeof buySchema>;
export type Item = { sku: string; amount?: number | undefined };

export const getOrderSchema = z
  .object({
    guid: z.string().min(1).max(64).optional(),
    order_code: z.string().min(1).max(32).optional(),
    external_id: z.string().min(1).max(110).optional(),
    push_hook: bool().optional(),
  })
  .refine((v) => v.guid ?? v.order_code ?? v.external_id, {
    path: ["guid"],
    params: {
      tr: "guid, order_code ya da external_id alanlarından biri gereklidir.",
      en: "One of the guid, order_code or external_id fields is required.",
    },
  });
