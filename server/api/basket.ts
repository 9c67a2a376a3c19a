import * as ops from "../../contract/api/basket.ts";
import type { Context } from "hono";
import { EMPTY_BASKET, MAX_GUEST_LINES, type Basket } from "../../contract/basket.ts";
import type { AppDeps, AppEnv, Session } from "../deps.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { type UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import { basketView, checkQuantity, guestBasketView } from "./basket-views.ts";
import { catalogSourceFor, type CatalogEntry, type CatalogSource } from "./catalog-source.ts";
import { changeOnce, changeKeyOf, targetOf, unconfirmedChange } from "./basket-changes.ts";
import { handle, type RouteSpec } from "./registry.ts";
import { withOurFieldNames } from "./upstream-refusals.ts";
import type { InputOf } from "../../minted/operations.ts";

/**
 * The physical-products basket. A customer's basket lives upstream (the proxy finds the
 * session customer's active basket itself; cart tokens never reach the browser). A guest's
 * basket lives in the encrypted session and is priced from the catalog until the identity form
 * creates the customer and moves it upstream.
 */

export const BASKET_ERRORS = [
  "validation_failed",
  "unauthenticated",
  "upstream_unavailable",
] as const;

/** The app's one catalog source (and cache), shared with the catalog routes. */
export function catalogOf(deps: AppDeps): CatalogSource {
  return catalogSourceFor(deps);
}

export async function catalogMap(
  deps: AppDeps,
  c: Context<AppEnv>,
): Promise<ReadonlyMap<string, CatalogEntry>> {
  const entries = await catalogOf(deps).products(c.var.lang);
  return new Map(entries.map((e) => [e.product.sku, e]));
}

/** The session customer's active basket (Minted re-fixes an expired price on this read). */
export async function activeBasket(
  deps: AppDeps,
  customer: string,
): Promise<UpstreamEcomOrder | null> {
  return deps.upstream.call({
    op: "basketGet",
    query: { external_customer_id: customer },
  });
}

/** The active basket with at least one item, or 422 `basket`. */
export async function filledBasket(
  deps: AppDeps,
  c: Context<AppEnv>,
  customer: string,
): Promise<UpstreamEcomOrder> {
  const order = await activeBasket(deps, customer);
  if (order && order.items.length > 0) return order;
  const { lang } = c.var;
  throw new ApiError("validation_failed", {
    errors: { basket: [t(lang, "Sepetiniz boş.", "Your basket is empty.")] },
  });
}

export async function customerBasketView(
  deps: AppDeps,
  c: Context<AppEnv>,
  order: UpstreamEcomOrder | null,
): Promise<Basket> {
  if (!order || order.items.length === 0) return EMPTY_BASKET;
  return basketView(order, await catalogForDisplay(deps, c), c.var.lang, deps.now());
}

/**
 * The catalog only adds what a line may hold (stock, metal) to a basket Minted priced: when it
 * cannot be read, the basket is still shown, with each line's quantity as its limit.
 */
async function catalogForDisplay(
  deps: AppDeps,
  c: Context<AppEnv>,
): Promise<ReadonlyMap<string, CatalogEntry>> {
  try {
    return await catalogMap(deps, c);
  } catch (error) {
    c.get("logger").warn("basket shown without the catalog", {
      error: error instanceof Error ? error.message : String(error),
    });
    return new Map();
  }
}

export function sessionOf(session: Session | null): Session {
  if (!session) throw new ApiError("unauthenticated");
  return session;
}

function unknownSku(lang: Lang): ApiError {
  return new ApiError("validation_failed", {
    errors: { sku: [t(lang, "Bu ürün satışta değil.", "This product is not for sale.")] },
  });
}

function notInBasket(): ApiError {
  return new ApiError("not_found", {
    detail: { tr: "Bu ürün sepetinizde yok.", en: "This product is not in your basket." },
  });
}

