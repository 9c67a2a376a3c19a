import type { FeeLine } from "../../contract/common.ts";
import {
  walletBasketTypeSchema,
  type WalletBasket,
  type WalletBasketType,
  type WalletFeeKind,
  type WalletItem,
  type WalletOrder,
  type WalletOrderSummary,
  type WalletReceipt,
} from "../../contract/wallet.ts";
import type {
  UpstreamWalletBasket,
  UpstreamWalletFees,
  UpstreamWalletReceipt,
} from "../../minted/schemas/wallet.ts";
import type { OperationName } from "../../minted/operations.ts";
import type { Logger } from "../deps.ts";
import { ApiError, type Lang } from "../problem.ts";
import { round2 } from "../../contract/money.ts";
import { iso, priceFixView, quoteIdOf } from "./basket-views.ts";
import { imagePath } from "./catalog-source.ts";
import { addressView, statusOf } from "./order-views.ts";

/**
 * Minted's walletable baskets, orders and receipts as the shop's views. Minted publishes no schema
 * for them (minted-api.md §8.2 is read off two examples), so every view copes with what an answer
 * leaves out: a fee Minted does not give is not shown, an unknown product is shown as such, and
 * the totals are always Minted's `paid_total`.
 */

/** A delivery order answers `walletable_ecommerce` as its type; `fallback` when it is not one of ours. */
export function walletTypeOf(
  type: string,
  fallback: WalletBasketType = "delivery",
): WalletBasketType {
  const parsed = walletBasketTypeSchema.safeParse(type);
  return parsed.success ? parsed.data : fallback;
}

/**
 * Minted's `currency_code`; AED when it is missing (inferred: §8 documents the walletable API as
 * AED and its one example with a currency says AED).
 */
export function walletCurrencyOf(code: string | null | undefined): string {
  return code && /^[A-Z]{3}$/.test(code) ? code : "AED";
}

const FEE_LABELS: Record<WalletFeeKind, { tr: string; en: string }> = {
  delivery: { tr: "Teslimat ücreti", en: "Delivery" },
  charge_fee: { tr: "Hizmet bedeli", en: "Service fee" },
  minting_fee: { tr: "Mint ücreti", en: "Minting fee" },
  storage_fee: { tr: "Saklama ücreti", en: "Storage fee" },
  payment_cost: { tr: "Ödeme maliyeti", en: "Payment cost" },
  vat: { tr: "Ücretlerin KDV'si", en: "VAT on fees" },
};

function percent(rate: number, lang: Lang): string {
  const n = new Intl.NumberFormat(lang === "tr" ? "tr-TR" : "en-GB", {
    maximumFractionDigits: 2,
  }).format(rate);
  return lang === "tr" ? `%${n}` : `${n}%`;
}

/**
 * The delivery cost: `delivery_cost`, or for a delivery `total`, which §8.1 documents as a
 * delivery basket's base price (3 → 3 in the Complete Delivery example).
 */
function deliveryCostOf(f: UpstreamWalletFees, type: WalletBasketType): number | null {
  return f.delivery_cost ?? (type === "delivery" ? f.total : null);
}

/**
 * Minted's fee fields as lines, in §8.1's order. A fee Minted leaves out (or gives as 0) has no
 * line: the shop never claims a fee of 0 it was not told. A sale's fees come off the proceeds, so
 * their amounts are negative.
 */
export function walletFeeLines(
  f: UpstreamWalletFees,
  type: WalletBasketType,
  lang: Lang,
): FeeLine[] {
  const sign = type === "sell" ? -1 : 1;
  const rows: [WalletFeeKind, number | null | undefined, number | null | undefined][] = [
    ["delivery", deliveryCostOf(f, type), null],
    ["charge_fee", f.charge_fee, f.charge_fee_rate],
    ["minting_fee", f.minting_fee, null],
    ["storage_fee", f.storage_fee, f.storage_fee_rate],
    ["payment_cost", f.payment_cost, null],
    ["vat", f.charges_vat, f.vat_rate],
  ];
  return rows.flatMap(([kind, amount, rate]) => {
    if (amount === null || amount === undefined || amount === 0) return [];
    const label = FEE_LABELS[kind][lang];
    return [
      {
        kind,
        label: rate ? `${label} (${percent(rate, lang)})` : label,
        amount: round2(sign * amount),
      },
    ];
  });
}

/** What the items are worth (Minted's raw price, `total`); a delivery's metal is already paid for. */
function subtotalOf(f: UpstreamWalletFees, type: WalletBasketType): number | null {
  return type === "delivery" ? null : f.total;
}

