import { handle, pathParam } from "../operations.ts";
import { z } from "zod";
import type { SandboxApp, SandboxContext, SandboxCtx } from "../context.ts";
import {
  customerId,
  fail,
  invalid,
  laravelErrors,
  langOf,
  notFound,
  num,
  ok,
  parseInput,
  rule,
  bool,
} from "../http/http.ts";
import { findInvoice } from "../wire/invoice.ts";
import { STATUS_NAME } from "../domain/order-status.ts";
import { pass, stop, type Outcome } from "../http/outcome.ts";
import {
  DIGITAL_BY_SKU,
  PRICEFIX_CURRENCIES,
  cardPayment,
  createPartnerOrder,
  createPriceFix,
  findPartnerOrder,
  orderResponseJson,
  partnerOrderJson,
  priceFixJson,
  type OrderLine,
} from "../domain/partner-order.ts";
import { round2, round4 } from "../domain/rounding.ts";
import { fullName, type Customer, type PriceFix } from "../domain/state.ts";
import { personCustomer, personSchema } from "../domain/customer-input.ts";
import { CURRENCY_META } from "../wire/customer.ts";

const grams = () =>
  num().pipe(
    z
      .number()
      .positive()
      .refine(
        ...rule(
          (v: number) => Math.abs(round4(v) - v) < 1e-9,
          "Miktar en fazla 4 ondalık basamak içerebilir.",
          "The amount field must not have more than 4 decimal places.",
        ),
      ),
  );

const pricefixSchema = z
  .object({
    type: z.enum(["digital"]),
    customer_external_id: customerId().optional(),
    currency: z.enum(PRICEFIX_CURRENCIES).optional(),
    total: num().pipe(z.number().positive()).optional(),
  })
  .superRefine((v, issue) => {
    if (v.total !== undefined && v.customer_external_id === undefined)
      issue.addIssue({
        code: "custom",
        path: ["customer_external_id"],
        params: {
          tr: "total varken customer external id alanı gereklidir.",
          en: "The customer external id field is required when total is present.",
        },
      });
  });

const orderCustomer = z.object({
  external_id: customerId(),
  identity_number: z.string().min(3).max(20),
  firstname: z.string().min(1).max(120),
  middlename: z.string().max(40).nullable().optional(),
  lastname: z.string().min(1).max(40),
  email: z.string().min(3).max(254),
  phone: z.string().min(5).max(30),
  gender: z.enum(["M", "F"]).optional(),
  birthdate: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2}|\d{2}-\d{2}-\d{4})$/)
    .optional(),
});

const orderFields = {
  price_token: z.string().min(1).max(64),
  currency_code: z.enum(PRICEFIX_CURRENCIES).optional(),
  external_id: z.string().trim().min(1).max(110),
};

const buySchema = z
  .object({
    ...orderFields,
    customer: orderCustomer,
    items: z
      .array(z.object({ sku: z.string().min(1).max(16), amount: grams().optional() }))
      .min(1)
      .max(10),
    payment_type: z.enum(["creditcard"]).optional(),
    payment: z
      .object({
        card_token: z.string().min(8).max(128),
        card_cvv: z.string().regex(/^\d{3,4}$/),
        customer_ip: z.union([z.ipv4(), z.ipv6()]),
      })
      .optional(),
  })
  .superRefine((v, issue) => {
    if (v.payment_type === "creditcard" && !v.payment)
      issue.addIssue({
        code: "custom",
        path: ["payment"],
        params: {
          tr: "Kartla ödemede payment alanı gereklidir.",
          en: "The payment field is required when payment type is creditcard.",
        },
      });
  });

const sellSchema = z.object({
  ...orderFields,
  customer: orderCustomer.partial().extend({ external_id: customerId() }).optional(),
  items: z
    .array(z.object({ sku: z.string().min(1).max(16), amount: grams() }))
    .min(1)
    .max(10),
});

type BuyInput = z.output<typeof buySchema>;
type Item = { sku: string; amount?: number | undefined };

const getOrderSchema = z
  .object({
    guid: z.string().min(1).max(64).optional(),
    order_code: z.string().min(1).max(32).optional(),
    external_id: z.string().min(1).max(110).optional(),
    push_hook: bool().optional(),
  })
  .refine((v) => v.guid ?? v.order_code ?? v.external_id, {
    path: ["guid"],
    params: {
      tr: "guid, order_code ya da external_id alanlarından biri gereklidir.",
      en: "One of the guid, order_code or external_id fields is required.",
    },
  });