async function catalogEntry(deps: AppDeps, c: Context<AppEnv>, sku: string): Promise<CatalogEntry> {
  const { lang } = c.var;
  const entry = await catalogOf(deps).product(sku, lang);
  if (!entry) throw unknownSku(lang);
  return entry;
}

// ---------------------------------------------------------------- upstream mutations

type BasketOp = "basketAdd" | "basketUpdate" | "basketRemove" | "basketClear";

function mutate(deps: AppDeps, op: BasketOp, body: InputOf<BasketOp>): Promise<UpstreamEcomOrder> {
  return withOurFieldNames(deps.upstream.call({ op, body }));
}

/** Add `qty` of `sku` to the customer's basket `cartToken` (a new basket when null). */
function addUpstream(
  deps: AppDeps,
  customer: string,
  cartToken: string | null,
  sku: string,
  qty: number,
): Promise<UpstreamEcomOrder> {
  return mutate(deps, "basketAdd", {
    external_customer_id: customer,
    ...(cartToken ? { cart_token: cartToken } : {}),
    sku,
    qty,
  });
}

/**
 * Move lines into the customer's active basket one by one. Lines Minted refuses (stock ran out,
 * the 10-unit limit) are skipped and reported; if Minted cannot be reached, the move stops there
 * (`interrupted`) and the lines left are reported as skipped too.
 */
export async function moveLines(
  deps: AppDeps,
  c: Context<AppEnv>,
  customer: string,
  start: UpstreamEcomOrder | null,
  lines: readonly { sku: string; qty: number }[],
): Promise<{ order: UpstreamEcomOrder | null; skipped: string[]; interrupted: boolean }> {
  let order = start;
  const skipped: string[] = [];
  for (const [i, line] of lines.entries()) {
    try {
      order = await addUpstream(deps, customer, order?.token ?? null, line.sku, line.qty);
    } catch (error) {
      if (error instanceof ApiError && error.code === "validation_failed") {
        skipped.push(line.sku);
        continue;
      }
      c.get("logger").warn("basket move interrupted", {
        err: error instanceof Error ? error.message : String(error),
      });
      skipped.push(...lines.slice(i).map((l) => l.sku));
      return { order, skipped, interrupted: true };
    }
  }
  return { order, skipped, interrupted: false };
}

// ---------------------------------------------------------------- guest basket

function setGuestBasket(c: Context<AppEnv>, session: Session, lines: Session["guestBasket"]): void {
  c.set("session", { ...session, guestBasket: lines });
  c.set("sessionChanged", true);
}

async function guestView(deps: AppDeps, c: Context<AppEnv>, lines: Session["guestBasket"]) {
  return guestBasketView(lines, await catalogMap(deps, c));
}

// ---------------------------------------------------------------- routes

