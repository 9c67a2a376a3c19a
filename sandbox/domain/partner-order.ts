import { PRODUCT_BY_SKU } from "./catalog.ts";
import { isoIstanbul, partnerDate } from "./clock.ts";
import type { SandboxContext } from "../context.ts";
import { t, type Lang } from "../http/http.ts";
import type { Currency, SpotSymbol } from "./prices.ts";
import { hashSeed, token, upperGuid } from "./random.ts";
import { round2, round4 } from "./rounding.ts";
import { STATUS, STATUS_NAME, currentStatus } from "./order-status.ts";
import {
  fullName,
  type Customer,
  type PartnerOrder,
  type PaymentState,
  type PriceFix,
  type PriceFixLine,
  type WalletLine,
} from "./state.ts";

/** The digital SKUs of a Partner price fix (minted-api.md Part 2 §1.1), in Minted's order. */
export interface DigitalSku {
  sku: string;
  product_id: number;
  currency_id: number;
  symbol: SpotSymbol;
  /** The metal wallet line an order credits or debits (palladium has none). */
  wallet: Exclude<WalletLine["code"], "TRY"> | null;
}

export const DIGITAL_SKUS: readonly DigitalSku[] = [
  { sku: "GAU", product_id: 3000001, currency_id: 1000004, symbol: "GAU", wallet: "GAU" },
  { sku: "GAG", product_id: 3000002, currency_id: 1000005, symbol: "GAG", wallet: "GAG" },
  { sku: "BGAU", product_id: 3000088, currency_id: 1000015, symbol: "GAU", wallet: "GAU" },
  { sku: "BGAG", product_id: 3000089, currency_id: 1000016, symbol: "GAG", wallet: "GAG" },
  { sku: "GPT", product_id: 3000090, currency_id: 1000017, symbol: "GPT", wallet: "GPT" },
  { sku: "GPD", product_id: 3000091, currency_id: 1000018, symbol: "GPD", wallet: null },
];

export const DIGITAL_BY_SKU = new Map(DIGITAL_SKUS.map((d) => [d.sku, d]));

export const PRICEFIX_CURRENCIES = ["GBP", "USD", "EUR", "TRY"] as const;

/** One price line per digital SKU, per gram in `currency` (silver to 4 decimals). */
export function priceFixLines(
  ctx: SandboxContext,
  currency: Currency,
  total: number | null,
): PriceFixLine[] {
  return DIGITAL_SKUS.map((d) => {
    const quote = ctx.prices.quote(d.symbol);
    const decimals = d.symbol === "GAG" ? 4 : 2;
    const buy = ctx.prices.fromTry(quote.ask, currency, decimals);
    return {
      sku: d.sku,
      product_id: d.product_id,
      currency_id: d.currency_id,
      spot_price: ctx.prices.fromTry(quote.mid, currency, decimals),
      buy_price: buy,
      sell_price: ctx.prices.fromTry(quote.bid, currency, decimals),
      buy_amount: total === null ? null : round4(total / buy),
    };
  });
}

export function createPriceFix(
  ctx: SandboxContext,
  customer: string | null,
  currency: Currency,
  total: number | null,
): PriceFix {
  const now = ctx.clock.now();
  const ttl = ctx.config.pricefixTtl;
  const fix: PriceFix = {
    token: token(32),
    customer,
    currency,
    createdAt: now,
    expiresAt: now + ttl * 1000,
    ttl,
    isTotal: total !== null,
    total,
    lines: priceFixLines(ctx, currency, total),
  };
  ctx.state.priceFixes.set(fix.token, fix);
  return fix;
}

/** Pricefix Response, the documented 7 top-level fields. */
export function priceFixJson(fix: PriceFix) {
  return {
    token: fix.token,
    total: fix.total,
    expires_at: isoIstanbul(fix.expiresAt),
    expire_ttl: fix.ttl,
    is_total_price: fix.isTotal,
    prices: fix.lines.map((l) => ({
      currency_id: l.currency_id,
      product_id: l.product_id,
      spot_price: l.spot_price,
      buy_price: l.buy_price,
      sell_price: l.sell_price,
      buy_amount: l.buy_amount,
      sku: l.sku,
    })),
    currency: fix.currency,
  };
}

export function digitalProductName(d: DigitalSku, lang: Lang): string {
  const product = d.wallet ? PRODUCT_BY_SKU.get(d.wallet) : undefined;
  return product
    ? product.name[lang]
    : t(lang, "Paladyum - Dijital saklama", "Palladium - Digital storage");
}

/** A priced line of a digital order: grams of one SKU at the fixed price. */
export interface OrderLine {
  sku: DigitalSku;
  price: number;
  spot: number;
  grams: number;
  /** Line total in the order currency. */
  total: number;
}

const CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

function newOrderCode(ctx: SandboxContext): string {
  let code = token(8, CODE_ALPHABET);
  while (ctx.state.partnerOrders.has(code)) code = token(8, CODE_ALPHABET);
  return code;
}

export interface NewPartnerOrder {
  type: "Buy" | "Sell";
  externalId: string;
  customer: string;
  currency: Currency;
  lines: OrderLine[];
  payment: PaymentState | null;
  lang: Lang;
}

