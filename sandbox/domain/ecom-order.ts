/**
 * The life of an E-Commerce record (basket → order → paid → shipped), shared by the Digest
 * routes (routes/ecom.ts), the Embedded Webview routes (routes/webview.ts) and the 3-D Secure
 * page. Its money is in ecom-totals.ts, its JSON in wire/ecom-order.ts.
 */
import { MAX_UNITS_PER_SKU } from "../../contract/basket.ts";
import { newFix, refreshFix } from "./basket-fix.ts";
import type { ProductDef } from "./catalog.ts";
import { dateIstanbul } from "./clock.ts";
import type { SandboxContext } from "../context.ts";
import { hasPhysical, installmentRate, isPhysical, rowsOf } from "./ecom-totals.ts";
import { STATUS, progressStatuses } from "./order-status.ts";
import { token, upperGuid } from "./random.ts";
import { round4, roundQty } from "./rounding.ts";
import { METAL_WALLET_CODE, type CardDetails, type EcomBasket } from "./state.ts";

/** The error code of a payment whose 3-D Secure page expired unanswered. */
export const PAYMENT_TIMEOUT_CODE = "timeout";

/** A 3-D Secure payment page lives this long on the sandbox clock. */
const PAYMENT_TTL_MS = 15 * 60_000;
const TRANSIT_DAYS = 2;

export type PaymentType = "creditcard" | "cash";

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
  if (isPhysical(product) && qty > MAX_UNITS_PER_SKU)
    return {
      tr: `Bir üründen sepete en fazla ${MAX_UNITS_PER_SKU} adet eklenebilir.`,
      en: `At most ${MAX_UNITS_PER_SKU} units of one product can be in a basket.`,
    };
  const available = ctx.state.stock.get(product.sku) ?? 0;
  if (qty > available)
    return {
      tr: `Yeterli stok yok: ${product.name.tr} için mevcut stok ${available}.`,
      en: `Not enough stock: only ${available} of ${product.name.en} available.`,
    };
  return null;
}

export function moveStock(ctx: SandboxContext, b: EcomBasket, sign: 1 | -1): void {
  for (const [sku, qty] of b.items) {
    const left = (ctx.state.stock.get(sku) ?? 0) + sign * qty;
    ctx.state.stock.set(sku, roundQty(left));
  }
}

export interface CompleteRequest {
  payment_type: PaymentType;
  installment?: number | undefined;
  return_url?: string | undefined;
  external_id?: string | undefined;
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
    line.balance = round4(line.balance + r.amount);
    line.bought = round4(line.bought + r.amount);
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

/** Whether `ms` falls on a day (Istanbul) between the optional bounds. */
export function inDateRange(ms: number, startDate?: string, endDate?: string): boolean {
  const day = dateIstanbul(ms);
  return (startDate === undefined || day >= startDate) && (endDate === undefined || day <= endDate);
}
