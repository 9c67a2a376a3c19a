import { z } from "zod/mini";
import { metalSchema, orderStatusSchema } from "./common.ts";

/** Digital quick buy / sell (Partner API): a price fix, then one order at that price. */

const msg = (tr: string, en: string) => ({ params: { tr, en } });

export const digitalSideSchema = z.enum(["buy", "sell"]);
export type DigitalSide = z.infer<typeof digitalSideSchema>;

/** Currencies Minted fixes digital prices in. */
export const digitalCurrencySchema = z.enum(["TRY", "USD", "EUR", "GBP"]);
export type DigitalCurrency = z.infer<typeof digitalCurrencySchema>;

const decimals = (n: number) =>
  z.refine<number>(
    (v: number) => Math.abs(v * 10 ** n - Math.round(v * 10 ** n)) < 1e-6,
    msg(`En fazla ${n} ondalık basamak girilebilir.`, `At most ${n} decimal places are allowed.`),
  );

export const gramsSchema = z.number().check(z.gt(0), z.lte(100_000), decimals(4));
export const amountSchema = z.number().check(z.gt(0), z.lte(100_000_000), decimals(2));

const oneOf = z.superRefine<{ grams?: number | undefined; amount?: number | undefined }>(
  (v, ctx) => {
    if ((v.grams === undefined) === (v.amount === undefined))
      ctx.issues.push({
        code: "custom",
        path: ["grams"],
        input: v,
        params: {
          tr: "Gram ya da tutardan yalnızca birini girin.",
          en: "Give either grams or an amount, not both.",
        },
      });
  },
);

/** POST /api/digital/quotes */
export const digitalQuoteBodySchema = z
  .object({
    metal: metalSchema,
    side: digitalSideSchema,
    grams: z.optional(gramsSchema),
    amount: z.optional(amountSchema),
    currency: digitalCurrencySchema,
  })
  .check(oneOf);
export type DigitalQuoteBody = z.infer<typeof digitalQuoteBodySchema>;

export const digitalQuoteSchema = z.object({
  quoteId: z.string(),
  metal: metalSchema,
  side: digitalSideSchema,
  currency: digitalCurrencySchema,
  /** Per gram: the ask when buying, the bid when selling. */
  unitPrice: z.number(),
  grams: z.number(),
  /** What is paid (buy) or received (sell). */
  amount: z.number(),
  expiresAt: z.string(),
  remainingSeconds: z.number(),
});
export type DigitalQuote = z.infer<typeof digitalQuoteSchema>;

/** POST /api/digital/orders: the quote accepted, repeating the side and quantity shown. */
export const digitalOrderBodySchema = z
  .object({
    quoteId: z.string().check(z.regex(/^[a-f0-9]{32}$/)),
    side: digitalSideSchema,
    grams: z.optional(gramsSchema),
    amount: z.optional(amountSchema),
  })
  .check(oneOf);
export type DigitalOrderBody = z.infer<typeof digitalOrderBodySchema>;

export const digitalOrderSchema = z.object({
  orderCode: z.string(),
  side: digitalSideSchema,
  metal: metalSchema,
  status: orderStatusSchema,
  grams: z.number(),
  unitPrice: z.number(),
  amount: z.number(),
  currency: digitalCurrencySchema,
  createdAt: z.string(),
});
export type DigitalOrder = z.infer<typeof digitalOrderSchema>;
