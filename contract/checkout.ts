import { z } from "zod/mini";
import { addressFormSchema } from "./addresses.ts";
import { basketSchema, priceFixSchema } from "./basket.ts";
import { feeLineSchema } from "./common.ts";
import { orderAddressSchema, orderTotalsSchema } from "./orders.ts";

/** Checkout: addresses, legal documents, the quote (price fix), completion and the payment return. */

const msg = (tr: string, en: string) => ({ params: { tr, en } });

/**
 * `Idempotency-Key` request header of every completion: made once per checkout attempt in the
 * browser and kept across reloads.
 */
export const idempotencyKeySchema = z
  .string()
  .check(
    z.refine(
      (v) => /^[A-Za-z0-9_-]{8,128}$/.test(v),
      msg(
        "Idempotency-Key 8–128 karakter olmalı (harf, rakam, - ve _).",
        "Idempotency-Key must be 8–128 characters of letters, digits, - and _.",
      ),
    ),
  );

export const IDEMPOTENCY_HEADER = {
  name: "Idempotency-Key",
  required: true,
  description:
    "8–128 characters [A-Za-z0-9_-], made once per attempt. Repeats with the same key and body replay the first answer; another body → 409 conflict.",
} as const;

const addressId = z.number().check(z.int(), z.gte(1));

/** PUT /api/checkout/addresses: saved address ids, or the form (billing may be "same"). */
export const setCheckoutAddressesBodySchema = z.union([
  z.object({ shippingAddressId: addressId, billingAddressId: addressId }),
  z.object({
    shipping: addressFormSchema,
    billing: z.union([z.literal("same"), addressFormSchema]),
  }),
]);
export type SetCheckoutAddressesBody = z.output<typeof setCheckoutAddressesBodySchema>;

export const checkoutStateSchema = z.object({
  basket: basketSchema,
  /** The addresses as they stand on the basket (tax numbers masked). */
  shipping: z.nullable(orderAddressSchema),
  billing: z.nullable(orderAddressSchema),
});
export type CheckoutState = z.infer<typeof checkoutStateSchema>;

export const legalTypeSchema = z.enum(["pre_information", "distance_sales"]);
export type LegalType = z.infer<typeof legalTypeSchema>;
export const LEGAL_TYPES = legalTypeSchema.options;

export const legalDocumentSchema = z.object({
  type: legalTypeSchema,
  version: z.string(),
  title: z.string(),
  /** Sanitised HTML fragment (no scripts, styles, frames, event handlers or javascript: URLs). */
  html: z.string(),
});
export type LegalDocument = z.infer<typeof legalDocumentSchema>;

/**
 * A legal document the customer accepted for this basket, as the proxy recorded it: the version
 * is upstream's at the time, `acceptedAt` the proxy's clock (ISO 8601). The browser never sends
 * either; it only says which documents were ticked.
 */
export const legalAcceptanceSchema = z.object({
  type: legalTypeSchema,
  version: z.string(),
  acceptedAt: z.string(),
});
export type LegalAcceptance = z.infer<typeof legalAcceptanceSchema>;

/** True when `acceptances` holds `doc` in its current version (an older version no longer counts). */
export const isAccepted = (
  acceptances: readonly Pick<LegalAcceptance, "type" | "version">[],
  doc: Pick<LegalDocument, "type" | "version">,
): boolean => acceptances.some((a) => a.type === doc.type && a.version === doc.version);

/** True when every document of `legal` is accepted in its current version. */
export const allAccepted = (legal: {
  documents: readonly Pick<LegalDocument, "type" | "version">[];
  acceptances: readonly Pick<LegalAcceptance, "type" | "version">[];
}): boolean =>
  legal.documents.length > 0 && legal.documents.every((d) => isAccepted(legal.acceptances, d));

export const legalAcceptancesSchema = z.object({
  /** What the proxy recorded for this basket and customer, any version (compare with isAccepted). */
  acceptances: z.array(legalAcceptanceSchema),
});
export type LegalAcceptances = z.infer<typeof legalAcceptancesSchema>;

/** GET /api/checkout/legal: the documents and the acceptances recorded for this basket. */
export const legalDocumentsSchema = z.object({
  documents: z.array(legalDocumentSchema),
  ...legalAcceptancesSchema.shape,
});
export type LegalDocuments = z.infer<typeof legalDocumentsSchema>;

/**
 * PUT /api/checkout/legal/acceptance: the customer ticked (`accepted: true`) or unticked these
 * documents. `version` is the one the customer read (from GET /api/checkout/legal): the proxy
 * refuses it when upstream has a newer one, and records upstream's version with its own clock.
 */
