import type { FeeKind, FeeLine } from "../../contract/common.ts";
import { round2 } from "../../contract/money.ts";
import type { OrderTotals } from "../../contract/orders.ts";
import type { UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import type { Lang } from "../problem.ts";

/**
 * The fees of an e-commerce order or basket, named once for every page (basket, review,
 * order, receipt, invoice, legal documents).
 *
 * Minted documents four price components by id on each item (Ecom OrderItem `prices[]`,
 * api-8328441): 1 "Minted Markup", 2 "Sigorta", 3 "Market Komisyon", 4 "Kargo"; the order
 * carries their sums as `minted_markup_price`, `insurance_price`, `market_commission` and
 * `delivery_price`. `silver_craftsmanship` and `payment_cost` have no documented id. Every
 * fee field is optional: a fee Minted does not give is not shown (never shown as 0).
 */
export const ECOM_FEES: readonly {
  kind: FeeKind;
  /** Minted's id in an item's `prices[]`, where documented. */
  priceId: number | null;
  field:
    | "delivery_price"
    | "insurance_price"
    | "market_commission"
    | "minted_markup_price"
    | "silver_craftsmanship"
    | "payment_cost";
  /** Added on top of the items when the order's amounts say so (see `feeLines`). */
  onTop: boolean;
  tr: string;
  en: string;
}[] = [
  {
    kind: "delivery",
    priceId: 4,
    field: "delivery_price",
    onTop: true,
    tr: "Kargo",
    en: "Shipping",
  },
  {
    kind: "insurance",
    priceId: 2,
    field: "insurance_price",
    onTop: true,
    tr: "Sigorta",
    en: "Insurance",
  },
  {
    kind: "market_commission",
    priceId: 3,
    field: "market_commission",
    onTop: true,
    tr: "Pazar komisyonu",
    en: "Market commission",
  },
  {
    kind: "minted_markup",
    priceId: 1,
    field: "minted_markup_price",
    onTop: false,
    tr: "Hizmet bedeli",
    en: "Service fee",
  },
  {
    kind: "silver_craftsmanship",
    priceId: null,
    field: "silver_craftsmanship",
    onTop: false,
    tr: "Gümüş işçilik bedeli",
    en: "Silver craftsmanship",
  },
  {
    kind: "payment_cost",
    priceId: null,
    field: "payment_cost",
    onTop: true,
    tr: "Ödeme (taksit) maliyeti",
    en: "Payment (instalment) cost",
  },
];

type Amounts = Pick<
  UpstreamEcomOrder,
  "price" | "tax" | "paid_total" | (typeof ECOM_FEES)[number]["field"]
>;

/** What is paid beyond the items and their VAT. */
const extraOf = (o: Amounts): number => round2(o.paid_total - o.price - o.tax);

/**
 * Every non-zero fee Minted gave, with a stable kind. Fees that are normally added on top are
 * shown as added only when the order's own amounts add up that way (paid_total = price + tax +
 * those fees); otherwise Minted has priced them into the items — as in the documented
 * Get Incomplete Baskets example, where paid_total equals total — and they are shown as
 * included, so the lines always add up to what is paid.
 */
export function feeLines(o: Amounts, lang: Lang): FeeLine[] {
  const given = ECOM_FEES.flatMap((f) => {
    const amount = o[f.field];
    return amount == null || amount === 0 ? [] : [{ fee: f, amount }];
  });
  const onTop = round2(given.filter((g) => g.fee.onTop).reduce((s, g) => s + g.amount, 0));
  const addsUp = Math.abs(onTop - extraOf(o)) < 0.005 * Math.max(1, given.length);
  return given.map(({ fee, amount }) => ({
    kind: fee.kind,
    label: fee[lang],
    amount,
    ...(fee.onTop && addsUp ? {} : { included: true }),
  }));
}

/** Items, VAT, what is added on top, and what is paid: subtotal + vat + fees = total. */
export function totalsView(o: Amounts): OrderTotals {
  return { subtotal: o.price, vat: o.tax, fees: Math.max(0, extraOf(o)), total: o.paid_total };
}
