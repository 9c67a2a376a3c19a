import { handle, pathParam } from "../operations.ts";
import { z } from "zod";
import type { SandboxApp, SandboxContext, SandboxCtx } from "../context.ts";
import { isFixValid, refreshFix } from "../domain/basket-fix.ts";
import { PRODUCT_BY_SKU } from "../domain/catalog.ts";
import { dateIstanbul, isoMicros } from "../domain/clock.ts";
import {
  cartToken,
  csv,
  customerId,
  date,
  fail,
  forbidden,
  int,
  invalid,
  langOf,
  notFound,
  ok,
  paginate,
  parseInput,
  t,
} from "../http/http.ts";
import { pass, stop, type Outcome } from "../http/outcome.ts";
import { round2, round4 } from "../domain/rounding.ts";
import type { WalletBasket, WalletBasketType } from "../domain/state.ts";
import {
  WALLET_TYPES,
  activeWalletBasket,
  basketFees,
  basketLines,
  findWalletOrder,
  holdingQty,
  newWalletBasket,
  settleWalletBasket,
  snapshotAddress,
  walletOrders,
  walletStatusId,
} from "../domain/wallet-basket.ts";
import { customerJson } from "../wire/customer.ts";
import { shippingJson, walletBasketJson } from "../wire/wallet-basket.ts";
import { registerWalletableMarket } from "./walletable-market.ts";

const typeEnum = z.enum(WALLET_TYPES);
const sku = () => z.string().min(1).max(32);
const qty = (min: number) => int().pipe(z.number().min(min).max(1000));
const addressId = () => int().pipe(z.number().min(1));

const getBasketSchema = z.object({
  external_customer_id: customerId(),
  type: typeEnum.optional(),
});

const addSchema = z
  .object({
    external_customer_id: customerId(),
    cart_token: cartToken().optional(),
    type: typeEnum.optional(),
    sku: sku(),
    qty: qty(1),
    shipping_address_id: addressId().optional(),
  })
  .superRefine((v, issue) => {
    if (v.cart_token === undefined && v.type === undefined)
      issue.addIssue({
        code: "custom",
        path: ["type"],
        params: {
          tr: "cart_token yokken type alanı gereklidir.",
          en: "The type field is required when cart token is not present.",
        },
      });
  });

const basketRef = { external_customer_id: customerId(), cart_token: cartToken() };
const updateSchema = z.object({
  ...basketRef,
  sku: sku(),
  qty: qty(0),
  shipping_address_id: addressId().optional(),
});
const deleteSchema = z.object({ ...basketRef, sku: sku() });
const emptySchema = z.object(basketRef);
const completeSchema = z.object({ ...basketRef, shipping_address_id: addressId().optional() });

const ordersSchema = z.object({
  page: int().pipe(z.number().min(1)).optional(),
  total: int().pipe(z.number().min(1).max(100)).optional(),
  sortBy: z.enum(["created_at", "total"]).optional(),
  sortType: z.enum(["asc", "desc"]).optional(),
  status: csv(int()).optional(),
  tx_type: csv(typeEnum).optional(),
  customer_external_id: customerId().optional(),
  orderId: int().optional(),
  startDate: date().optional(),
  endDate: date().optional(),
});
type OrdersQuery = z.output<typeof ordersSchema>;

function customerNotFound(c: SandboxCtx): Response {
  return notFound(c, { tr: "Müşteri", en: "Customer" });
}

/** The basket named by the request: it exists, is the customer's own, and is not ordered yet. */
function loadBasket(
  c: SandboxCtx,
  ctx: SandboxContext,
  customer: string,
  cart: string,
): Outcome<WalletBasket> {
  if (!ctx.state.customers.has(customer)) return stop(customerNotFound(c));
  const basket = ctx.state.walletBaskets.get(cart);
  if (!basket) return stop(notFound(c, { tr: "Sepet", en: "Basket" }));
  if (basket.customer !== customer) return stop(forbidden(c));
  if (basket.stage !== "basket")
    return stop(
      invalid(
        c,
        "cart_token",
        "Bu sepet zaten tamamlandı.",
        "This basket has already been completed.",
      ),
    );
  return pass(basket);
}

