import { newFix } from "./basket-fix.ts";
import { PRODUCT_BY_SKU, fineGrams, type ProductDef } from "./catalog.ts";
import { dateIstanbul } from "./clock.ts";
import type { SandboxContext } from "../context.ts";
import { STATUS, currentStatus, progressStatuses } from "./order-status.ts";
import { token, upperGuid } from "./random.ts";
import { round2, round4 } from "./rounding.ts";
import type {
  Address,
  AddressSnapshot,
  SandboxState,
  WalletBasket,
  WalletBasketType,
} from "./state.ts";
import {
  buyFees,
  deliveryFees,
  mintingFee,
  sellFees,
  storageApplies,
  type WalletFees,
} from "./walletable-fees.ts";

/**
 * Walletable baskets and orders (minted-api.md Part 2 §8), shaped like the documented examples
 * (api-26503549, api-27307650; `walletable-examples.test.ts` compares them key for key).
 *
 * Inferred, beyond the docs: the `sell` and `delivery` basket types (only `buy` and the completed
 * delivery's `walletable_ecommerce` are documented); the status progression and the cargo
 * tracking of a delivery; and the currency. Minted's examples are priced in AED with the
 * Dirham Gold / Dirham Silver item currencies; this sandbox plays a Turkish partner whose
 * walletable baskets are priced in TRY, paid from (or into) the customer's TRY cash line, with
 * the Turkish gram item currencies. How an AED basket is paid from a TRY wallet is not documented,
 * so the sandbox does not pretend to know; the proxy shows whatever `currency_code` says.
 */

export const WALLET_TYPES = ["buy", "sell", "delivery"] as const;

export function newWalletBasket(
  ctx: SandboxContext,
  customer: string,
  type: WalletBasketType,
): WalletBasket {
  const basket: WalletBasket = {
    id: ctx.state.next("walletBasket", 11116),
    guid: upperGuid(),
    token: token(32),
    increment_id: `${token(1, "123456789")}${token(10, "0123456789")}`,
    customer,
    type,
    items: new Map(),
    fix: newFix(ctx),
    shipping: null,
    stage: "basket",
    createdAt: ctx.clock.now(),
    orderAt: null,
    statuses: [],
    delivery: null,
    frozen: null,
  };
  ctx.state.walletBaskets.set(basket.token, basket);
  return basket;
}

export function activeWalletBasket(
  state: SandboxState,
  customer: string,
  type: WalletBasketType,
): WalletBasket | undefined {
  return [...state.walletBaskets.values()].find(
    (b) => b.customer === customer && b.type === type && b.stage === "basket",
  );
}

// ---------------------------------------------------------------- holdings

export function holdingQty(state: SandboxState, customer: string, sku: string): number {
  return state.holdings.get(customer)?.find((h) => h.sku === sku)?.quantity ?? 0;
}

export function changeHolding(
  state: SandboxState,
  customer: string,
  sku: string,
  delta: number,
): void {
  const list = state.holdings.get(customer) ?? [];
  const holding = list.find((h) => h.sku === sku);
  if (holding) holding.quantity += delta;
  else list.push({ sku, quantity: delta });
  state.holdings.set(
    customer,
    list.filter((h) => h.quantity > 0),
  );
}

/** Grams of gold and silver a customer holds: vault products and digital balances. */
export function heldGrams(ctx: SandboxContext, customer: string): number {
  const physical = (ctx.state.holdings.get(customer) ?? []).reduce((sum, h) => {
    const p = PRODUCT_BY_SKU.get(h.sku);
    return p && p.metal !== "platinum" ? sum + fineGrams(p) * h.quantity : sum;
  }, 0);
  const digital =
    ctx.state.walletLine(customer, "GAU").balance + ctx.state.walletLine(customer, "GAG").balance;
  return round4(physical + digital);
}

// ---------------------------------------------------------------- prices and fees

export interface BasketLine {
  product: ProductDef;
  qty: number;
  /** Unit price (TRY): the fixed ask (buy) or bid (sell) × fine grams; 0 for delivery. */
  price: number;
}

function unitPriceOf(basket: WalletBasket, p: ProductDef): number {
  const fixed = basket.fix.units.get(p.sku);
  if (basket.type === "delivery" || !fixed) return 0;
  return basket.type === "buy" ? fixed.spot : fixed.bid;
}

export function basketLines(basket: WalletBasket): BasketLine[] {
  const lines: BasketLine[] = [];
  for (const [sku, qty] of basket.items) {
    const product = PRODUCT_BY_SKU.get(sku);
    if (product) lines.push({ product, qty, price: unitPriceOf(basket, product) });
  }
  return lines;
}

export function basketPrice(basket: WalletBasket): number {
  return round2(basketLines(basket).reduce((sum, l) => sum + l.price * l.qty, 0));
}

