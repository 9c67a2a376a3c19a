import type { SandboxContext } from "../context.ts";
import { round4 } from "../domain/rounding.ts";
import { fullName, type Address, type Customer } from "../domain/state.ts";

/** Customer wire formats: Customer, Customer with wallets, Address, and the wallet currencies. */

export const CURRENCY_META = {
  TRY: {
    currency_id: 1000001,
    name: { tr: "Türk Lirası", en: "Turkish Lira" },
    symbol: "₺",
    is_cash: true,
  },
  GAU: {
    currency_id: 1000004,
    name: { tr: "Gram Altın", en: "Gram Gold" },
    symbol: "gr",
    is_cash: false,
  },
  GAG: {
    currency_id: 1000005,
    name: { tr: "Gram Gümüş", en: "Gram Silver" },
    symbol: "gr",
    is_cash: false,
  },
  GPT: {
    currency_id: 1000017,
    name: { tr: "Gram Platin", en: "Gram Platinum" },
    symbol: "gr",
    is_cash: false,
  },
} as const;

export function customerJson(cust: Customer) {
  return {
    external_id: cust.external_id,
    firstname: cust.firstname,
    middlename: cust.middlename ?? "",
    lastname: cust.lastname ?? "",
    fullname: fullName(cust),
    email: cust.email,
    phone: cust.phone,
    gender: cust.gender,
    identity_number: cust.identity_number,
    tax_office: cust.tax_office,
    birthdate: cust.birthdate,
    account_type: cust.account_type,
  };
}

export function customerWithWallets(ctx: SandboxContext, cust: Customer, lang: "tr" | "en") {
  return {
    ...customerJson(cust),
    wallets: ctx.state.wallet(cust.external_id).map((w) => ({
      id: w.id,
      customer_external_id: cust.external_id,
      currency_id: CURRENCY_META[w.code].currency_id,
      currency_code: w.code,
      currency_name: CURRENCY_META[w.code].name[lang],
      is_cash: CURRENCY_META[w.code].is_cash,
      balance: w.balance,
      blocked: w.blocked,
      real_balance: round4(w.balance - w.blocked),
      updated_at: new Date(w.updatedAt || cust.createdAt).toISOString(),
    })),
  };
}

export function addressJson(a: Address) {
  return {
    id: a.id,
    external_customer_id: a.customer,
    type: a.type,
    invoice_type: a.invoice_type,
    company_name: a.company_name,
    tax_office: a.tax_office,
    tax_number: a.tax_number,
    fullname: a.fullname,
    phone: a.phone,
    email: a.email,
    city: a.city,
    county: a.county,
    district: a.district,
    street: a.street,
    zipcode: a.zipcode,
    address: a.address,
    created_at: new Date(a.createdAt).toISOString(),
  };
}

/** Customer Balance: one line per wallet currency, priced in TRY. */
export function balanceJson(ctx: SandboxContext, customer: string, lang: "tr" | "en") {
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
