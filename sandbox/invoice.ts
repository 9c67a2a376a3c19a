import { PRODUCT_BY_SKU, vatRate } from "./catalog.ts";
import { dateIstanbul } from "./clock.ts";
import type { SandboxContext } from "./context.ts";
import { t, type Lang } from "./http.ts";
import { DIGITAL_BY_SKU, findPartnerOrder } from "./partner-order.ts";
import { hashSeed, round2 } from "./random.ts";
import { totalsOf } from "./ecom-order.ts";
import { customerJson } from "./routes/customers.ts";
import type { AddressSnapshot, EcomBasket, PartnerOrder, WalletBasket } from "./state.ts";
import { basketFees, basketLines, snapshotAddress, walletOrders } from "./wallet-basket.ts";
import { percentOf } from "./walletable-fees.ts";

/** Invoices for every channel's orders (`GET /partner/order/{id}/invoice`). */

export const SELLER = {
  name: "Minted Kıymetli Madenler A.Ş.",
  tax_office: "Boğaziçi Kurumlar",
  tax_number: "6220000007",
  address: "Büyükdere Cad. No: 185, 34394 Levent, Şişli / İstanbul",
};

interface InvoiceItem {
  sku: string;
  product_name: string;
  product_weight: number;
  purity: number;
  amount: number;
  unit_price: number;
  tax_rate: number;
  tax: number;
  total: number;
}

interface InvoiceHead {
  guid: string;
  order_code: string;
  external_id: string | null;
  orderAt: number;
  type: "Buy" | "Sell" | "Delivery";
  channel: "partner" | "ecommerce" | "walletable";
  price: number;
  tax: number;
  total: number;
  currency_code: string;
  currency_rate: number;
  customer: string;
  billing: AddressSnapshot | null;
}

function invoiceNumber(guid: string, orderAt: number): string {
  const serial = String(hashSeed("invoice", guid) % 1_000_000_000).padStart(9, "0");
  return `MNT${dateIstanbul(orderAt).slice(0, 4)}${serial}`;
}

function billingJson(b: AddressSnapshot | null) {
  if (!b) return null;
  return {
    external_id: b.external_id,
    invoice_type: b.invoice_type,
    fullname: b.fullname,
    company_name: b.company_name,
    phone: b.phone,
    email: b.email,
    city: b.city,
    county: b.county,
    district: b.district,
    address: b.address,
    zipcode: b.zipcode,
    street: b.street,
    tax_office: b.tax_office,
    tax_number: b.tax_number,
  };
}

function invoiceJson(ctx: SandboxContext, head: InvoiceHead, items: InvoiceItem[]) {
  const customer = ctx.state.customers.get(head.customer);
  return {
    guid: head.guid,
    order_code: head.order_code,
    external_id: head.external_id,
    invoice_number: invoiceNumber(head.guid, head.orderAt),
    invoice_date: dateIstanbul(head.orderAt),
    type: head.type,
    tx_type: head.type.toLowerCase(),
    channel: head.channel,
    price: head.price,
    tax: head.tax,
    total: head.total,
    currency_code: head.currency_code,
    currency_rate: head.currency_rate,
    currency_total: round2(head.total * head.currency_rate),
    items,
    customer: customer ? customerJson(customer) : null,
    billing: billingJson(head.billing),
    seller: { ...SELLER },
  };
}

/** The customer's first billing address, for channels whose orders carry none. */
function customerBilling(ctx: SandboxContext, customer: string): AddressSnapshot | null {
  const address = [...ctx.state.addresses.values()].find(
    (a) => a.customer === customer && a.type === "billing",
  );
  return address ? snapshotAddress(address) : null;
}

function partnerInvoice(ctx: SandboxContext, o: PartnerOrder) {
  const items = o.items.map((i): InvoiceItem => {
    const wallet = DIGITAL_BY_SKU.get(i.sku)?.wallet;
    const product = wallet ? PRODUCT_BY_SKU.get(wallet) : undefined;
    return {
      sku: i.sku,
      product_name: i.product_name,
      product_weight: product?.weight ?? 1,
      purity: product?.purity ?? 999.5,
      amount: i.amount,
      unit_price: i.price,
      tax_rate: i.tax_rate,
      tax: i.tax,
      total: i.total,
    };
  });
  const head: InvoiceHead = {
    ...o,
    external_id: o.external_id,
    orderAt: o.orderAt,
    channel: "partner",
    currency_code: o.currency,
    currency_rate: o.currencyRate,
    billing: customerBilling(ctx, o.customer),
  };
  return invoiceJson(ctx, head, items);
}

/**
 * The services an e-commerce order charges on top of its items. Their amounts in the order are
 * gross; the invoice shows them with the services' 20 % VAT included, so that the invoice's total
 * is what the customer paid.
 */