function liveFees(ctx: SandboxContext, basket: WalletBasket): WalletFees {
  const rates = ctx.config.walletable;
  const total = basketPrice(basket);
  if (basket.type === "sell") return sellFees(total, rates);
  if (basket.type === "delivery") return deliveryFees(rates.deliveryCost, rates);
  const lines = basketLines(basket);
  const added = lines.reduce(
    (sum, l) => (l.product.metal === "platinum" ? sum : sum + fineGrams(l.product) * l.qty),
    0,
  );
  const minting = mintingFee(
    lines.flatMap((l) =>
      Array.from({ length: l.qty }, () => ({ price: l.price, rate: l.product.walletMintingRate })),
    ),
  );
  const storage = storageApplies(heldGrams(ctx, basket.customer) + added, rates.storageLimitGrams);
  return buyFees(total, rates, { minting, storageApplies: storage });
}

function frozenFees(f: Record<string, number>): WalletFees {
  const v = (k: keyof WalletFees) => f[k] ?? 0;
  return {
    total: v("total"),
    payment_cost: v("payment_cost"),
    paid_total: v("paid_total"),
    delivery_cost: v("delivery_cost"),
    charge_fee: v("charge_fee"),
    charge_fee_rate: v("charge_fee_rate"),
    minting_fee: v("minting_fee"),
    storage_fee: v("storage_fee"),
    storage_fee_rate: v("storage_fee_rate"),
    charges_vat: v("charges_vat"),
    vat_rate: v("vat_rate"),
  };
}

/** The basket's fees: live while a basket, frozen once an order. */
export function basketFees(ctx: SandboxContext, basket: WalletBasket): WalletFees {
  return basket.frozen ? frozenFees(basket.frozen) : liveFees(ctx, basket);
}

/** Freeze the totals at completion: the price charged is the price shown. */
export function freezeTotals(basket: WalletBasket, fees: WalletFees): void {
  basket.frozen = { ...fees, price: basketPrice(basket) };
}

// ---------------------------------------------------------------- order status

const CARGO_URL = "https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=";

/** Move a delivery order along the sandbox clock; it gets a tracking number when shipped. */
export function progressWalletOrder(ctx: SandboxContext, basket: WalletBasket): void {
  if (basket.stage !== "order" || basket.type !== "delivery") return;
  progressStatuses(basket.statuses, basket.orderAt, ctx.clock.now());
  const shipped = basket.statuses.some((s) => s.status_id === STATUS.Shipped);
  if (shipped && basket.delivery && basket.delivery.cargo_tracking_number === null) {
    const number = `7${basket.increment_id}`;
    basket.delivery.cargo_tracking_number = number;
    basket.delivery.cargo_tracking_url = `${CARGO_URL}${number}`;
  }
}

export function walletStatusId(basket: WalletBasket): number {
  return basket.stage === "basket" ? STATUS.Created : currentStatus(basket.statuses);
}

/** Completed walletable orders, status brought up to the sandbox clock. */
export function walletOrders(ctx: SandboxContext): WalletBasket[] {
  const orders = [...ctx.state.walletBaskets.values()].filter((b) => b.stage === "order");
  for (const order of orders) progressWalletOrder(ctx, order);
  return orders;
}

/** A walletable order by numeric id, increment id or guid. */
export function findWalletOrder(ctx: SandboxContext, key: string): WalletBasket | undefined {
  return walletOrders(ctx).find(
    (b) => String(b.id) === key || b.increment_id === key || b.guid === key.toUpperCase(),
  );
}

// ---------------------------------------------------------------- addresses

export function snapshotAddress(a: Address): AddressSnapshot {
  return {
    id: a.id,
    external_id: a.customer,
    invoice_type: a.invoice_type,
    company_name: a.company_name,
    tax_office: a.tax_office,
    tax_number: a.tax_number,
    fullname: a.fullname ?? "",
    phone: a.phone ?? "",
    email: a.email,
    city: a.city,
    county: a.county,
    district: a.district ?? "",
    street: a.street,
    zipcode: a.zipcode,
    address: a.address,
  };
}

// ---------------------------------------------------------------- completion

const DAY_MS = 86_400_000;

/**
 * Book a completed basket: move cash and holdings, freeze the totals and start the status
 * history (buy and sell complete at once; a delivery waits for the courier).
 */
export function settleWalletBasket(
  ctx: SandboxContext,
  basket: WalletBasket,
  fees: WalletFees,
): void {
  const now = ctx.clock.now();
  const { state } = ctx;
  const cash = state.walletLine(basket.customer, "TRY");
  cash.balance = round2(
    cash.balance + (basket.type === "sell" ? fees.paid_total : -fees.paid_total),
  );
  cash.updatedAt = now;
  for (const [sku, qty] of basket.items) {
    changeHolding(state, basket.customer, sku, basket.type === "buy" ? qty : -qty);
    if (basket.type !== "delivery")
      state.stock.set(sku, (state.stock.get(sku) ?? 0) + (basket.type === "buy" ? -qty : qty));
  }
  freezeTotals(basket, fees);
  basket.stage = "order";
  basket.orderAt = now;
  const isDelivery = basket.type === "delivery";
  basket.statuses = [{ status_id: isDelivery ? STATUS.Pending : STATUS.Completed, at: now }];
  basket.delivery = isDelivery
    ? {
        cargo_tracking_url: null,
        cargo_tracking_number: null,
        estimated_arrival_date: dateIstanbul(now + 3 * DAY_MS),
      }
    : null;
}
