import type { Context } from "hono";
import type { SandboxContext } from "../context.ts";
import {
  confirmPayment,
  inDateRange,
  limitMessage,
  moveStock,
  syncBasket,
  type CompleteRequest,
} from "../domain/ecom-order.ts";
import {
  computeTotals,
  hasPhysical,
  installmentRate,
  productOf,
  totalsOf,
} from "../domain/ecom-totals.ts";
import { currentStatus, STATUS } from "../domain/order-status.ts";
import { token } from "../domain/random.ts";
import { round2 } from "../domain/rounding.ts";
import type { Customer, EcomBasket } from "../domain/state.ts";
import { forbidden, invalid, langOf, notFound, paginate } from "../http/http.ts";
import { pass, stop, type Outcome } from "../http/outcome.ts";
import type { OrdersQuery } from "../wire/ecom-input.ts";
import { ecomOrderJson, orderResponse } from "../wire/ecom-order.ts";

/**
 * The E-Commerce steps the Digest and Webview routes share: finding the customer's basket
 * (404/403/422), completing it, and the Get Orders page.
 */

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
