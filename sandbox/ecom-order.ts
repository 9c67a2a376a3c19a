/**
 * E-Commerce baskets and orders: the "Ecom Order" object (minted-api.md Part 2 §9.1) and the
 * life of the record behind it (basket → order → paid → shipped), shared by the Digest routes
 * (routes/ecom.ts), the Embedded Webview routes (routes/webview.ts) and the 3-D Secure page.
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
import type { Context } from "hono";
import { z } from "zod";
import { newFix, pricefixJson, refreshFix } from "./basket-fix.ts";
import { ITEM_CURRENCIES, PRODUCT_BY_SKU, vatRate, type ProductDef } from "./catalog.ts";
import { dateIstanbul, isoMicros } from "./clock.ts";
import type { SandboxContext } from "./context.ts";
import {
  cartToken,
  csv,
  customerId,
  date,
  forbidden,
  int,
  invalid,
  langOf,
  notFound,
  ok,
  paginate,
  type Lang,
} from "./http.ts";
import { STATUS, STATUS_NAME, currentStatus, progressStatuses } from "./order-status.ts";
import { pass, stop, type Outcome } from "./outcome.ts";
import { round2, token, upperGuid } from "./random.ts";
import { productImages } from "./routes/catalog.ts";
import { customerJson } from "./routes/customers.ts";
import {
  METAL_WALLET_CODE,
  type AddressSnapshot,
  type CardDetails,
  type Customer,
  type EcomBasket,
  type FixedUnit,
  type PaymentState,
} from "./state.ts";

/** Insurance: 0.1 % of the physical items' price, at least 10 TRY. */
const INSURANCE_RATE = 0.1;
const INSURANCE_MIN = 10;
/** Market commission: 0.2 % of the basket price. */
const COMMISSION_RATE = 0.2;
/** At most this many units of one physical product per basket. */
const MAX_PER_SKU = 10;
/** The error code of a payment whose 3-D Secure page expired unanswered. */
export const PAYMENT_TIMEOUT_CODE = "timeout";

/** A 3-D Secure payment page lives this long on the sandbox clock. */
const PAYMENT_TTL_MS = 15 * 60_000;
const TRANSIT_DAYS = 2;

export type PaymentType = "creditcard" | "cash";

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

// ---------------------------------------------------------------- money

