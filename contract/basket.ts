import { z } from "zod/mini";
import { tcknSchema, trMobileSchema, vknSchema } from "./addresses.ts";
import { skuSchema } from "./catalog.ts";
import { feeLineSchema, metalSchema, productTypeSchema } from "./common.ts";
import { orderTotalsSchema } from "./orders.ts";

/**
 * The physical-products basket (E-Commerce), the guest basket, incomplete baskets and the
 * identity form that turns a guest into a customer.
 */

const msg = (tr: string, en: string) => ({ params: { tr, en } });

/** At most this many units of one physical product per basket (Minted's rule). */
export const MAX_UNITS_PER_SKU = 10;
/** At most this many lines in a guest basket (it travels in the session cookie). */
export const MAX_GUEST_LINES = 30;

/** How long the basket's prices hold. After expiry the next read re-fixes (`renewed`). */
export const priceFixSchema = z.object({
  expiresAt: z.string(),
  /** Seconds left when the answer was made; 0 once expired. */
  remainingSeconds: z.number(),
  /** True when this read replaced an expired fix with new prices. */
  renewed: z.boolean(),
});
export type PriceFix = z.infer<typeof priceFixSchema>;

/** Units of a bar or coin; grams (to 3 decimals) of a digital product. */
export const quantitySchema = z.number().check(
  z.gte(0),
  z.lte(1_000_000),
  z.refine(
    (q) => Math.abs(q * 1000 - Math.round(q * 1000)) < 1e-6,
    msg("En fazla 3 ondalık basamak girilebilir.", "At most 3 decimal places are allowed."),
  ),
);

export const addBasketItemBodySchema = z.object({
  sku: skuSchema,
  quantity: quantitySchema.check(
    z.refine(
      (q) => q > 0,
      msg("Miktar sıfırdan büyük olmalı.", "The quantity must be above zero."),
    ),
  ),
});
export type AddBasketItemBody = z.infer<typeof addBasketItemBodySchema>;

/** PATCH /api/basket/items/:sku — 0 removes the line. */
export const updateBasketItemBodySchema = z.object({ quantity: quantitySchema });
export type UpdateBasketItemBody = z.infer<typeof updateBasketItemBodySchema>;

export const basketItemParamsSchema = z.object({ sku: skuSchema });

export const basketItemSchema = z.object({
  sku: z.string(),
  name: z.string(),
  /** `/api/images/{sku}/1` */
  image: z.string(),
  /** Null only for a product the catalog no longer lists. */
  metal: z.nullable(metalSchema),
  type: z.nullable(productTypeSchema),
  /** Unit price, VAT excluded. */
  unitPrice: z.number(),
  quantity: z.number(),
  /** The most this line can hold now: stock, and 10 units of a bar or coin. */
  maxQuantity: z.number(),
  vatRate: z.number(),
  /** unitPrice × quantity, VAT excluded. */
  lineTotal: z.number(),
  /** The line's VAT as Minted's basket gives it (`tax`); lineTotal + lineTax is what it costs. */
  lineTax: z.number(),
});
export type BasketItem = z.infer<typeof basketItemSchema>;

export const basketSchema = z.object({
  items: z.array(basketItemSchema),
  /** Units (bars, coins) plus one per digital line. */
  itemCount: z.number(),
  currency: z.literal("TRY"),
  /**
   * Non-zero fees (delivery, insurance, market_commission, payment_cost, and the `included`
   * minted_markup and silver_craftsmanship already inside the item prices).
   */
  fees: z.array(feeLineSchema),
  /** subtotal (Σ line totals, VAT excluded) + vat + fees (not `included`) = total. */
  totals: orderTotalsSchema,
  /** Null for a guest basket or an empty one. */
  priceFix: z.nullable(priceFixSchema),
  /**
   * True for a guest basket: priced from the catalog with VAT; delivery, insurance and
   * commission are added once the basket moves upstream at checkout.
   */
  estimated: z.boolean(),
});
export type Basket = z.infer<typeof basketSchema>;

