/**
 * What an E-Commerce basket or order costs (minted-api.md Part 2 §9.1).
 *
 * Money model (TRY; every amount is rounded to 2 decimals with round2):
 * - An item's `price` is its unit price under the basket's price fix, VAT excluded:
 *   spot (metal value, `spot_price`) + Minted markup + minting fee.
 * - Row: tax = round2(price × amount × tax_rate / 100); total = round2(price × amount) + tax.
 * - Basket: price = Σ round2(price × amount); tax = Σ row tax; total = price + tax.
 * - Informational, already inside `price`: minted_markup_price = Σ markup × amount and
 *   silver_craftsmanship = Σ minting fee × amount over silver items.
 * - Added on top: delivery_price = config.shippingFee when the basket holds physical items and
 *   price < config.freeShippingFrom, else 0; insurance_price = 0.1 % of the physical items'
 *   price, at least 10 when there are any; market_commission = 0.2 % of price; payment_cost =
 *   the card instalment rate × everything before it (0 until completed with instalments).
 * - paid_total = total + delivery_price + insurance_price + market_commission + payment_cost;
 *   currency_rate = 1 (TRY); currency_total = paid_total / currency_rate.
 * - Completion freezes the totals (`frozen`): an order never changes price.
 */
import { PRODUCT_BY_SKU, vatRate, type ProductDef } from "./catalog.ts";
import type { SandboxContext } from "../context.ts";
import { round2 } from "./rounding.ts";
import type { EcomBasket, FixedUnit } from "./state.ts";

/** Insurance: 0.1 % of the physical items' price, at least 10 TRY. */
export const INSURANCE_RATE = 0.1;
export const INSURANCE_MIN = 10;
/** Market commission: 0.2 % of the basket price. */
export const COMMISSION_RATE = 0.2;

export type Totals = {
  price: number;
  tax: number;
  total: number;
  delivery_price: number;
  insurance_price: number;
  market_commission: number;
  minted_markup_price: number;
  silver_craftsmanship: number;
  payment_cost: number;
  paid_total: number;
  currency_rate: number;
  currency_total: number;
};

export interface Row {
  product: ProductDef;
  unit: FixedUnit;
  amount: number;
  /** round2(price × amount), VAT excluded. */
  net: number;
  tax: number;
}

export function productOf(sku: string): ProductDef {
  const product = PRODUCT_BY_SKU.get(sku);
  if (!product) throw new Error(`unknown SKU ${sku}`);
  return product;
}

export const isPhysical = (p: ProductDef): boolean => p.type !== "digital";

export function hasPhysical(b: EcomBasket): boolean {
  return [...b.items.keys()].some((sku) => isPhysical(productOf(sku)));
}

export function rowsOf(b: EcomBasket): Row[] {
  return [...b.items].map(([sku, amount]) => {
    const product = productOf(sku);
    const unit = b.fix.units.get(sku);
    if (!unit) throw new Error(`basket ${b.token} has no fixed price for ${sku}`);
    const net = round2(unit.price * amount);
    return {
      product,
      unit,
      amount,
      net,
      tax: round2((unit.price * amount * vatRate(product)) / 100),
    };
  });
}

const sumOf = <T>(list: readonly T[], f: (x: T) => number): number =>
  round2(list.reduce((s, x) => s + f(x), 0));

export function installmentRate(ctx: SandboxContext, installment: number): number {
  return ctx.config.installmentRates[String(installment)] ?? 0;
}

/** The totals of a basket's items under its fix, with `paymentRate` percent of card cost on top. */
export function computeTotals(ctx: SandboxContext, b: EcomBasket, paymentRate: number): Totals {
  const rows = rowsOf(b);
  const physical = rows.filter((r) => isPhysical(r.product));
  const price = sumOf(rows, (r) => r.net);
  const tax = sumOf(rows, (r) => r.tax);
  const total = round2(price + tax);
  const shipped = physical.length > 0;
  const delivery = shipped && price < ctx.config.freeShippingFrom ? ctx.config.shippingFee : 0;
  const insuredValue = sumOf(physical, (r) => r.net);
  const insurance = shipped
    ? Math.max(INSURANCE_MIN, round2((insuredValue * INSURANCE_RATE) / 100))
    : 0;
  const commission = round2((price * COMMISSION_RATE) / 100);
  const base = round2(total + delivery + insurance + commission);
  const paymentCost = round2((base * paymentRate) / 100);
  const paid = round2(base + paymentCost);
  const currencyRate = 1;
  return {
    price,
    tax,
    total,
    delivery_price: delivery,
    insurance_price: insurance,
    market_commission: commission,
    minted_markup_price: sumOf(rows, (r) => r.unit.markup * r.amount),
    silver_craftsmanship: sumOf(rows, (r) =>
      r.product.metal === "silver" ? r.unit.minting * r.amount : 0,
    ),
    payment_cost: paymentCost,
    paid_total: paid,
    currency_rate: currencyRate,
    currency_total: round2(paid / currencyRate),
  };
}

/** What the record costs now: the frozen totals of an order, the live ones of a basket. */
export function totalsOf(ctx: SandboxContext, b: EcomBasket): Totals {
  const live = computeTotals(ctx, b, 0);
  return b.frozen ? { ...live, ...b.frozen } : live;
}