/** Snapshot the customer's own shipping address onto the basket. */
function applyAddress(
  c: SandboxCtx,
  ctx: SandboxContext,
  basket: WalletBasket,
  id: number | undefined,
): Outcome<true> {
  if (id === undefined) return pass(true);
  const address = ctx.state.addresses.get(id);
  if (!address) return stop(notFound(c, { tr: "Adres", en: "Address" }));
  if (address.customer !== basket.customer) return stop(forbidden(c));
  if (address.type !== "shipping")
    return stop(
      invalid(
        c,
        "shipping_address_id",
        "Seçilen adres bir teslimat adresi değil.",
        "The selected address is not a shipping address.",
      ),
    );
  basket.shipping = snapshotAddress(address);
  return pass(true);
}

/** A buy needs stock; a sell or delivery only what the customer holds. */
function checkQty(
  c: SandboxCtx,
  ctx: SandboxContext,
  basket: WalletBasket,
  skuCode: string,
  wanted: number,
): Outcome<true> {
  const product = PRODUCT_BY_SKU.get(skuCode);
  if (!product || product.type === "digital")
    return stop(invalid(c, "sku", "Seçilen sku geçersiz.", "The selected sku is invalid."));
  if (wanted === 0) return pass(true);
  const available =
    basket.type === "buy"
      ? (ctx.state.stock.get(skuCode) ?? 0)
      : holdingQty(ctx.state, basket.customer, skuCode);
  if (wanted <= available) return pass(true);
  const [tr, en] =
    basket.type === "buy"
      ? [`Stokta yalnızca ${available} adet var.`, `Only ${available} in stock.`]
      : [`Varlığınızda yalnızca ${available} adet var.`, `Only ${available} held in the vault.`];
  return stop(invalid(c, "qty", tr, en));
}

function setQty(basket: WalletBasket, skuCode: string, quantity: number): void {
  if (quantity > 0) basket.items.set(skuCode, quantity);
  else basket.items.delete(skuCode);
}

