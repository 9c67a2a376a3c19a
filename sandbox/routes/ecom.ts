import { handle } from "../operations.ts";
import type { Context } from "hono";
import { z } from "zod";
import type { SandboxApp, SandboxContext } from "../context.ts";
import { PRODUCT_BY_SKU, type ProductDef } from "../domain/catalog.ts";
import { addressSnapshots, cardBin, setAddressSchema } from "../domain/ecom-address.ts";
import {
  activeBasket,
  inDateRange,
  installmentOptionsOf,
  limitMessage,
  newBasket,
  syncBasket,
} from "../domain/ecom-order.ts";
import { isPhysical } from "../domain/ecom-totals.ts";
import { roundQty } from "../domain/rounding.ts";
import {
  cartToken,
  customerId,
  date,
  int,
  invalid,
  langOf,
  num,
  ok,
  paginate,
  parseInput,
  readInput,
  t,
  validate,
} from "../http/http.ts";
import { LEGAL_TYPES, legalDoc, legalTitle } from "../wire/legal-doc.ts";
import { legalHtml, legalParagraphs } from "../wire/legal-render.ts";
import { pass, type Outcome } from "../http/outcome.ts";
import { textPdf } from "../wire/pdf.ts";
import type { EcomBasket } from "../domain/state.ts";
import { completeFields, completeRules, dateOrder, ordersQuery } from "../wire/ecom-input.ts";
import { ecomOrderJson, orderResponse } from "../wire/ecom-order.ts";
import { basketOf, completeBasket, customerOf, openBasketOf, ordersPage } from "./ecom-steps.ts";
import { pageLang } from "./pay.ts";

/** E-Commerce Checkout and Legal rows of the endpoint map (Digest). */

const sku = () =>
  z
    .string()
    .min(1)
    .max(64)
    .transform((value, issue) => {
      const product = PRODUCT_BY_SKU.get(value);
      if (product) return product;
      issue.addIssue({
        code: "custom",
        params: { tr: "Seçilen ürün (sku) bulunamadı.", en: "The selected sku is invalid." },
      });
      return z.NEVER;
    });

/** Physical products are counted in whole units; digital ones in grams, to 3 decimals. */
function quantityRule(allowZero: boolean) {
  return (v: { sku: ProductDef; qty: number }, issue: z.RefinementCtx): void => {
    const physical = isPhysical(v.sku);
    const min = allowZero ? 0 : physical ? 1 : 0.001;
    const add = (tr: string, en: string) =>
      issue.addIssue({ code: "custom", path: ["qty"], params: { tr, en } });
    if (physical && !Number.isInteger(v.qty))
      add("qty tam sayı olmalıdır.", "The qty field must be an integer.");
    else if (Math.abs(v.qty * 1000 - Math.round(v.qty * 1000)) > 1e-6)
      add(
        "qty en fazla 3 ondalık basamak içerebilir.",
        "The qty field must not have more than 3 decimal places.",
      );
    else if (v.qty < min)
      add(`qty en az ${min} olmalıdır.`, `The qty field must be at least ${min}.`);
  };
}

const owner = { external_customer_id: customerId() };
const addSchema = z
  .object({ ...owner, cart_token: cartToken().optional(), sku: sku(), qty: num() })
  .superRefine(quantityRule(false));
const updateSchema = z
  .object({ ...owner, cart_token: cartToken(), sku: sku(), qty: num() })
  .superRefine(quantityRule(true));
const removeSchema = z.object({ ...owner, cart_token: cartToken(), sku: sku() });
const emptySchema = z.object({ ...owner, cart_token: cartToken() });

const basketsQuery = z
  .object({
    customer_external_id: customerId(),
    page: int().pipe(z.number().min(1)).default(1),
    total: int().pipe(z.number().min(1).max(100)).default(10),
    startDate: date().optional(),
    endDate: date().optional(),
    card_bin: cardBin().optional(),
  })
  .superRefine((v, issue) => {
    if ((v.startDate === undefined) !== (v.endDate === undefined))
      issue.addIssue({
        code: "custom",
        path: [v.startDate === undefined ? "startDate" : "endDate"],
        params: {
          tr: "startDate ve endDate birlikte kullanılmalıdır.",
          en: "The startDate and endDate fields must be used together.",
        },
      });
    dateOrder(v, issue);
  });