/** The price fix named by the order: known, unexpired, in the requested currency. */
function checkFix(
  c: SandboxCtx,
  ctx: SandboxContext,
  d: { price_token: string; currency_code?: string | undefined },
): Outcome<PriceFix> {
  const fix = ctx.state.priceFixes.get(d.price_token);
  if (!fix || ctx.clock.now() > fix.expiresAt)
    return stop(
      invalid(
        c,
        "price_token",
        "Fiyat sabitleme geçersiz ya da süresi dolmuş.",
        "The price token is invalid or has expired.",
      ),
    );
  if (d.currency_code !== undefined && d.currency_code !== fix.currency)
    return stop(
      invalid(
        c,
        "currency_code",
        "Para birimi fiyat sabitlemesiyle aynı olmalıdır.",
        "The currency code must match the price fix currency.",
      ),
    );
  return pass(fix);
}

function checkFixCustomer(c: SandboxCtx, fix: PriceFix, customer: string): Outcome<true> {
  if (fix.customer === null || fix.customer === customer) return pass(true);
  return stop(
    invalid(
      c,
      "price_token",
      "Fiyat sabitleme başka bir müşteriye ait.",
      "The price token was issued for another customer.",
    ),
  );
}

/** Price the items at the fix: buy at `buy_price`, sell at `sell_price`. */
function priceLines(
  c: SandboxCtx,
  fix: PriceFix,
  items: readonly Item[],
  side: "buy" | "sell",
): Outcome<OrderLine[]> {
  if (fix.isTotal && side === "buy" && items.length !== 1)
    return stop(
      invalid(
        c,
        "items",
        "Tutar üzerinden sabitlemede tek kalem alınabilir.",
        "A total-price fix buys exactly one item.",
      ),
    );
  const lines: OrderLine[] = [];
  for (const [i, item] of items.entries()) {
    const sku = DIGITAL_BY_SKU.get(item.sku);
    const fixed = fix.lines.find((l) => l.sku === item.sku);
    if (!sku?.wallet || !fixed)
      return stop(
        invalid(c, `items.${i}.sku`, "Seçilen sku geçersiz.", "The selected sku is invalid."),
      );
    const price = side === "buy" ? fixed.buy_price : fixed.sell_price;
    if (fix.isTotal && side === "buy" && fix.total !== null && fixed.buy_amount !== null) {
      lines.push({ sku, price, spot: fixed.spot_price, grams: fixed.buy_amount, total: fix.total });
      continue;
    }
    if (item.amount === undefined)
      return stop(
        invalid(
          c,
          `items.${i}.amount`,
          "amount alanı gereklidir.",
          "The amount field is required.",
        ),
      );
    const total = round2(price * item.amount);
    lines.push({ sku, price, spot: fixed.spot_price, grams: item.amount, total });
  }
  return pass(lines);
}

function normalizeBirthdate(v: string | undefined): string | undefined {
  const m = v === undefined ? null : /^(\d{2})-(\d{2})-(\d{4})$/.exec(v);
  return m ? `${m[3] ?? ""}-${m[2] ?? ""}-${m[1] ?? ""}` : v;
}

/** The buyer: an existing customer (identity must match) or a new one built from the object. */
function buyCustomer(
  c: SandboxCtx,
  ctx: SandboxContext,
  input: BuyInput["customer"],
): Outcome<{ customer: Customer; isNew: boolean }> {
  const existing = ctx.state.customers.get(input.external_id);
  if (existing) {
    if (existing.identity_number !== input.identity_number)
      return stop(
        invalid(
          c,
          "customer.identity_number",
          "Kimlik numarası müşteriyle eşleşmiyor.",
          "The identity number does not match the customer.",
        ),
      );
    return pass({ customer: existing, isNew: false });
  }
  const parsed = personSchema.safeParse(
    { ...input, birthdate: normalizeBirthdate(input.birthdate) },
    { reportInput: true },
  );
  if (!parsed.success) {
    const errors = Object.fromEntries(
      Object.entries(laravelErrors(parsed.error, langOf(c))).map(([k, v]) => [`customer.${k}`, v]),
    );
    return stop(fail(c, 422, "Parameter Error (New Customer)", errors));
  }
  return pass({ customer: personCustomer(parsed.data, ctx.clock.now()), isNew: true });
}

