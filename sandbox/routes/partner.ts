import { handle, pathParam } from "../operations.ts";
import type { SandboxApp, SandboxContext } from "../context.ts";
import { invalid, langOf, notFound, ok, parseInput } from "../http/http.ts";
import { findInvoice } from "../wire/invoice.ts";
import { STATUS_NAME } from "../domain/order-status.ts";
import {
  cardPayment,
  createPartnerOrder,
  createPriceFix,
  findPartnerOrder,
  orderResponseJson,
  partnerOrderJson,
  priceFixJson,
} from "../domain/partner-order.ts";
import { round2 } from "../domain/rounding.ts";
import { fullName } from "../domain/state.ts";
import { balanceJson } from "../wire/customer.ts";
import { buySchema, getOrderSchema, pricefixSchema, sellSchema } from "../wire/partner-input.ts";
import {
  buyCustomer,
  checkFixCustomer,
  checkMetal,
  moveMetal,
  openOrder,
  priceLines,
  sellCustomer,
} from "./partner-steps.ts";

export function registerPartner(app: SandboxApp, ctx: SandboxContext): void {
  handle(app, "priceFix", async (c) => {
    const input = await parseInput(c, pricefixSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const fix = createPriceFix(
      ctx,
      d.customer_external_id ?? null,
      d.currency ?? "GBP",
      d.total ?? null,
    );
    return ok(c, priceFixJson(fix));
  });

  handle(app, "digitalBuy", async (c) => {
    const opened = await openOrder(c, ctx, buySchema);
    if (!opened.ok) return opened.response;
    const { d, fix } = opened.value;
    const owner = checkFixCustomer(c, fix, d.customer.external_id);
    if (!owner.ok) return owner.response;
    const buyer = buyCustomer(c, ctx, d.customer);
    if (!buyer.ok) return buyer.response;
    const lines = priceLines(c, fix, d.items, "buy");
    if (!lines.ok) return lines.response;
    const { customer, isNew } = buyer.value;
    if (isNew) ctx.state.customers.set(customer.external_id, customer);
    const amount = round2(lines.value.reduce((s, l) => s + l.total, 0));
    // Without a card the buy is paid from the customer's cash line, as the documented Get Order
    // example's `payment_type: "cash"` with `payment: null` shows (inferred: the docs do not say
    // in words that the cash balance is debited, nor what a short balance answers).
    const cash = d.payment ? null : ctx.state.walletLine(customer.external_id, "TRY");
    const due = round2(amount * ctx.prices.rate(fix.currency));
    if (cash && round2(cash.balance - cash.blocked) < due)
      return invalid(c, "balance", "Yetersiz TL bakiyesi.", "Insufficient TRY balance.");
    const payment = d.payment ? cardPayment(ctx, d.payment, fullName(customer), amount) : null;
    moveMetal(ctx, customer.external_id, lines.value, 1);
    if (cash) {
      cash.balance = round2(cash.balance - due);
      cash.updatedAt = ctx.clock.now();
    }
    const order = createPartnerOrder(ctx, {
      type: "Buy",
      externalId: d.external_id,
      customer: customer.external_id,
      currency: fix.currency,
      lines: lines.value,
      payment,
      lang: langOf(c),
    });
    return ok(c, orderResponseJson(ctx, order));
  });

  handle(app, "digitalSell", async (c) => {
    const opened = await openOrder(c, ctx, sellSchema);
    if (!opened.ok) return opened.response;
    const { d, fix } = opened.value;
    const seller = sellCustomer(c, ctx, fix, d.customer);
    if (!seller.ok) return seller.response;
    const customer = seller.value.external_id;
    const owner = checkFixCustomer(c, fix, customer);
    if (!owner.ok) return owner.response;
    const lines = priceLines(c, fix, d.items, "sell");
    if (!lines.ok) return lines.response;
    const enough = checkMetal(c, ctx, customer, lines.value);
    if (!enough.ok) return enough.response;
    moveMetal(ctx, customer, lines.value, -1);
    const order = createPartnerOrder(ctx, {
      type: "Sell",
      externalId: d.external_id,
      customer,
      currency: fix.currency,
      lines: lines.value,
      payment: null,
      lang: langOf(c),
    });
    const cash = ctx.state.walletLine(customer, "TRY");
    cash.balance = round2(cash.balance + order.total * order.currencyRate);
    cash.updatedAt = ctx.clock.now();
    return ok(c, orderResponseJson(ctx, order));
  });

  handle(app, "orderStatuses", (c) =>
    ok(
      c,
      Object.entries(STATUS_NAME).map(([id, name]) => ({ id: Number(id), name })),
    ),
  );

  handle(app, "orderInvoice", (c) => {
    const invoice = findInvoice(ctx, pathParam(c, "external_order_id"), langOf(c));
    if (!invoice) return notFound(c, { tr: "Sipariş", en: "Order" });
    return ok(c, invoice);
  });

  handle(app, "orderGet", (c) => {
    const order = findPartnerOrder(ctx, pathParam(c, "external_order_id"));
    if (!order) return notFound(c, { tr: "Sipariş", en: "Order" });
    return ok(c, partnerOrderJson(ctx, order));
  });

  handle(app, "orderFind", async (c) => {
    const input = await parseInput(c, getOrderSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const orders = [...ctx.state.partnerOrders.values()];
    const order = orders.find(
      (o) =>
        (d.guid === undefined || o.guid === d.guid.toUpperCase()) &&
        (d.order_code === undefined || o.order_code === d.order_code) &&
        (d.external_id === undefined || o.external_id === d.external_id),
    );
    if (!order) return notFound(c, { tr: "Sipariş", en: "Order" });
    return ok(c, partnerOrderJson(ctx, order));
  });

  handle(app, "customerBalance", (c) => {
    const id = pathParam(c, "external_customer_id");
    if (!ctx.state.customers.has(id)) return notFound(c, { tr: "Müşteri", en: "Customer" });
    return ok(c, balanceJson(ctx, id, langOf(c)));
  });
}
