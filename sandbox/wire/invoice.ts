import { PRODUCT_BY_SKU, vatRate } from "../domain/catalog.ts";
import type { SandboxContext } from "../context.ts";
import { t, type Lang } from "../http/http.ts";
import { currentStatus, STATUS_NAME } from "../domain/order-status.ts";
import { findPartnerOrder } from "../domain/partner-order.ts";
import { round2 } from "../domain/rounding.ts";
import {
  fullName,
  type Customer,
  type EcomBasket,
  type PartnerOrder,
  type StatusEvent,
  type WalletBasket,
} from "../domain/state.ts";
import { totalsOf } from "../domain/ecom-totals.ts";
import { basketFees, basketLines, walletOrders } from "../domain/wallet-basket.ts";
import { percentOf } from "../domain/walletable-fees.ts";

/**
 * Get Order Invoice (`GET /partner/order/{id}/invoice`, api-38613148) for every channel's
 * orders, in the documented shape: exactly the example's keys, with example-like values. Minted's
 * invoice has no invoice number, date, currency code, seller or billing address, and neither
 * has this one.
 *
 * Inferred (the example is one partner buy): `channel` is `partner` for partner orders as in the
 * example, `ecommerce` and `walletable` for the others; `tx_type` is `oneoffpurchase` for partner
 * and e-commerce buys as in the example, a partner sell is `sell`, and walletable orders carry
 * their type (`buy`, `sell`, `delivery`: the Walletable Get Orders `tx_type` filter's values); an
 * e-commerce invoice lists the products only (its fees stay on the order), a walletable one lists
 * its charges as lines without a product.
 */

interface InvoiceItem {
  product_id: number | null;
  product_name: string;
  product_weight: number;
  spot_price: number | null;
  price: number;
  tax_rate: number;
  tax: number;
  amount: number;
  total: number;
  currency_id: number | null;
  currency_rate: number | null;
  currency_total: number;
}

interface InvoiceHead {
  guid: string;
  order_code: string;
  external_id: string | null;
  channel: "partner" | "ecommerce" | "walletable";
  tx_type: string;
  price_token: string | null;
  /** TRY per unit of the order's currency; 1 for TRY orders. */
  rate: number;
  statuses: StatusEvent[];
  customer: string;
}

/** The example's customer object: exactly its ten keys. */
function invoiceCustomer(c: Customer | undefined) {
  if (!c) return null;
  return {
    external_id: c.external_id,
    firstname: c.firstname,
    middlename: c.middlename ?? "",
    lastname: c.lastname ?? "",
    fullname: fullName(c),
    email: c.email,
    phone: c.phone,
    gender: c.gender,
    identity_number: c.identity_number,
    birthdate: c.birthdate,
  };
}

/** Like the example (a TRY order): no rate, and a currency total of 0. */
function converted(rate: number, amount: number) {
  return rate === 1
    ? { currency_rate: null, currency_total: 0 }
    : { currency_rate: rate, currency_total: round2(amount * rate) };
}

function item(
  line: Omit<InvoiceItem, "currency_id" | "currency_rate" | "currency_total">,
  rate: number,
): InvoiceItem {
  return { ...line, currency_id: null, ...converted(rate, line.total) };
}

interface Sums {
  price: number;
  tax: number;
  total: number;
}

function sumsOf(items: InvoiceItem[]): Sums {
  return {
    price: round2(items.reduce((s, i) => s + i.price * i.amount, 0)),
    tax: round2(items.reduce((s, i) => s + i.tax, 0)),
    total: round2(items.reduce((s, i) => s + i.total, 0)),
  };
}

/** `sums`: the order's own figures where it has them, so that the two agree to the cent. */
function invoiceJson(
  ctx: SandboxContext,
  head: InvoiceHead,
  items: InvoiceItem[],
  sums: Sums = sumsOf(items),
) {
  const statusId = currentStatus(head.statuses);
  const { price, tax, total } = sums;
  return {
    guid: head.guid,
    order_code: head.order_code,
    external_id: head.external_id,
    channel: head.channel,
    tx_type: head.tx_type,
    price_token: head.price_token,
    price,
    tax,
    total,
    ...converted(head.rate, total),
    status_id: statusId,
    status_name: STATUS_NAME[statusId] ?? "Pending",
    items,
    customer: invoiceCustomer(ctx.state.customers.get(head.customer)),
  };
}

