import { z } from "zod";
import { upstreamCustomerSchema, upstreamOrderAddressSchema } from "./orders.ts";

/**
 * Customers, saved addresses, legal documents and payment types as Minted sends them. (The basket
 * itself is an Ecom Order: see ./orders.ts.) Unknown fields pass through; what the docs do not
 * mark required is optional, except where noted why.
 */

const text = z.string().nullish();
const id = z.union([z.number(), z.string()]);

/**
 * Get Customer / Update Customer (api-8228811, api-8228809): external_id, firstname, phone,
 * identity_number and wallets are documented as required. So is lastname, but a company made
 * with Create Business Customer (api-15819241) has none, so it stays optional.
 */
export const upstreamCustomerRecordSchema = upstreamCustomerSchema.extend({
  firstname: z.string(),
  phone: z.string(),
  identity_number: z.string(),
  wallets: z.array(z.looseObject({})),
});

/**
 * A saved address (Customer Address - Create / List / Delete; the answers are inferred). Without
 * an `id` or a `type` an address cannot be chosen, so such a row is skipped by the proxy, not
 * refused.
 */
export const upstreamAddressSchema = upstreamOrderAddressSchema.extend({
  id: id.nullish(),
  external_customer_id: text,
  type: z.enum(["billing", "shipping"]).nullish(),
});
export type UpstreamAddress = z.output<typeof upstreamAddressSchema>;

export const upstreamAddressListSchema = z.array(upstreamAddressSchema);

/** Create Customer's answer is not shown (api-25995712); the proxy needs only the id back. */
export const upstreamCreatedCustomerSchema = z.looseObject({ external_id: z.string() });

/**
 * Legal Types and Partner Legal (inferred). Unlike elsewhere, these fields stay required: a
 * document the proxy cannot name, version and show cannot be accepted, and checkout must not go
 * on without consent, so such an answer is refused (502) rather than skipped.
 */
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

/** Payment Get All Types (inferred): a type whose code the shop does not know is not offered. */
export const upstreamPaymentTypesSchema = z.array(
  z.looseObject({
    code: text,
    name: text,
    installments: z.array(upstreamInstallmentSchema).nullish(),
  }),
);