const getOrderSchema = z.object({ customer_external_id: customerId(), cart_token: cartToken() });
const legalSchema = z.object({ type: z.enum(LEGAL_TYPES), ...owner, cart_token: cartToken() });

export function registerEcom(app: SandboxApp, ctx: SandboxContext): void {
  const completeSchema = completeFields.extend(owner).superRefine(completeRules(ctx));

  /** Set one item's quantity (0 removes it) within the per-SKU maximum and the stock. */
  const setQuantity = (c: Context, b: EcomBasket, product: ProductDef, qty: number): Response => {
    const limit = limitMessage(ctx, product, qty);
    if (limit) return invalid(c, "qty", limit.tr, limit.en);
    if (qty === 0) b.items.delete(product.sku);
    else b.items.set(product.sku, qty);
    ctx.state.ecomBaskets.set(b.token, b);
    return orderResponse(c, ctx, b);
  };
  const notInBasket = (c: Context) =>
    invalid(c, "sku", "Bu ürün sepette yok.", "The selected sku is not in the basket.");
  const newBasketFor = (c: Context, customer: string): Outcome<EcomBasket> => {
    const found = customerOf(c, ctx, customer);
    return found.ok ? pass(newBasket(ctx, customer)) : found;
  };

  handle(app, "basketGet", async (c) => {
    const input = await parseInput(c, z.object(owner));
    if (!input.ok) return input.response;
    const customer = customerOf(c, ctx, input.data.external_customer_id);
    if (!customer.ok) return customer.response;
    return orderResponse(c, ctx, activeBasket(ctx, customer.value.external_id));
  });

  handle(app, "basketsIncomplete", async (c) => {
    const input = await parseInput(c, basketsQuery);
    if (!input.ok) return input.response;
    const q = input.data;
    const customer = customerOf(c, ctx, q.customer_external_id);
    if (!customer.ok) return customer.response;
    const open = ctx.state
      .customerBaskets(q.customer_external_id)
      .filter((b) => b.stage === "basket" && inDateRange(b.createdAt, q.startDate, q.endDate))
      .sort((a, b) => b.id - a.id);
    const page = paginate(open, q.page, q.total, `${ctx.publicUrl()}/partner/ecom/baskets`);
    const lang = langOf(c);
    for (const b of page.data) syncBasket(ctx, b);
    return ok(c, { ...page, data: page.data.map((b) => ecomOrderJson(ctx, b, lang)) });
  });

  handle(app, "basketAdd", async (c) => {
    const input = await parseInput(c, addSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const basket =
      d.cart_token === undefined
        ? newBasketFor(c, d.external_customer_id)
        : openBasketOf(c, ctx, d.external_customer_id, d.cart_token);
    if (!basket.ok) return basket.response;
    const current = basket.value.items.get(d.sku.sku) ?? 0;
    return setQuantity(c, basket.value, d.sku, roundQty(current + d.qty));
  });

  handle(app, "basketUpdate", async (c) => {
    const input = await parseInput(c, updateSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const basket = openBasketOf(c, ctx, d.external_customer_id, d.cart_token);
    if (!basket.ok) return basket.response;
    if (!basket.value.items.has(d.sku.sku)) return notInBasket(c);
    return setQuantity(c, basket.value, d.sku, d.qty);
  });

  handle(app, "basketRemove", async (c) => {
    const input = await parseInput(c, removeSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const basket = openBasketOf(c, ctx, d.external_customer_id, d.cart_token);
    if (!basket.ok) return basket.response;
    if (!basket.value.items.has(d.sku.sku)) return notInBasket(c);
    return setQuantity(c, basket.value, d.sku, 0);
  });

  handle(app, "basketClear", async (c) => {
    const input = await parseInput(c, emptySchema);
    if (!input.ok) return input.response;
    const basket = openBasketOf(c, ctx, input.data.external_customer_id, input.data.cart_token);
    if (!basket.ok) return basket.response;
    basket.value.items.clear();
    return orderResponse(c, ctx, basket.value);
  });

  handle(app, "basketSetAddress", async (c) => {
    const raw = await readInput(c);
    const input = validate(c, setAddressSchema(raw), raw);
    if (!input.ok) return input.response;
    const basket = openBasketOf(c, ctx, input.data.external_customer_id, input.data.cart_token);
    if (!basket.ok) return basket.response;
    const customer = customerOf(c, ctx, input.data.external_customer_id);
    if (!customer.ok) return customer.response;
    const addresses = addressSnapshots(c, ctx, customer.value, input.data);
    if (!addresses.ok) return addresses.response;
    basket.value.shipping = addresses.value.shipping;
    basket.value.billing = addresses.value.billing;
    return orderResponse(c, ctx, basket.value);
  });

  handle(app, "paymentTypes", (c) => {
    const lang = langOf(c);
    return ok(c, [
      {
        code: "creditcard",
        name: t(lang, "Kredi / banka kartı", "Credit / debit card"),
        installments: installmentOptionsOf(ctx),
      },
      { code: "cash", name: t(lang, "Cüzdan bakiyesi (TL)", "Wallet balance (TRY)") },
    ]);
  });

  handle(app, "basketComplete", async (c) => {
    const input = await parseInput(c, completeSchema);
    if (!input.ok) return input.response;
    const basket = openBasketOf(c, ctx, input.data.external_customer_id, input.data.cart_token);
    if (!basket.ok) return basket.response;
    return completeBasket(c, ctx, basket.value, input.data);
  });

  handle(app, "ecomOrderGet", async (c) => {
    const input = await parseInput(c, getOrderSchema);
    if (!input.ok) return input.response;
    const basket = basketOf(c, ctx, input.data.customer_external_id, input.data.cart_token);
    if (!basket.ok) return basket.response;
    return orderResponse(c, ctx, basket.value);
  });

  // Get Orders serves both groups on one path: with a Bearer token (Embedded Webview, §7.2) the
  // customer is the token's and `customer_external_id` is ignored; with Digest it is a filter.
  handle(app, ["ecomOrders", "webviewOrders"] as const, async (c) => {
    const input = await parseInput(c, ordersQuery);
    if (!input.ok) return input.response;
    const customer = c.get("bearerCustomer") ?? input.data.customer_external_id;
    return ok(c, ordersPage(c, ctx, input.data, customer));
  });

  handle(app, "legalTypes", (c) => {
    const lang = langOf(c);
    return ok(
      c,
      LEGAL_TYPES.map((type) => ({
        type,
        title: legalTitle(type, lang),
        version: ctx.config.legalVersion,
      })),
    );
  });

  handle(app, "legalDocument", async (c) => {
    const input = await parseInput(c, legalSchema);
    if (!input.ok) return input.response;
    const { type, external_customer_id, cart_token } = input.data;
    const basket = basketOf(c, ctx, external_customer_id, cart_token);
    if (!basket.ok) return basket.response;
    const b = basket.value;
    if (b.items.size === 0) return invalid(c, "cart_token", "Sepet boş.", "The basket is empty.");
    syncBasket(ctx, b);
    const lang = langOf(c);
    const doc = legalDoc(ctx, b, type, lang);
    const pdfUrl = `${ctx.publicUrl()}/legal/${type}/${b.token}.pdf${lang === "en" ? "?lang=en" : ""}`;
    return ok(c, {
      type,
      version: ctx.config.legalVersion,
      title: doc.title,
      html: legalHtml(doc),
      pdf_url: pdfUrl,
    });
  });

  // The PDF link works like a CDN link: no auth, the 32-character cart token is the secret.
  app.get("/legal/:type/:file", (c) => {
    const type = LEGAL_TYPES.find((x) => x === c.req.param("type"));
    const token = /^([A-Za-z0-9]{32})\.pdf$/.exec(c.req.param("file"))?.[1];
    const b = token === undefined ? undefined : ctx.state.ecomBaskets.get(token);
    if (!type || !b || b.items.size === 0) return c.text("Not Found", 404);
    syncBasket(ctx, b);
    const doc = legalDoc(ctx, b, type, pageLang(c));
    c.header("Content-Type", "application/pdf");
    c.header("Content-Disposition", `inline; filename="${type}-${b.increment_id}.pdf"`);
    c.header("Cache-Control", "private, no-store");
    c.header("X-Content-Type-Options", "nosniff");
    return c.body(textPdf(doc.title, legalParagraphs(doc), new Date(ctx.clock.now())));
  });
}