/** Record a completed digital order (one order for all items; Order Response wraps it). */
export function createPartnerOrder(ctx: SandboxContext, o: NewPartnerOrder): PartnerOrder {
  const now = ctx.clock.now();
  const items = o.lines.map((l) => ({
    sku: l.sku.sku,
    product_id: l.sku.product_id,
    product_name: digitalProductName(l.sku, o.lang),
    spot_price: l.spot,
    price: l.price,
    tax_rate: 0,
    tax: 0,
    amount: l.grams,
    total: l.total,
  }));
  const price = round2(items.reduce((s, i) => s + i.total, 0));
  const order: PartnerOrder = {
    guid: upperGuid(),
    order_code: newOrderCode(ctx),
    external_id: o.externalId,
    type: o.type,
    customer: o.customer,
    currency: o.currency,
    items,
    price,
    tax: 0,
    total: price,
    payment_cost: 0,
    payment_type: o.payment ? "credit-card" : "cash",
    payment: o.payment,
    statuses: [{ status_id: STATUS.Completed, at: now }],
    orderAt: now,
    description: items.map((i) => `${i.amount}gr - #${i.sku}`).join(", "),
    currencyRate: ctx.prices.rate(o.currency),
  };
  ctx.state.partnerOrders.set(order.order_code, order);
  ctx.state.externalIds.add(o.externalId);
  return order;
}

/** A successful direct card charge: the card is known only by its stored token. */
export function cardPayment(
  ctx: SandboxContext,
  card: { card_token: string; customer_ip: string },
  holder: string,
  amount: number,
): PaymentState {
  const h = hashSeed("card", card.card_token);
  return {
    token: token(128),
    state: "success",
    is_3d: false,
    auth_mode: "direct",
    amount,
    comission: 0,
    total: amount,
    returnUrl: null,
    errorCode: null,
    errorMessage: null,
    details: {
      card_holder: holder,
      card_number: `404809******${String(h % 10_000).padStart(4, "0")}`,
      card_expiry: `${String((h % 12) + 1).padStart(2, "0")}/${String(28 + (h % 4))}`,
      card_association: "Visa",
      customer_ip: card.customer_ip,
    },
    createdAt: ctx.clock.now(),
  };
}

export function partnerPaymentJson(p: PaymentState, orderReference: string) {
  return {
    state: p.state,
    redirect_url: null,
    token: p.token,
    is_3d: p.is_3d,
    auth_mode: p.auth_mode,
    transaction_id: null,
    order_reference: orderReference,
    amount: p.amount,
    comission: p.comission,
    total: p.total,
    refunded_amount: 0,
    error_code: p.errorCode,
    error_message: p.errorMessage,
    details: p.details
      ? {
          card_holder: p.details.card_holder,
          card_number: p.details.card_number,
          card_expiry: p.details.card_expiry,
          card_cvv: "***",
          card_association: p.details.card_association,
          customer_ip: p.details.customer_ip ?? null,
        }
      : null,
  };
}

/** The Order Schema's customer (10 fields). */
export function orderCustomerJson(cust: Customer | undefined) {
  if (!cust) return null;
  return {
    external_id: cust.external_id,
    firstname: cust.firstname,
    middlename: cust.middlename,
    lastname: cust.lastname,
    fullname: fullName(cust),
    email: cust.email,
    phone: cust.phone,
    gender: cust.gender,
    identity_number: cust.identity_number,
    birthdate: cust.birthdate,
  };
}

/** Order Schema (minted-api.md Part 2 §9.3). */
export function partnerOrderJson(ctx: SandboxContext, o: PartnerOrder) {
  return {
    guid: o.guid,
    order_code: o.order_code,
    external_id: o.external_id,
    type: o.type,
    price: o.price,
    tax: o.tax,
    total: o.total,
    payment_cost: o.payment_cost,
    currency_code: o.currency,
    status_name: STATUS_NAME[currentStatus(o.statuses)] ?? "Pending",
    items: o.items.map((i) => ({ ...i })),
    customer: orderCustomerJson(ctx.state.customers.get(o.customer)),
    payment_type: o.payment_type,
    payment: o.payment ? partnerPaymentJson(o.payment, o.external_id) : null,
    delivery: null,
    address: null,
    description: o.description,
    order_at: partnerDate(o.orderAt),
  };
}

/** `YYYY-MM-DD HH:MM:SS`, Istanbul time (Order Response `order_at`). */
export function dateTimeIstanbul(ms: number): string {
  return new Date(ms + 3 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** Order Response (§9.5): the created order wrapped with its arrays and totals. */
export function orderResponseJson(ctx: SandboxContext, o: PartnerOrder) {
  return {
    order_code: [o.order_code],
    guid: [o.guid],
    price: o.price,
    tax: o.tax,
    total: o.total,
    order_at: dateTimeIstanbul(o.orderAt),
    // The Buy example (api-3769742) adds the currency conversion to each order (inferred:
    // `currency_total` is the total in TRY at the order's rate).
    orders: [
      {
        ...partnerOrderJson(ctx, o),
        currency_rate: o.currencyRate,
        currency_total: round2(o.total * o.currencyRate),
      },
    ],
    ...(o.payment ? { payment: partnerPaymentJson(o.payment, o.external_id) } : {}),
  };
}

/** Get Order: by external id first, then order code, then guid. */
export function findPartnerOrder(ctx: SandboxContext, key: string): PartnerOrder | undefined {
  const orders = [...ctx.state.partnerOrders.values()];
  return (
    orders.find((o) => o.external_id === key) ??
    ctx.state.partnerOrders.get(key) ??
    orders.find((o) => o.guid === key.toUpperCase())
  );
}