const SERVICE_LINES = [
  { key: "delivery_price", sku: "SRV-DELIVERY", tr: "Kargo bedeli", en: "Delivery" },
  { key: "insurance_price", sku: "SRV-INSURANCE", tr: "Taşıma sigortası", en: "Transit insurance" },
  {
    key: "market_commission",
    sku: "SRV-COMMISSION",
    tr: "Piyasa komisyonu",
    en: "Market commission",
  },
  { key: "payment_cost", sku: "SRV-PAYMENT", tr: "Ödeme maliyeti", en: "Payment cost" },
] as const;
const SERVICE_VAT_RATE = 20;

function ecomInvoice(ctx: SandboxContext, b: EcomBasket, lang: Lang) {
  const items: InvoiceItem[] = [];
  for (const [sku, qty] of b.items) {
    const product = PRODUCT_BY_SKU.get(sku);
    const unit = b.fix.units.get(sku);
    if (!product || !unit) continue;
    const net = round2(unit.price * qty);
    const rate = vatRate(product);
    const tax = percentOf(unit.price * qty, rate);
    items.push({
      sku,
      product_name: product.name[lang],
      product_weight: product.weight,
      purity: product.purity,
      amount: qty,
      unit_price: unit.price,
      tax_rate: rate,
      tax,
      total: round2(net + tax),
    });
  }
  const totals = totalsOf(ctx, b);
  for (const line of SERVICE_LINES) {
    const gross = totals[line.key];
    if (gross <= 0) continue;
    const net = round2(gross / (1 + SERVICE_VAT_RATE / 100));
    items.push({
      sku: line.sku,
      product_name: t(lang, line.tr, line.en),
      product_weight: 0,
      purity: 0,
      amount: 1,
      unit_price: net,
      tax_rate: SERVICE_VAT_RATE,
      tax: round2(gross - net),
      total: gross,
    });
  }
  const price = round2(items.reduce((s, i) => s + i.unit_price * i.amount, 0));
  const tax = round2(items.reduce((s, i) => s + i.tax, 0));
  const head: InvoiceHead = {
    guid: b.guid,
    order_code: b.increment_id,
    external_id: b.external_id,
    orderAt: b.orderAt ?? b.createdAt,
    type: "Buy",
    channel: "ecommerce",
    price,
    tax,
    // What was paid: items, their VAT and the services.
    total: round2(items.reduce((sum, i) => sum + i.total, 0)),
    currency_code: "TRY",
    currency_rate: 1,
    customer: b.customer,
    billing: b.billing,
  };
  return invoiceJson(ctx, head, items);
}

const FEE_LINES = [
  { key: "charge_fee", sku: "FEE-SERVICE", tr: "Hizmet Bedeli", en: "Service fee" },
  { key: "minting_fee", sku: "FEE-MINTING", tr: "Mint Ücreti", en: "Minting fee" },
  { key: "storage_fee", sku: "FEE-STORAGE", tr: "Saklama Ücreti", en: "Storage fee" },
  { key: "delivery_cost", sku: "FEE-DELIVERY", tr: "Kargo Ücreti", en: "Delivery" },
] as const;

const WALLET_TYPE_NAME = { buy: "Buy", sell: "Sell", delivery: "Delivery" } as const;

function walletInvoice(ctx: SandboxContext, b: WalletBasket, lang: Lang) {
  const fees = basketFees(ctx, b);
  const products = basketLines(b).map((l): InvoiceItem => ({
    sku: l.product.sku,
    product_name: l.product.name[lang],
    product_weight: l.product.weight,
    purity: l.product.purity,
    amount: l.qty,
    unit_price: l.price,
    tax_rate: 0,
    tax: 0,
    total: round2(l.price * l.qty),
  }));
  const charges = FEE_LINES.filter((f) => fees[f.key] > 0).map((f): InvoiceItem => {
    const tax = percentOf(fees[f.key], fees.vat_rate);
    return {
      sku: f.sku,
      product_name: t(lang, f.tr, f.en),
      product_weight: 0,
      purity: 0,
      amount: 1,
      unit_price: fees[f.key],
      tax_rate: fees.vat_rate,
      tax,
      total: round2(fees[f.key] + tax),
    };
  });
  const head: InvoiceHead = {
    guid: b.guid,
    order_code: b.increment_id,
    external_id: null,
    orderAt: b.orderAt ?? b.createdAt,
    type: WALLET_TYPE_NAME[b.type],
    channel: "walletable",
    price: fees.total,
    tax: fees.charges_vat,
    total: fees.paid_total,
    currency_code: "TRY",
    currency_rate: 1,
    customer: b.customer,
    billing: customerBilling(ctx, b.customer),
  };
  return invoiceJson(ctx, head, [...products, ...charges]);
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