export function basketRoutes(deps: AppDeps): RouteSpec[] {
  return [
    handle(ops.getBasket, {
      handler: async ({ c, session }) => {
        if (!session) return guestView(deps, c, []);
        const s = sessionOf(session);
        if (!s.customer) return guestView(deps, c, s.guestBasket);
        return customerBasketView(deps, c, await activeBasket(deps, s.customer));
      },
    }),
    handle(ops.addBasketItem, {
      handler: async ({ c, body, session }) => {
        const s = sessionOf(session);
        const { lang } = c.var;
        if (!s.customer) {
          changeKeyOf(c); // checked; a guest's basket rides on the answer's cookie, lost with it
          const entry = await catalogEntry(deps, c, body.sku);
          const current = s.guestBasket.find((l) => l.sku === body.sku);
          if (!current && s.guestBasket.length >= MAX_GUEST_LINES)
            throw new ApiError("validation_failed", {
              errors: {
                sku: [
                  t(
                    lang,
                    `Sepete en fazla ${MAX_GUEST_LINES} farklı ürün eklenebilir.`,
                    `A basket holds at most ${MAX_GUEST_LINES} different products.`,
                  ),
                ],
              },
            });
          const qty = Math.round(((current?.qty ?? 0) + body.quantity) * 1000) / 1000;
          checkQuantity(entry, qty, lang);
          const lines = current
            ? s.guestBasket.map((l) => (l.sku === body.sku ? { sku: l.sku, qty } : l))
            : [...s.guestBasket, { sku: body.sku, qty }];
          setGuestBasket(c, s, lines);
          return guestView(deps, c, lines);
        }
        const customer = s.customer;
        return changeOnce(deps, c, customer, "addBasketItem", body, async (key) => {
          const [order, entry] = await Promise.all([
            activeBasket(deps, customer),
            catalogEntry(deps, c, body.sku),
          ]);
          const current = order?.items.find((i) => i.sku === body.sku)?.amount ?? 0;
          const { target, repeat } = await targetOf(
            deps,
            customer,
            key,
            body.sku,
            current + body.quantity,
          );
          // A repeat whose first attempt landed after all: already there.
          if (current === target) return customerBasketView(deps, c, order);
          if (repeat && current === 0) throw unconfirmedChange();
          checkQuantity(entry, target, lang);
          const updated =
            current > 0 && order
              ? await mutate(deps, "basketUpdate", {
                  external_customer_id: customer,
                  cart_token: order.token,
                  sku: body.sku,
                  qty: target,
                })
              : await addUpstream(deps, customer, order?.token ?? null, body.sku, target);
          return customerBasketView(deps, c, updated);
        });
      },
    }),
    handle(ops.updateBasketItem, {
      handler: async ({ c, params, body, session }) =>
        setQuantity(deps, c, sessionOf(session), params.sku, body.quantity),
    }),
    handle(ops.removeBasketItem, {
      handler: async ({ c, params, session }) =>
        setQuantity(deps, c, sessionOf(session), params.sku, 0),
    }),
    handle(ops.clearBasket, {
      handler: async ({ c, session }) => {
        const s = sessionOf(session);
        if (!s.customer) {
          setGuestBasket(c, s, []);
          return { ...EMPTY_BASKET, estimated: true };
        }
        const order = await activeBasket(deps, s.customer);
        if (order && order.items.length > 0)
          await mutate(deps, "basketClear", {
            external_customer_id: s.customer,
            cart_token: order.token,
          });
        return EMPTY_BASKET;
      },
    }),
  ];
}

/** Set a line's quantity (0 removes it), for a guest or a customer. */
async function setQuantity(
  deps: AppDeps,
  c: Context<AppEnv>,
  session: Session,
  sku: string,
  quantity: number,
): Promise<Basket | Response> {
  const { lang } = c.var;
  if (!session.customer) {
    changeKeyOf(c); // checked; a guest's basket rides on the answer's cookie, lost with it
    if (!session.guestBasket.some((l) => l.sku === sku)) throw notInBasket();
    if (quantity > 0) checkQuantity(await catalogEntry(deps, c, sku), quantity, lang);
    const lines =
      quantity === 0
        ? session.guestBasket.filter((l) => l.sku !== sku)
        : session.guestBasket.map((l) => (l.sku === sku ? { sku, qty: quantity } : l));
    setGuestBasket(c, session, lines);
    return guestView(deps, c, lines);
  }
  const customer = session.customer;
  return changeOnce(deps, c, customer, "setBasketQuantity", { sku, quantity }, async (key) => {
    const order = await activeBasket(deps, customer);
    const { repeat } = await targetOf(deps, customer, key, sku, quantity);
    const current = order?.items.find((i) => i.sku === sku)?.amount;
    // A repeat whose first attempt landed after all (a removed line is gone): already done.
    if (repeat && (current ?? 0) === quantity) return customerBasketView(deps, c, order);
    if (!order || current === undefined) throw notInBasket();
    const ref = { external_customer_id: customer, cart_token: order.token, sku };
    if (quantity === 0) return customerBasketView(deps, c, await mutate(deps, "basketRemove", ref));
    checkQuantity(await catalogEntry(deps, c, sku), quantity, lang);
    return customerBasketView(
      deps,
      c,
      await mutate(deps, "basketUpdate", { ...ref, qty: quantity }),
    );
  });
}
