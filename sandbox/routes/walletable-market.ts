import { handle } from "../operations.ts";
import { z } from "zod";
import type { SandboxApp, SandboxContext } from "../context.ts";
import { PRODUCT_BY_SKU, PRODUCTS, fineGrams } from "../domain/catalog.ts";
import { type Metal } from "../domain/categories.ts";
import {
  bool,
  csv,
  customerId,
  langOf,
  notFound,
  ok,
  parseInput,
  type Lang,
} from "../http/http.ts";
import { FX_CODES, SPOT_SYMBOLS } from "../domain/prices.ts";
import { unitPrice } from "../domain/pricing.ts";
import { round2, round4 } from "../domain/rounding.ts";
import { METAL_WALLET_CODE } from "../domain/state.ts";
import { productImages } from "../wire/catalog.ts";

const METALS = ["gold", "silver", "platinum"] as const;

const balanceSchema = z.object({
  external_customer_id: customerId(),
  metal_type: csv(z.enum(METALS)).optional(),
  is_deliverable: bool().optional(),
});

const historySchema = z.object({
  sku: z.enum([...SPOT_SYMBOLS, ...FX_CODES]),
  period: z.enum(["1d", "1w", "1m", "1y"]),
});

interface WalletHolding {
  productName: string;
  sku: string;
  images: string[];
  metal: Metal;
  quantity: number;
  grams: number;
  value: number;
  currencyCode: "TRY";
  isDeliverable: boolean;
}

/** Vault products (deliverable) and digital metal balances (not deliverable), valued at the bid. */
function walletHoldings(ctx: SandboxContext, customer: string, lang: Lang): WalletHolding[] {
  const physical = (ctx.state.holdings.get(customer) ?? []).flatMap((h): WalletHolding[] => {
    const p = PRODUCT_BY_SKU.get(h.sku);
    if (!p) return [];
    return [
      {
        productName: p.name[lang],
        sku: p.sku,
        images: productImages(ctx, p),
        metal: p.metal,
        quantity: h.quantity,
        grams: round4(fineGrams(p) * h.quantity),
        value: round2(unitPrice(p, ctx.prices).bid * h.quantity),
        currencyCode: "TRY",
        isDeliverable: true,
      },
    ];
  });
  const digital = METALS.flatMap((metal): WalletHolding[] => {
    const code = METAL_WALLET_CODE[metal];
    const p = PRODUCT_BY_SKU.get(code);
    const grams = ctx.state.walletLine(customer, code).balance;
    if (!p || grams <= 0) return [];
    return [
      {
        productName: p.name[lang],
        sku: code,
        images: productImages(ctx, p),
        metal,
        quantity: grams,
        grams,
        value: round2(ctx.prices.quote(code).bid * grams),
        currencyCode: "TRY",
        isDeliverable: false,
      },
    ];
  });
  return [...physical, ...digital];
}

/** Walletable catalogue, balance, currency rates and rate history. */
export function registerWalletableMarket(app: SandboxApp, ctx: SandboxContext): void {
  handle(app, "walletProducts", (c) => {
    const lang = langOf(c);
    return ok(
      c,
      PRODUCTS.filter((p) => p.type !== "digital").map((p) => ({
        id: p.id,
        sku: p.sku,
        name: p.name[lang],
        metal: p.metal,
        weight: p.weight,
        purity: p.purity,
        images: productImages(ctx, p),
        price: unitPrice(p, ctx.prices).price,
      })),
    );
  });

  handle(app, "walletBalance", async (c) => {
    const input = await parseInput(c, balanceSchema);
    if (!input.ok) return input.response;
    const q = input.data;
    if (!ctx.state.customers.has(q.external_customer_id))
      return notFound(c, { tr: "Müşteri", en: "Customer" });
    const list = walletHoldings(ctx, q.external_customer_id, langOf(c)).filter(
      (h) =>
        (q.metal_type === undefined || q.metal_type.includes(h.metal)) &&
        (q.is_deliverable === undefined || q.is_deliverable === h.isDeliverable),
    );
    return ok(c, list);
  });

  handle(app, "currencyRates", (c) => {
    const usd = ctx.prices.quote("USD");
    return ok(c, [
      { code: "TRY", rate: 1, updated_at: new Date(usd.updatedAt).toISOString() },
      ...FX_CODES.map((code) => {
        const quote = ctx.prices.quote(code);
        return { code, rate: quote.mid, updated_at: new Date(quote.updatedAt).toISOString() };
      }),
    ]);
  });

  handle(app, "rateHistory", async (c) => {
    const input = await parseInput(c, historySchema);
    if (!input.ok) return input.response;
    return ok(c, ctx.prices.history(input.data.sku, input.data.period));
  });
}