/** The basket with nothing in it (no customer basket yet, or every line removed). */
export const EMPTY_BASKET: Basket = {
  items: [],
  itemCount: 0,
  currency: "TRY",
  fees: [],
  totals: { subtotal: 0, vat: 0, fees: 0, total: 0 },
  priceFix: null,
  estimated: false,
};

export const incompleteBasketSchema = z.object({
  id: z.number(),
  itemCount: z.number(),
  /** The first few product names, for the list. */
  preview: z.array(z.string()),
  total: z.number(),
  currency: z.literal("TRY"),
});
export type IncompleteBasket = z.infer<typeof incompleteBasketSchema>;

export const incompleteBasketListSchema = z.object({ baskets: z.array(incompleteBasketSchema) });
export type IncompleteBasketList = z.infer<typeof incompleteBasketListSchema>;

export const incompleteBasketParamsSchema = z.object({
  id: z.pipe(z.string().check(z.regex(/^[1-9]\d{0,15}$/)), z.transform(Number)),
});

/** POST /api/baskets/incomplete/:id/resume */
export const resumeBasketResultSchema = z.object({
  basket: basketSchema,
  /** SKUs that could not be moved (out of stock, no longer sold). */
  skipped: z.array(z.string()),
});
export type ResumeBasketResult = z.infer<typeof resumeBasketResultSchema>;

// ---------------------------------------------------------------- identity (guest → customer)

const personName = z.string().check(z.trim(), z.minLength(2), z.maxLength(40));
/** Create Business Customer (api-15819241) takes the company name and tax office in 3–40 characters. */
const businessText = z.string().check(z.trim(), z.minLength(3), z.maxLength(40));
/** Not required by Minted, but the shop's: receipts are found by e-mail, couriers call the phone. */
const contact = {
  email: z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()),
  phone: trMobileSchema,
};

export const accountTypeSchema = z.enum(["person", "company"]);
export type AccountType = z.infer<typeof accountTypeSchema>;

/** An individual: Create Customer (api-25995712). Without `accountType`, a person. */
export const personIdentitySchema = z.object({
  accountType: z._default(z.literal("person"), "person"),
  firstname: personName,
  lastname: personName,
  identityNumber: tcknSchema,
  ...contact,
});

/** A company: Create Business Customer (api-15819241), invoiced to its name, tax office and VKN. */
export const companyIdentitySchema = z.object({
  accountType: z.literal("company"),
  companyName: businessText,
  taxNumber: vknSchema,
  taxOffice: businessText,
  ...contact,
});

/** POST /api/session/identity: the checkout's identity form for a guest, a person or a company. */
export const identityBodySchema = z.discriminatedUnion("accountType", [
  personIdentitySchema,
  companyIdentitySchema,
]);
export type IdentityBody = z.output<typeof identityBodySchema>;
export type IdentityBodyInput = z.input<typeof identityBodySchema>;

export const identityResultSchema = z.object({
  customer: z.object({
    accountType: accountTypeSchema,
    /** "Ad Soyad" of a person, the company name of a company. */
    name: z.string(),
    email: z.string(),
  }),
  basket: basketSchema,
  /** Guest lines that could not be moved upstream (stock ran out meanwhile). */
  skipped: z.array(z.string()),
});
export type IdentityResult = z.infer<typeof identityResultSchema>;

/**
 * Basket changes (add / update / remove, physical and wallet baskets): a key made per tap and
 * reused on the browser's own retry, so a change is applied once however often it is sent.
 */
export const BASKET_CHANGE_HEADER = {
  name: "Idempotency-Key",
  required: false,
  description:
    '8–128 characters [A-Za-z0-9_-], made once per tap. A repeat with the same key is applied once (answered again, Idempotent-Replayed: true); "add n" is kept as the absolute quantity it aimed at. Without it the change is applied as sent.',
} as const;