/** Minted lists one row per unit; the shop shows one line per product (unknown ones together). */
export function itemLines(o: Pick<UpstreamWalletBasket, "items">): WalletItem[] {
  const lines = new Map<string, WalletItem>();
  for (const row of o.items) {
    const key = row.sku ?? (row.product_id == null ? "" : `#${String(row.product_id)}`);
    const quantity = row.amount ?? 1;
    const rowTotal = row.total ?? (row.price == null ? null : round2(row.price * quantity));
    const line = lines.get(key);
    if (line) {
      line.quantity += quantity;
      line.lineTotal =
        line.lineTotal === null || rowTotal === null ? null : round2(line.lineTotal + rowTotal);
    } else
      lines.set(key, {
        sku: row.sku ?? null,
        name: row.product_name ?? null,
        image: row.sku ? imagePath(row.sku, 1) : null,
        unitPrice: row.price ?? null,
        quantity,
        lineTotal: rowTotal,
      });
  }
  return [...lines.values()];
}

export function emptyWalletBasket(type: WalletBasketType): WalletBasket {
  return {
    type,
    items: [],
    itemCount: 0,
    currency: walletCurrencyOf(null),
    subtotal: null,
    fees: [],
    total: 0,
    quoteId: null,
    priceFix: null,
    shippingAddress: null,
  };
}

export function quoteIdOfBasket(o: UpstreamWalletBasket): string | null {
  const token = o.price_token ?? o.pricefix?.token;
  return token ? quoteIdOf(token) : null;
}

/**
 * The basket's cart token, which every next step (change, address, completion) needs. A basket
 * without one cannot go on: a clear problem, logged with the operation and field.
 */
export function cartTokenOf(o: UpstreamWalletBasket, op: OperationName, logger: Logger): string {
  if (o.token) return o.token;
  logger.error("upstream response lacks a field the next step needs", { op, field: "data.token" });
  throw new ApiError("upstream_invalid", {
    detail: {
      tr: "Sepetin anahtarı gelmediği için sepet şu anda değiştirilemiyor ya da tamamlanamıyor; lütfen biraz sonra tekrar deneyin.",
      en: "The basket came without its key, so it cannot be changed or completed right now; please try again shortly.",
    },
  });
}

export function walletBasketView(
  o: UpstreamWalletBasket | null,
  type: WalletBasketType,
  lang: Lang,
  now: number,
): WalletBasket {
  if (!o) return emptyWalletBasket(type);
  const items = itemLines(o);
  const filled = items.length > 0;
  return {
    type,
    items,
    itemCount: o.items.length,
    currency: walletCurrencyOf(o.currency_code),
    subtotal: subtotalOf(o, type),
    fees: walletFeeLines(o, type, lang),
    total: o.paid_total,
    quoteId: filled ? quoteIdOfBasket(o) : null,
    priceFix: filled && o.pricefix ? priceFixView(o.pricefix, now) : null,
    shippingAddress: addressView(o.shippingaddress),
  };
}

/** An order; `type` is the basket's when the caller knows it (a completion), else Minted's. */
export function walletOrderView(
  o: UpstreamWalletBasket,
  lang: Lang,
  known?: WalletBasketType,
): WalletOrder {
  const type = walletTypeOf(o.type, known);
  return {
    id: o.id,
    orderCode: o.increment_id ?? null,
    type,
    status: statusOf(o),
    createdAt: iso(o.order_at),
    items: itemLines(o),
    currency: walletCurrencyOf(o.currency_code),
    subtotal: subtotalOf(o, type),
    fees: walletFeeLines(o, type, lang),
    total: o.paid_total,
    shippingAddress: addressView(o.shippingaddress),
  };
}

export function walletOrderSummaryView(o: UpstreamWalletBasket): WalletOrderSummary {
  return {
    source: "wallet",
    id: o.id,
    orderCode: o.increment_id ?? null,
    type: walletTypeOf(o.type),
    status: statusOf(o),
    createdAt: iso(o.order_at),
    itemCount: o.items.length,
    total: o.paid_total,
    currency: walletCurrencyOf(o.currency_code),
  };
}

export function walletReceiptView(r: UpstreamWalletReceipt, lang: Lang): WalletReceipt {
  const type = walletTypeOf(r.tx_type);
  return {
    receiptNo: r.receipt_no ?? null,
    orderId: r.order_id,
    orderCode: r.increment_id ?? null,
    type,
    createdAt: iso(r.created_at),
    items: r.items.map((i) => ({
      sku: i.sku ?? null,
      name: i.product_name ?? null,
      quantity: i.quantity ?? null,
      unitPrice: i.unit_price ?? null,
      grams: i.grams ?? null,
      lineTotal: i.total ?? null,
    })),
    currency: walletCurrencyOf(r.currency_code),
    subtotal: subtotalOf(r, type),
    fees: walletFeeLines(r, type, lang),
    total: r.paid_total,
    paymentMethod: r.payment_method ?? "wallet",
    shippingAddress: addressView(r.shippingaddress),
  };
}