interface Row {
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

function hasPhysical(b: EcomBasket): boolean {
  return [...b.items.keys()].some((sku) => isPhysical(productOf(sku)));
}

function rowsOf(b: EcomBasket): Row[] {
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

function installmentRate(ctx: SandboxContext, installment: number): number {
  return ctx.config.installmentRates[String(installment)] ?? 0;
}

/** The totals of a basket's items under its fix, with `paymentRate` percent of card cost on top. */
function computeTotals(ctx: SandboxContext, b: EcomBasket, paymentRate: number): Totals {
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

// ---------------------------------------------------------------- JSON

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

export function fullName(c: Customer): string {
  return [c.firstname, c.middlename, c.lastname].filter(Boolean).join(" ");
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

// ---------------------------------------------------------------- lookups

export function customerOf(c: Context, ctx: SandboxContext, id: string): Outcome<Customer> {
  const customer = ctx.state.customers.get(id);
  return customer ? pass(customer) : stop(notFound(c, { tr: "Müşteri", en: "Customer" }));
}

/** Customer `customer`'s basket or order `cartToken`: 404 when unknown, 403 when another's. */
export function basketOf(
  c: Context,
  ctx: SandboxContext,
  customer: string,
  cartToken: string,
): Outcome<EcomBasket> {
  const owner = customerOf(c, ctx, customer);
  if (!owner.ok) return owner;
  const basket = ctx.state.ecomBaskets.get(cartToken);
  if (!basket) return stop(notFound(c, { tr: "Sepet", en: "Basket" }));
  if (basket.customer !== customer) return stop(forbidden(c));
  return pass(basket);
}

/** As basketOf, and still a basket: a completed order can no longer change (422). */
export function openBasketOf(
  c: Context,
  ctx: SandboxContext,
  customer: string,
  cartToken: string,
): Outcome<EcomBasket> {
  const basket = basketOf(c, ctx, customer, cartToken);
  if (basket.ok && basket.value.stage !== "basket")
    return stop(
      invalid(
        c,
        "cart_token",
        "Bu sepet siparişe dönüştürülmüş; artık değiştirilemez.",
        "This basket has already been completed as an order and can no longer change.",
      ),
    );
  return basket;
}

/** The customer's most recent record still at the basket stage. */
export function activeBasket(ctx: SandboxContext, customer: string): EcomBasket | null {
  const open = ctx.state.customerBaskets(customer).filter((b) => b.stage === "basket");
  return open.reduce<EcomBasket | null>((best, b) => (best && best.id > b.id ? best : b), null);
}

/** A new, empty basket (not stored until it gets its first item). */
export function newBasket(ctx: SandboxContext, customer: string): EcomBasket {
  return {
    id: ctx.state.next("ecomBasket", 207),
    guid: upperGuid(),
    token: token(32),
    increment_id: `MC_${token(13, "0123456789ABCDEF")}`,
    external_id: null,
    customer,
    items: new Map(),
    fix: newFix(ctx),
    shipping: null,
    billing: null,
    stage: "basket",
    createdAt: ctx.clock.now(),
    orderAt: null,
    paymentType: null,
    installment: 1,
    payment: null,
    statuses: [],
    paidAt: null,
    delivery: null,
    frozen: null,
  };
}

// ---------------------------------------------------------------- quantities and stock

/** Why `qty` units of `product` cannot be in one basket (max per SKU, stock), or null. */
export function limitMessage(
  ctx: SandboxContext,
  product: ProductDef,
  qty: number,
): { tr: string; en: string } | null {
  if (isPhysical(product) && qty > MAX_PER_SKU)
    return {
      tr: `Bir üründen sepete en fazla ${MAX_PER_SKU} adet eklenebilir.`,
      en: `At most ${MAX_PER_SKU} units of one product can be in a basket.`,
    };
  const available = ctx.state.stock.get(product.sku) ?? 0;
  if (qty > available)
    return {
      tr: `Yeterli stok yok: ${product.name.tr} için mevcut stok ${available}.`,
      en: `Not enough stock: only ${available} of ${product.name.en} available.`,
    };
  return null;
}

function moveStock(ctx: SandboxContext, b: EcomBasket, sign: 1 | -1): void {
  for (const [sku, qty] of b.items) {
    const left = (ctx.state.stock.get(sku) ?? 0) + sign * qty;
    ctx.state.stock.set(sku, Math.round(left * 1000) / 1000);
  }
}

// ---------------------------------------------------------------- life cycle

export interface CompleteRequest {
  payment_type: PaymentType;
  installment?: number | undefined;
  return_url?: string | undefined;
  external_id?: string | undefined;
}

/** Body of Complete (Digest) and Complete (Webview), less the customer. */
export const completeFields = z.object({
  cart_token: cartToken(),
  payment_type: z.enum(["creditcard", "cash"]),
  installment: int().optional(),
  return_url: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional(),
  external_id: z.string().trim().min(1).max(110).optional(),
});

/** Card payments need a return URL and an offered instalment count; cash is paid at once. */
export function completeRules(ctx: SandboxContext) {
  return (v: CompleteRequest, issue: z.RefinementCtx): void => {
    if (v.payment_type === "creditcard" && v.return_url === undefined)
      issue.addIssue({
        code: "custom",
        path: ["return_url"],
        params: {
          tr: "Kartlı ödemede return_url gereklidir.",
          en: "The return url field is required when payment type is creditcard.",
        },
      });
    if (v.installment !== undefined && !installmentsOf(ctx, v.payment_type).includes(v.installment))
      issue.addIssue({
        code: "custom",
        path: ["installment"],
        params: {
          tr: "Bu ödeme tipi için seçilen taksit sayısı geçersiz.",
          en: "The selected installment is invalid for this payment type.",
        },
      });
  };
}

/**
 * A card instalment option as Payment Get All Types lists it. Minted's shape is undocumented;
 * this follows the related payment API's Installment schema (minted-api.md §12): `installment`
 * is the count, `margin` the bank's charge in percent of the amount, added on completion as
 * `payment_cost`.
 */
export interface InstallmentOption {
  installment: number;
  margin: number;
}

export function installmentOptionsOf(ctx: SandboxContext): InstallmentOption[] {
  return installmentsOf(ctx, "creditcard").map((installment) => ({
    installment,
    margin: installmentRate(ctx, installment),
  }));
}

export function installmentsOf(ctx: SandboxContext, type: PaymentType): number[] {
  if (type === "cash") return [1];
  return Object.keys(ctx.config.installmentRates)
    .map(Number)
    .sort((a, b) => a - b);
}

/** Why the basket cannot be completed now (a 422), or null. */
function refusal(
  c: Context,
  ctx: SandboxContext,
  b: EcomBasket,
  req: CompleteRequest,
): Response | null {
  const no = (field: string, tr: string, en: string) => invalid(c, field, tr, en);
  if (b.items.size === 0) return no("cart_token", "Sepet boş.", "The basket is empty.");
  if (hasPhysical(b) && !b.shipping)
    return no("shipping", "Teslimat adresi gereklidir.", "A shipping address is required.");
  if (hasPhysical(b) && !b.billing)
    return no("billing", "Fatura adresi gereklidir.", "A billing address is required.");
  if (ctx.clock.now() > b.fix.expiresAt)
    return no(
      "pricefix",
      "Fiyat sabitleme süresi doldu; yeni fiyatı görmek için sepeti yeniden alın.",
      "The price fix has expired; get the basket again to see the new price.",
    );
  const external = req.external_id;
  if (
    external !== undefined &&
    [...ctx.state.ecomBaskets.values()].some((o) => o !== b && o.external_id === external)
  )
    return no(
      "external_id",
      "Bu external_id zaten kullanılıyor.",
      "The external id has already been taken.",
    );
  for (const [sku, qty] of b.items) {
    const limit = limitMessage(ctx, productOf(sku), qty);
    if (limit) return no("items", limit.tr, limit.en);
  }
  return null;
}

/**
 * Complete Basket: the basket becomes an order at its fixed prices and the stock is reserved.
 * A card order waits on the 3-D Secure page (Created); a cash order is paid from the
 * customer's TRY wallet at once (Payment Confirmed).
 */
export function completeBasket(
  c: Context,
  ctx: SandboxContext,
  b: EcomBasket,
  req: CompleteRequest,
): Response {
  const refused = refusal(c, ctx, b, req);
  if (refused) return refused;
  const card = req.payment_type === "creditcard";
  const installment = req.installment ?? 1;
  const sums = computeTotals(ctx, b, card ? installmentRate(ctx, installment) : 0);
  const wallet = ctx.state.walletLine(b.customer, "TRY");
  if (!card && round2(wallet.balance - wallet.blocked) < sums.paid_total)
    return invalid(
      c,
      "payment_type",
      "Cüzdan bakiyesi yetersiz.",
      "The wallet balance is insufficient.",
    );

  const now = ctx.clock.now();
  b.stage = "order";
  b.orderAt = now;
  b.paymentType = req.payment_type;
  b.installment = installment;
  b.external_id = req.external_id ?? b.external_id;
  b.statuses = [{ status_id: STATUS.Created, at: now }];
  b.frozen = sums;
  moveStock(ctx, b, -1);
  b.payment = {
    token: token(128),
    state: "new",
    is_3d: card,
    auth_mode: card ? "3d" : "wallet",
    amount: round2(sums.paid_total - sums.payment_cost),
    comission: sums.payment_cost,
    total: sums.paid_total,
    returnUrl: req.return_url ?? null,
    errorCode: null,
    errorMessage: null,
    details: null,
    createdAt: now,
  };
  if (card) ctx.state.payments.set(b.payment.token, { kind: "ecom", basketToken: b.token });
  else {
    wallet.balance = round2(wallet.balance - sums.paid_total);
    wallet.updatedAt = now;
    confirmPayment(ctx, b, null);
  }
  return orderResponse(c, ctx, b);
}

/** The payment went through: Payment Confirmed; digital grams go to the wallet at once (Completed). */
export function confirmPayment(
  ctx: SandboxContext,
  b: EcomBasket,
  details: CardDetails | null,
): void {
  if (b.payment?.state !== "new") return;
  const now = ctx.clock.now();
  b.payment.state = "success";
  b.payment.details = details;
  b.paidAt = now;
  b.statuses.push({ status_id: STATUS.PaymentConfirmed, at: now });
  for (const r of rowsOf(b).filter((row) => !isPhysical(row.product))) {
    const line = ctx.state.walletLine(b.customer, METAL_WALLET_CODE[r.product.metal]);
    line.balance = Math.round((line.balance + r.amount) * 10_000) / 10_000;
    line.bought = Math.round((line.bought + r.amount) * 10_000) / 10_000;
    line.updatedAt = now;
  }
  if (!hasPhysical(b)) b.statuses.push({ status_id: STATUS.Completed, at: now });
}

/**
 * The payment failed (declined, or the 3-D Secure page timed out): Minted keeps the basket
 * usable. The record goes back to the basket stage under a fresh price fix, the stock is
 * released, and the failed payment stays on it until the next attempt.
 */
export function failPayment(
  ctx: SandboxContext,
  b: EcomBasket,
  code: string,
  message: string,
): void {
  if (b.payment?.state !== "new") return;
  b.payment.state = "failed";
  b.payment.errorCode = code;
  b.payment.errorMessage = message;
  moveStock(ctx, b, 1);
  b.stage = "basket";
  b.orderAt = null;
  b.statuses = [];
  b.frozen = null;
  b.fix = newFix(ctx, true);
}

/**
 * What every read does first. A basket re-fixes an expired price (refreshFix). An order whose
 * 3-D Secure page expired fails; a paid physical order moves along the fulfilment schedule and
 * gets its cargo tracking when Shipped.
 */
export function syncBasket(ctx: SandboxContext, b: EcomBasket): void {
  if (b.stage === "basket") {
    b.fix = refreshFix(ctx, b.fix, b.items.size > 0);
    return;
  }
  const now = ctx.clock.now();
  if (b.payment?.state === "new" && now - b.payment.createdAt > PAYMENT_TTL_MS) {
    failPayment(ctx, b, PAYMENT_TIMEOUT_CODE, "3-D Secure doğrulaması zaman aşımına uğradı.");
    return;
  }
  if (!hasPhysical(b)) return;
  progressStatuses(b.statuses, b.paidAt, now);
  const shipped = b.statuses.find((s) => s.status_id === STATUS.Shipped);
  if (shipped && !b.delivery) {
    const number = `YK${token(10, "0123456789")}`;
    b.delivery = {
      cargo_tracking_number: number,
      cargo_tracking_url: `https://kargotakip.example.com/track/${number}`,
      estimated_arrival_date: dateIstanbul(shipped.at + TRANSIT_DAYS * 86_400_000),
    };
  }
}

// ---------------------------------------------------------------- lists

/** `startDate` ≤ `endDate` when both are given. */
export function dateOrder(
  v: { startDate?: string | undefined; endDate?: string | undefined },
  issue: z.RefinementCtx,
): void {
  if (v.startDate !== undefined && v.endDate !== undefined && v.startDate > v.endDate)
    issue.addIssue({
      code: "custom",
      path: ["endDate"],
      params: {
        tr: "endDate, startDate'ten önce olamaz.",
        en: "The end date must be a date after or equal to start date.",
      },
    });
}

/** Whether `ms` falls on a day (Istanbul) between the optional bounds. */
export function inDateRange(ms: number, startDate?: string, endDate?: string): boolean {
  const day = dateIstanbul(ms);
  return (startDate === undefined || day >= startDate) && (endDate === undefined || day <= endDate);
}

const STATUS_IDS = new Map(
  Object.entries(STATUS_NAME).map(([id, name]) => [name.toLowerCase(), Number(id)]),
);

/** A status filter item: an id ("2") or a name ("Payment Confirmed"). */
const statusItem = z.string().transform((s, issue) => {
  const id = /^\d+$/.test(s) ? Number(s) : STATUS_IDS.get(s.toLowerCase());
  if (id !== undefined && STATUS_NAME[id] !== undefined) return id;
  issue.addIssue({
    code: "custom",
    params: { tr: `Geçersiz sipariş durumu: ${s}.`, en: `The selected status ${s} is invalid.` },
  });
  return z.NEVER;
});

/** Get Orders query (§6.11); the Webview variant takes the customer from its token. */
export const ordersQuery = z
  .object({
    page: int().pipe(z.number().min(1)).default(1),
    total: int().pipe(z.number().min(5).max(30)).default(10),
    customer_external_id: customerId().optional(),
    sku: z.string().min(3).max(21).optional(),
    sortBy: z.enum(["type", "total", "customer_external_id", "created_at"]).default("created_at"),
    sortType: z.enum(["asc", "desc"]).default("desc"),
    status: csv(statusItem).optional(),
    startDate: date().optional(),
    endDate: date().optional(),
  })
  .superRefine(dateOrder);

export type OrdersQuery = z.output<typeof ordersQuery>;

/** The paginator of completed orders matching the query, of one customer or of all. */
export function ordersPage(
  c: Context,
  ctx: SandboxContext,
  q: OrdersQuery,
  customer: string | undefined,
) {
  const candidates = [...ctx.state.ecomBaskets.values()].filter(
    (b) => b.stage === "order" && (customer === undefined || b.customer === customer),
  );
  for (const b of candidates) syncBasket(ctx, b);
  const sortKey = (b: EcomBasket): string | number => {
    if (q.sortBy === "type") return b.paymentType ?? "";
    if (q.sortBy === "total") return totalsOf(ctx, b).paid_total;
    if (q.sortBy === "customer_external_id") return b.customer;
    return b.orderAt ?? 0;
  };
  const direction = q.sortType === "asc" ? 1 : -1;
  const matching = candidates
    .filter(
      (b) =>
        b.stage === "order" &&
        (q.sku === undefined || b.items.has(q.sku)) &&
        (q.status === undefined || q.status.includes(currentStatus(b.statuses))) &&
        inDateRange(b.orderAt ?? 0, q.startDate, q.endDate),
    )
    .sort((a, b) => {
      const [x, y] = [sortKey(a), sortKey(b)];
      return (x < y ? -1 : x > y ? 1 : a.id - b.id) * direction;
    });
  const page = paginate(matching, q.page, q.total, `${ctx.publicUrl()}/partner/ecom/orders`);
  const lang = langOf(c);
  return { ...page, data: page.data.map((b) => ecomOrderJson(ctx, b, lang)) };
}
