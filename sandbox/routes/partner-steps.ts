import type { z } from "zod";
import type { SandboxContext, SandboxCtx } from "../context.ts";
import { personCustomer, personSchema } from "../domain/customer-input.ts";
import { DIGITAL_BY_SKU, type OrderLine } from "../domain/partner-order.ts";
import { round2, round4 } from "../domain/rounding.ts";
import type { Customer, PriceFix } from "../domain/state.ts";
import { fail, invalid, laravelErrors, langOf, parseInput } from "../http/http.ts";
import { pass, stop, type Outcome } from "../http/outcome.ts";
import type { BuyInput, Item } from "../wire/partner-input.ts";

/** The checks and wallet moves of the Digital buy and sell rows (routes/partner.ts). */

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

export function checkFixCustomer(c: SandboxCtx, fix: PriceFix, customer: string): Outcome<true> {
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
export function priceLines(
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
export function buyCustomer(
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
export function sellCustomer(
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
export function checkMetal(
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

export function moveMetal(
  ctx: SandboxContext,
  customer: string,
  lines: OrderLine[],
  sign: 1 | -1,
): void {
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
export async function openOrder<T extends OrderBase>(
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
