import { z } from "zod";
import { upstreamOrderAddressSchema } from "./orders.ts";

/**
 * Checkout rows of the endpoint map as Minted sends them: saved addresses, customers, legal
 * documents and payment types. (The basket itself is an Ecom Order: see ./orders.ts.)
 * Unknown fields are tolerated; fields the docs leave open are `nullish`.
 */

const text = z.string().nullish();

/** A saved address (Customer Address - Create / List / Delete): an order address with its owner. */
export const upstreamAddressSchema = upstreamOrderAddressSchema.extend({
  id: z.number().int(),
  external_customer_id: text,
  type: z.enum(["billing", "shipping"]),
});
export type UpstreamAddress = z.output<typeof upstreamAddressSchema>;

export const upstreamAddressListSchema = z.array(upstreamAddressSchema);

/** Create Customer answers the customer (with wallets); the proxy needs only its id. */
export const upstreamCreatedCustomerSchema = z.looseObject({ external_id: z.string() });

export const upstreamLegalTypesSchema = z.array(
  z.looseObject({ type: z.string(), title: z.string(), version: z.string() }),
);

export const upstreamLegalDocumentSchema = z.looseObject({
  type: z.string(),
  version: z.string(),
  title: z.string(),
  html: z.string(),
  /** Never passed on: the link is the upstream's, and its token is the basket's secret. */
  pdf_url: text,
});

/**
 * A card instalment option. Minted's shape is undocumented (inferred from the related payment
 * API's Installment schema): `{installment, margin}` with `margin` the bank's charge in percent.
 * A plain count (an older or simpler answer) is read as an option without a charge.
 */
const upstreamInstallmentSchema = z.union([
  z
    .number()
    .int()
    .positive()
    .transform((installment) => ({ installment, margin: 0 })),
  z
    .object({
      installment: z.number().int().positive(),
      margin: z.number().nonnegative().nullish(),
    })
    .transform((o) => ({ installment: o.installment, margin: o.margin ?? 0 })),
]);

export const upstreamPaymentTypesSchema = z.array(
  z.looseObject({
    code: z.string(),
    name: z.string(),
    installments: z.array(upstreamInstallmentSchema).nullish(),
  }),
);