/** The seller: named by the customer object or by the fix; must exist (and match). */
function sellCustomer(
  c: SandboxCtx,
  ctx: SandboxContext,
  fix: PriceFix,
  input: { external_id: string; identity_number?: string | undefined } | undefined,
): Outcome<Customer> {
  const id = input?.external_id ?? fix.customer;
  const customer = id === null ? undefined : ctx.state.customers.get(id);
  if (!customer)
    return stop(
      invalid(
        c,
        "customer.external_id",
        "Seçilen müşteri geçersiz.",
        "The selected customer external id is invalid.",
      ),
    );
  if (input?.identity_number !== undefined && input.identity_number !== customer.identity_number)
    return stop(
      invalid(
        c,
        "customer.identity_number",
        "Kimlik numarası müşteriyle eşleşmiyor.",
        "The identity number does not match the customer.",
      ),
    );
  return pass(customer);
}

/** 422 on the first item whose metal the wallet cannot cover. */
function checkMetal(
  c: SandboxCtx,
  ctx: SandboxContext,
  customer: string,
  lines: OrderLine[],
): Outcome<true> {
  const needed = new Map<string, number>();
  for (const [i, line] of lines.entries()) {
    if (!line.sku.wallet) continue;
    const wallet = ctx.state.walletLine(customer, line.sku.wallet);
    const total = round4((needed.get(line.sku.wallet) ?? 0) + line.grams);
    needed.set(line.sku.wallet, total);
    const available = round4(wallet.balance - wallet.blocked);
    if (total > available)
      return stop(
        invalid(
          c,
          `items.${i}.amount`,
          `Yetersiz bakiye: kullanılabilir ${available} gr.`,
          `Insufficient balance: ${available} g available.`,
        ),
      );
  }
  return pass(true);
}

function moveMetal(ctx: SandboxContext, customer: string, lines: OrderLine[], sign: 1 | -1): void {
  const now = ctx.clock.now();
  for (const line of lines) {
    if (!line.sku.wallet) continue;
    const wallet = ctx.state.walletLine(customer, line.sku.wallet);
    wallet.balance = round4(wallet.balance + sign * line.grams);
    if (sign > 0) wallet.bought = round4(wallet.bought + line.grams);
    else wallet.sold = round4(wallet.sold + line.grams);
    wallet.updatedAt = now;
  }
}

interface OrderBase {
  price_token: string;
  currency_code?: string | undefined;
  external_id: string;
}

/** What buy and sell check first: the body, an unused external id and a live price fix. */
async function openOrder<T extends OrderBase>(
  c: SandboxCtx,
  ctx: SandboxContext,
  schema: z.ZodType<T>,
): Promise<Outcome<{ d: T; fix: PriceFix }>> {
  const input = await parseInput(c, schema);
  if (!input.ok) return input;
  const d = input.data;
  if (ctx.state.externalIds.has(d.external_id))
    return stop(
      invalid(
        c,
        "external_id",
        "external id daha önce kullanılmış.",
        "The external id has already been taken.",
      ),
    );
  const fix = checkFix(c, ctx, d);
  return fix.ok ? pass({ d, fix: fix.value }) : fix;
}

function balanceJson(ctx: SandboxContext, customer: string, lang: "tr" | "en") {
  return ctx.state.wallet(customer).map((w) => {
    const meta = CURRENCY_META[w.code];
    const quote = w.code === "TRY" ? { bid: 1, ask: 1 } : ctx.prices.quote(w.code);
    return {
      customer_external_id: customer,
      name: meta.name[lang],
      currency_id: meta.currency_id,
      currency_symbol: meta.symbol,
      currency_code: w.code,
      is_cash: meta.is_cash,
      balance: w.balance,
      blocked: w.blocked,
      real_balance: round4(w.balance - w.blocked),
      soft_blocked_amount: 0,
      stats: { bought: w.bought, sold: w.sold },
      prices: { bid: quote.bid, ask: quote.ask, currency: "TRY" },
    };
  });
}

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
    const payment = d.payment ? cardPayment(ctx, d.payment, fullName(customer), amount) : null;
    moveMetal(ctx, customer.external_id, lines.value, 1);
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
