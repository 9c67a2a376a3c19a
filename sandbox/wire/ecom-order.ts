import type { Context } from "hono";
import type { SandboxContext } from "../context.ts";
import { pricefixJson } from "../domain/basket-fix.ts";
import { vatRate } from "../domain/catalog.ts";
import { ITEM_CURRENCIES } from "../domain/categories.ts";
import { isoMicros } from "../domain/clock.ts";
import { syncBasket } from "../domain/ecom-order.ts";
import {
  COMMISSION_RATE,
  INSURANCE_RATE,
  isPhysical,
  rowsOf,
  totalsOf,
  type Row,
} from "../domain/ecom-totals.ts";
import { currentStatus, STATUS_NAME } from "../domain/order-status.ts";
import { round2 } from "../domain/rounding.ts";
import type { AddressSnapshot, EcomBasket, PaymentState } from "../domain/state.ts";
import { langOf, ok, type Lang } from "../http/http.ts";
import { productImages } from "./catalog.ts";
import { customerJson } from "./customer.ts";

/** The Ecom Order as Minted answers it (minted-api.md Part 2 §9.1, §9.3). */

function itemJson(ctx: SandboxContext, r: Row, lang: Lang) {
  const currency = ITEM_CURRENCIES[r.product.metal];
  return {
    item_currency_id: currency.id,
    item_currency_name: currency.name[lang],
    product_id: r.product.id,
    sku: r.product.sku,
    product_name: r.product.name[lang],
    product_weight: r.product.weight,
    spot_price: r.unit.spot,
    price: r.unit.price,
    tax_rate: vatRate(r.product),
    tax: r.tax,
    amount: r.amount,
    total: round2(r.net + r.tax),
    product_images: productImages(ctx, r.product),
    // The four documented price components (ids and names verbatim from api-8328441), per unit.
    prices: [
      { id: 1, name: "Minted Markup", price: r.unit.markup },
      {
        id: 2,
        name: "Sigorta",
        price: isPhysical(r.product) ? round2((r.unit.price * INSURANCE_RATE) / 100) : 0,
      },
      { id: 4, name: "Kargo", price: 0 },
      { id: 3, name: "Market Komisyon", price: round2((r.unit.price * COMMISSION_RATE) / 100) },
    ],
  };
}

/** Shipping Address (§9.3): has an `id`. */
function shippingJson(a: AddressSnapshot) {
  return {
    id: a.id,
    external_id: a.external_id,
    tax_number: a.tax_number,
    fullname: a.fullname,
    phone: a.phone,
    city: a.city,
    county: a.county,
    district: a.district,
    address: a.address,
    zipcode: a.zipcode,
    street: a.street,
  };
}

/** Billing Address (§9.3): no `id`. */
function billingJson(a: AddressSnapshot) {
  return {
    external_id: a.external_id,
    invoice_type: a.invoice_type,
    fullname: a.fullname,
    company_name: a.company_name,
    phone: a.phone,
    email: a.email,
    city: a.city,
    county: a.county,
    district: a.district,
    address: a.address,
    zipcode: a.zipcode,
    street: a.street,
    tax_office: a.tax_office,
    tax_number: a.tax_number,
  };
}

const payUrl = (ctx: SandboxContext, paymentToken: string): string =>
  `${ctx.publicUrl()}/pay/${paymentToken}`;

function paymentJson(ctx: SandboxContext, b: EcomBasket, p: PaymentState) {
  return {
    state: p.state,
    payment_type: b.paymentType,
    redirect_url: p.is_3d ? payUrl(ctx, p.token) : null,
    token: p.token,
    is_3d: p.is_3d,
    auth_mode: p.auth_mode,
    amount: p.amount,
    comission: p.comission,
    total: p.total,
    error_code: p.errorCode,
    error_message: p.errorMessage,
    details: p.details && { ...p.details },
  };
}

/**
 * The Ecom Order: the top-level fields of §9.1 in its order, with `currency_code` where the
 * documented Get Incomplete Baskets example (api-8328441) has it.
 */
export function ecomOrderJson(ctx: SandboxContext, b: EcomBasket, lang: Lang) {
  const sums = totalsOf(ctx, b);
  const statusId = currentStatus(b.statuses);
  const customer = ctx.state.customers.get(b.customer);
  return {
    pricefix: pricefixJson(ctx, b.fix, b.orderAt ?? undefined),
    id: b.id,
    guid: b.guid,
    order_creation_status: b.stage,
    token: b.token,
    external_id: b.external_id,
    increment_id: b.increment_id,
    price: sums.price,
    tax: sums.tax,
    total: sums.total,
    delivery_price: sums.delivery_price,
    insurance_price: sums.insurance_price,
    market_commission: sums.market_commission,
    minted_markup_price: sums.minted_markup_price,
    silver_craftsmanship: sums.silver_craftsmanship,
    paid_total: sums.paid_total,
    currency_code: "TRY",
    currency_rate: sums.currency_rate,
    currency_total: sums.currency_total,
    status_id: statusId,
    status_name: STATUS_NAME[statusId] ?? "Pending",
    delivery: b.delivery && { ...b.delivery },
    order_at: b.orderAt === null ? null : isoMicros(b.orderAt),
    payment_cost: sums.payment_cost,
    items: rowsOf(b).map((r) => itemJson(ctx, r, lang)),
    customer: customer ? customerJson(customer) : null,
    shippingaddress: b.shipping && shippingJson(b.shipping),
    billingaddress: b.billing && billingJson(b.billing),
    payment: b.payment && paymentJson(ctx, b, b.payment),
  };
}

/** Bring a record up to the sandbox clock, then answer it as an Ecom Order (or `data: null`). */
export function orderResponse(c: Context, ctx: SandboxContext, b: EcomBasket | null): Response {
  if (!b) return ok(c, null);
  syncBasket(ctx, b);
  return ok(c, ecomOrderJson(ctx, b, langOf(c)));
}