export const setLegalAcceptanceBodySchema = z
  .object({
    documents: z
      .array(z.object({ type: legalTypeSchema, version: z.string().check(z.maxLength(40)) }))
      .check(z.minLength(1), z.maxLength(LEGAL_TYPES.length)),
    accepted: z.boolean(),
  })
  .check(
    z.refine((v) => new Set(v.documents.map((d) => d.type)).size === v.documents.length, {
      path: ["documents"],
      ...msg("Her belge bir kez.", "Each document once."),
    }),
  );
export type SetLegalAcceptanceBody = z.infer<typeof setLegalAcceptanceBodySchema>;

/** GET /api/checkout/quote: the totals under the current price fix. */
export const quoteSchema = z.object({
  /** Names this price fix; send it back to complete at these prices. */
  quoteId: z.string(),
  currency: z.literal("TRY"),
  itemCount: z.number(),
  fees: z.array(feeLineSchema),
  totals: orderTotalsSchema,
  priceFix: priceFixSchema,
});
export type Quote = z.infer<typeof quoteSchema>;

export const paymentTypeSchema = z.enum(["card", "wallet"]);
export type PaymentType = z.infer<typeof paymentTypeSchema>;

export const installmentOptionSchema = z.object({
  count: z.number(),
  /** The bank's charge in percent of the quote's total, added on completion (0: none). */
  ratePercent: z.number(),
});
export type InstallmentOption = z.infer<typeof installmentOptionSchema>;

export const paymentTypesSchema = z.object({
  paymentTypes: z.array(
    z.object({
      type: paymentTypeSchema,
      name: z.string(),
      /**
       * Instalment options offered (card); `[{count: 1, ratePercent: 0}]` for the wallet. The
       * amount charged is `totalWithInstallmentCharge(quote total, ratePercent)`
       * (./installment-charge.ts).
       */
      installments: z.array(installmentOptionSchema),
    }),
  ),
});
export type PaymentTypes = z.infer<typeof paymentTypesSchema>;

/**
 * A document the customer confirms when paying: only its type. The proxy checks its own record
 * (PUT /api/checkout/legal/acceptance) and keeps that with the order; a `version` or
 * `acceptedAt` sent here is ignored, like any unknown field.
 */
export const completionAcceptanceSchema = z.object({ type: legalTypeSchema });

export const quoteIdSchema = z.string().check(z.regex(/^[a-f0-9]{16,64}$/));

/** POST /api/checkout/complete */
export const completeCheckoutBodySchema = z
  .object({
    quoteId: quoteIdSchema,
    paymentType: paymentTypeSchema,
    installments: z.optional(z.union([z.literal(1), z.literal(3), z.literal(6)])),
    legalAcceptances: z.array(completionAcceptanceSchema).check(z.maxLength(4)),
  })
  .check(
    z.superRefine((v, ctx) => {
      const accepted = new Set(v.legalAcceptances.map((a) => a.type));
      if (!LEGAL_TYPES.every((t) => accepted.has(t)))
        ctx.issues.push({
          code: "custom",
          path: ["legalAcceptances"],
          input: v.legalAcceptances,
          params: {
            tr: "Ön bilgilendirme formunu ve mesafeli satış sözleşmesini onaylayın.",
            en: "Accept both the pre-information form and the distance sales contract.",
          },
        });
      if (v.paymentType === "wallet" && v.installments !== undefined && v.installments !== 1)
        ctx.issues.push({
          code: "custom",
          path: ["installments"],
          input: v.installments,
          params: {
            tr: "Cüzdanla ödemede taksit yapılamaz.",
            en: "Wallet payments have no instalments.",
          },
        });
    }),
  );
export type CompleteCheckoutBody = z.infer<typeof completeCheckoutBodySchema>;

export const checkoutStatusSchema = z.enum(["paid", "failed", "pending"]);
export type CheckoutStatus = z.infer<typeof checkoutStatusSchema>;

export const completeCheckoutResultSchema = z.object({
  orderCode: z.string(),
  status: checkoutStatusSchema,
  payment: z.object({
    /** The bank's 3-D Secure page (card payments); open it in the same window. */
    redirectUrl: z.optional(z.string()),
  }),
});
export type CompleteCheckoutResult = z.infer<typeof completeCheckoutResultSchema>;

export const checkoutReturnQuerySchema = z.object({
  order: z.string().check(z.regex(/^[A-Za-z0-9_-]{4,64}$/)),
});

/**
 * GET /api/checkout/return: the order's real state, read upstream. A basket that was never
 * completed (the completion's answer was lost and Minted had refused or never seen it) is
 * `failed` with `failureCode` `not_completed`: nothing was charged, a new attempt is safe.
 */
export const checkoutReturnSchema = z.object({
  orderCode: z.string(),
  status: checkoutStatusSchema,
  failureReason: z.optional(z.string()),
  failureCode: z.optional(z.string()),
  /** While a card payment waits for 3-D Secure: the bank's page, to continue there. */
  redirectUrl: z.optional(z.string()),
});
export type CheckoutReturn = z.infer<typeof checkoutReturnSchema>;