export function registerWalletable(app: SandboxApp, ctx: SandboxContext): void {
  /** Every basket response re-fixes an expired basket first (pricefix.updated). */
  const respond = (c: SandboxCtx, basket: WalletBasket) => {
    basket.fix = refreshFix(ctx, basket.fix, basket.items.size > 0);
    return ok(c, walletBasketJson(ctx, basket, langOf(c)));
  };

  handle(app, "walletBasketGet", async (c) => {
    const input = await parseInput(c, getBasketSchema);
    if (!input.ok) return input.response;
    const { external_customer_id: customer, type } = input.data;
    if (!ctx.state.customers.has(customer)) return customerNotFound(c);
    const basket = activeWalletBasket(ctx.state, customer, type ?? "buy");
    return basket ? respond(c, basket) : ok(c, null);
  });

  handle(app, "walletBasketAdd", async (c) => {
    const input = await parseInput(c, addSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const customer = d.external_customer_id;
    let basket: WalletBasket;
    if (d.cart_token !== undefined) {
      const loaded = loadBasket(c, ctx, customer, d.cart_token);
      if (!loaded.ok) return loaded.response;
      basket = loaded.value;
      if (d.type !== undefined && d.type !== basket.type)
        return invalid(c, "type", "Sepet türü uyuşmuyor.", "The type does not match the basket.");
    } else {
      if (!ctx.state.customers.has(customer)) return customerNotFound(c);
      const type: WalletBasketType = d.type ?? "buy";
      basket =
        activeWalletBasket(ctx.state, customer, type) ?? newWalletBasket(ctx, customer, type);
    }
    const wanted = (basket.items.get(d.sku) ?? 0) + d.qty;
    const allowed = checkQty(c, ctx, basket, d.sku, wanted);
    if (!allowed.ok) return allowed.response;
    const addressed = applyAddress(c, ctx, basket, d.shipping_address_id);
    if (!addressed.ok) return addressed.response;
    setQty(basket, d.sku, wanted);
    return respond(c, basket);
  });

  handle(app, "walletBasketUpdate", async (c) => {
    const input = await parseInput(c, updateSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const loaded = loadBasket(c, ctx, d.external_customer_id, d.cart_token);
    if (!loaded.ok) return loaded.response;
    const allowed = checkQty(c, ctx, loaded.value, d.sku, d.qty);
    if (!allowed.ok) return allowed.response;
    const addressed = applyAddress(c, ctx, loaded.value, d.shipping_address_id);
    if (!addressed.ok) return addressed.response;
    setQty(loaded.value, d.sku, d.qty);
    return respond(c, loaded.value);
  });

  handle(app, "walletBasketClear", async (c) => {
    const input = await parseInput(c, emptySchema);
    if (!input.ok) return input.response;
    const loaded = loadBasket(c, ctx, input.data.external_customer_id, input.data.cart_token);
    if (!loaded.ok) return loaded.response;
    loaded.value.items.clear();
    return respond(c, loaded.value);
  });

  handle(app, "walletBasketRemove", async (c) => {
    const input = await parseInput(c, deleteSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const loaded = loadBasket(c, ctx, d.external_customer_id, d.cart_token);
    if (!loaded.ok) return loaded.response;
    if (!loaded.value.items.has(d.sku))
      return invalid(c, "sku", "Ürün sepette değil.", "The product is not in the basket.");
    setQty(loaded.value, d.sku, 0);
    return respond(c, loaded.value);
  });

  const complete = (type: z.output<typeof typeEnum>) => async (c: SandboxCtx) => {
    const input = await parseInput(c, completeSchema);
    if (!input.ok) return input.response;
    const d = input.data;
    const loaded = loadBasket(c, ctx, d.external_customer_id, d.cart_token);
    if (!loaded.ok) return loaded.response;
    const ready = checkCompletable(c, ctx, loaded.value, type, d.shipping_address_id);
    if (!ready.ok) return ready.response;
    const basket = loaded.value;
    const fees = basketFees(ctx, basket);
    const cash = ctx.state.walletLine(basket.customer, "TRY");
    if (basket.type !== "sell" && round2(cash.balance - cash.blocked) < fees.paid_total)
      return invalid(c, "balance", "Yetersiz TL bakiyesi.", "Insufficient TRY balance.");
    settleWalletBasket(ctx, basket, fees);
    return ok(c, walletBasketJson(ctx, basket, langOf(c)));
  };
  handle(app, "walletCompleteBuy", complete("buy"));
  handle(app, "walletCompleteSell", complete("sell"));
  handle(app, "walletCompleteDelivery", complete("delivery"));

  handle(app, "walletOrders", async (c) => {
    const input = await parseInput(c, ordersSchema);
    if (!input.ok) return input.response;
    const q = input.data;
    const lang = langOf(c);
    const list = sortOrders(ctx, filterOrders(walletOrders(ctx), q), q);
    const page = paginate(
      list,
      q.page ?? 1,
      q.total ?? 10,
      `${ctx.publicUrl()}/partner/walletable/orders`,
    );
    return ok(c, { ...page, data: page.data.map((b) => walletBasketJson(ctx, b, lang)) });
  });

  handle(app, "walletReceipt", async (c) => {
    const input = await parseInput(c, z.object({ external_customer_id: customerId().optional() }));
    if (!input.ok) return input.response;
    const order = findWalletOrder(ctx, pathParam(c, "id"));
    if (!order) return notFound(c, { tr: "Sipariş", en: "Order" });
    const owner = input.data.external_customer_id;
    if (owner !== undefined && owner !== order.customer) return forbidden(c);
    return ok(c, receiptJson(ctx, order, langOf(c)));
  });

  registerWalletableMarket(app, ctx);
}

/** Path type, items, a live price fix and (for a delivery) an address. */
function checkCompletable(
  c: SandboxCtx,
  ctx: SandboxContext,
  basket: WalletBasket,
  type: WalletBasketType,
  addressId: number | undefined,
): Outcome<true> {
  const lang = langOf(c);
  if (basket.type !== type)
    return stop(invalid(c, "type", "Sepet türü uyuşmuyor.", "The type does not match the basket."));
  if (basket.items.size === 0)
    return stop(invalid(c, "cart_token", "Sepet boş.", "The basket is empty."));
  if (!isFixValid(ctx, basket.fix))
    return stop(
      fail(c, 422, t(lang, "Fiyat sabitlemenin süresi doldu.", "The price fix has expired."), {
        price_token: [t(lang, "Sepeti yeniden alın.", "Fetch the basket again to re-fix prices.")],
      }),
    );
  const addressed = applyAddress(c, ctx, basket, addressId);
  if (!addressed.ok) return addressed;
  if (type === "delivery" && !basket.shipping)
    return stop(
      invalid(
        c,
        "shipping_address_id",
        "Teslimat için adres gereklidir.",
        "The shipping address id field is required for a delivery.",
      ),
    );
  for (const [skuCode, quantity] of basket.items) {
    const allowed = checkQty(c, ctx, basket, skuCode, quantity);
    if (!allowed.ok) return allowed;
  }
  return pass(true);
}

function filterOrders(orders: WalletBasket[], q: OrdersQuery): WalletBasket[] {
  return orders.filter((b) => {
    const day = dateIstanbul(b.orderAt ?? b.createdAt);
    return (
      (q.status === undefined || q.status.includes(walletStatusId(b))) &&
      (q.tx_type === undefined || q.tx_type.includes(b.type)) &&
      (q.customer_external_id === undefined || b.customer === q.customer_external_id) &&
      (q.orderId === undefined || b.id === q.orderId) &&
      (q.startDate === undefined || day >= q.startDate) &&
      (q.endDate === undefined || day <= q.endDate)
    );
  });
}

function sortOrders(ctx: SandboxContext, orders: WalletBasket[], q: OrdersQuery): WalletBasket[] {
  const key = (b: WalletBasket) =>
    q.sortBy === "total" ? basketFees(ctx, b).total : (b.orderAt ?? b.createdAt);
  const sign = q.sortType === "asc" ? 1 : -1;
  return [...orders].sort((a, b) => sign * (key(a) - key(b)) || sign * (a.id - b.id));
}

/**
 * Inferred throughout: Receipt (GET) is in Minted's menu but its page is not public, so every
 * field here is a guess (the proxy treats all but the order id, amounts and owner as optional).
 */
function receiptJson(ctx: SandboxContext, order: WalletBasket, lang: "tr" | "en") {
  const fees = basketFees(ctx, order);
  const customer = ctx.state.customers.get(order.customer);
  return {
    receipt_no: `WR${order.increment_id}`,
    order_id: order.id,
    increment_id: order.increment_id,
    tx_type: order.type,
    created_at: isoMicros(order.orderAt ?? order.createdAt),
    customer: customer ? customerJson(customer) : null,
    items: basketLines(order).map((l) => ({
      sku: l.product.sku,
      product_name: l.product.name[lang],
      product_weight: l.product.weight,
      quantity: l.qty,
      unit_price: l.price,
      grams: round4(l.product.weight * l.qty),
      total: round2(l.price * l.qty),
    })),
    ...fees,
    currency_code: "TRY",
    payment_method: "wallet",
    shippingaddress: shippingJson(order.shipping),
  };
}