function partnerInvoice(ctx: SandboxContext, o: PartnerOrder) {
  const items = o.items.map((i) =>
    item(
      {
        product_id: i.product_id,
        product_name: i.product_name,
        // Digital products are priced per gram.
        product_weight: 1,
        spot_price: i.spot_price,
        price: i.price,
        tax_rate: i.tax_rate,
        tax: i.tax,
        amount: i.amount,
        total: i.total,
      },
      o.currencyRate,
    ),
  );
  return invoiceJson(
    ctx,
    {
      guid: o.guid,
      order_code: o.order_code,
      external_id: o.external_id,
      channel: "partner",
      tx_type: o.type === "Buy" ? "oneoffpurchase" : o.type.toLowerCase(),
      price_token: null,
      rate: o.currencyRate,
      statuses: o.statuses,
      customer: o.customer,
    },
    items,
    { price: o.price, tax: o.tax, total: o.total },
  );
}

function ecomInvoice(ctx: SandboxContext, b: EcomBasket, lang: Lang) {
  const items: InvoiceItem[] = [];
  for (const [sku, qty] of b.items) {
    const product = PRODUCT_BY_SKU.get(sku);
    const unit = b.fix.units.get(sku);
    if (!product || !unit) continue;
    const net = round2(unit.price * qty);
    const tax = percentOf(unit.price * qty, vatRate(product));
    items.push(
      item(
        {
          product_id: product.id,
          product_name: product.name[lang],
          product_weight: product.weight,
          spot_price: unit.spot,
          price: unit.price,
          tax_rate: vatRate(product),
          tax,
          amount: qty,
          total: round2(net + tax),
        },
        1,
      ),
    );
  }
  return invoiceJson(
    ctx,
    {
      guid: b.guid,
      order_code: b.increment_id,
      external_id: b.external_id,
      channel: "ecommerce",
      tx_type: "oneoffpurchase",
      price_token: b.fix.priceToken,
      rate: 1,
      statuses: b.statuses,
      customer: b.customer,
    },
    items,
    // The items and their VAT, as on the order (its fees are the order's, not invoice lines).
    { price: totalsOf(ctx, b).price, tax: totalsOf(ctx, b).tax, total: totalsOf(ctx, b).total },
  );
}

const FEE_LINES = [
  { key: "charge_fee", tr: "Hizmet Bedeli", en: "Service fee" },
  { key: "minting_fee", tr: "Mint Ücreti", en: "Minting fee" },
  { key: "storage_fee", tr: "Saklama Ücreti", en: "Storage fee" },
  { key: "delivery_cost", tr: "Kargo Ücreti", en: "Delivery" },
] as const;

function walletInvoice(ctx: SandboxContext, b: WalletBasket, lang: Lang) {
  const fees = basketFees(ctx, b);
  const products = basketLines(b).map((l) =>
    item(
      {
        product_id: l.product.id,
        product_name: l.product.name[lang],
        product_weight: l.product.weight,
        spot_price: null,
        price: l.price,
        tax_rate: 0,
        tax: 0,
        amount: l.qty,
        total: round2(l.price * l.qty),
      },
      1,
    ),
  );
  const charges = FEE_LINES.filter((f) => fees[f.key] > 0).map((f) => {
    const tax = percentOf(fees[f.key], fees.vat_rate);
    return item(
      {
        product_id: null,
        product_name: t(lang, f.tr, f.en),
        product_weight: 0,
        spot_price: null,
        price: fees[f.key],
        tax_rate: fees.vat_rate,
        tax,
        amount: 1,
        total: round2(fees[f.key] + tax),
      },
      1,
    );
  });
  return invoiceJson(
    ctx,
    {
      guid: b.guid,
      order_code: b.increment_id,
      external_id: null,
      channel: "walletable",
      tx_type: b.type,
      price_token: null,
      rate: 1,
      statuses: b.statuses,
      customer: b.customer,
    },
    [...products, ...charges],
  );
}

/** Partner orders (external id, order code, guid), then e-commerce and walletable orders. */
export function findInvoice(ctx: SandboxContext, key: string, lang: Lang) {
  const guid = key.toUpperCase();
  const partner = findPartnerOrder(ctx, key);
  if (partner) return partnerInvoice(ctx, partner);
  const ecom = [...ctx.state.ecomBaskets.values()].find(
    (b) =>
      b.stage === "order" && (b.external_id === key || b.increment_id === key || b.guid === guid),
  );
  if (ecom) return ecomInvoice(ctx, ecom, lang);
  const wallet = walletOrders(ctx).find((b) => b.increment_id === key || b.guid === guid);
  return wallet ? walletInvoice(ctx, wallet, lang) : null;
}
