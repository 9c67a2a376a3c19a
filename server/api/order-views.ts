import { currencySchema, type Currency, type OrderStatus } from "../../contract/common.ts";
import type {
  OrderAddress,
  OrderDetail,
  OrderItem,
  OrderPayment,
  OrderSummary,
  Receipt,
  TimelineEvent,
} from "../../contract/orders.ts";
import { isDigitalSku } from "../prices/metal-skus.ts";
import type { Lang } from "../problem.ts";
import type {
  UpstreamEcomOrder,
  UpstreamOrderAddress,
  UpstreamOrderItem,
} from "../../minted/schemas/orders.ts";
import { imagePath } from "./catalog-source.ts";
import { feeLines, totalsView } from "./order-fees.ts";

/** Upstream e-commerce orders → the shop's order views (the invoice: `invoice-view.ts`). */

/** Our status ↔ Minted's status name and id (minted-api.md §9.8). */
export const UPSTREAM_STATUSES: readonly { status: OrderStatus; id: number; name: string }[] = [
  { status: "created", id: 1, name: "Created" },
  { status: "pending", id: 2, name: "Pending" },
  { status: "processing", id: 3, name: "Processing" },
  { status: "cancelled", id: 4, name: "Cancelled" },
  { status: "completed", id: 5, name: "Completed" },
  { status: "preparing", id: 6, name: "Preparing" },
  { status: "packed", id: 7, name: "Packed" },
  { status: "shipped", id: 8, name: "Shipped" },
  { status: "transferring", id: 9, name: "Transferring" },
  { status: "refunding", id: 10, name: "Refunding" },
  { status: "refunded", id: 11, name: "Refunded" },
  { status: "payment_confirmed", id: 12, name: "Payment Confirmed" },
];

/** Minted's name for our status (the Get Orders `status` filter takes names). */
export function upstreamStatusName(status: OrderStatus): string {
  return UPSTREAM_STATUSES.find((s) => s.status === status)?.name ?? "Pending";
}

export function statusOf(order: Pick<UpstreamEcomOrder, "status_id" | "status_name">): OrderStatus {
  const name = order.status_name.trim().toLowerCase();
  return (
    UPSTREAM_STATUSES.find((s) => s.name.toLowerCase() === name)?.status ??
    UPSTREAM_STATUSES.find((s) => s.id === order.status_id)?.status ??
    "pending"
  );
}

function iso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

/** Every digit but the last two replaced (KVKK): `10000000146` → `*********46`. */
export function maskTaxNumber(value: string | null | undefined): string | null {
  if (!value) return null;
  const compact = value.replace(/\s+/g, "");
  if (compact.length <= 2) return "*".repeat(compact.length);
  return `${"*".repeat(compact.length - 2)}${compact.slice(-2)}`;
}

function invoiceType(value: string | null | undefined): "individual" | "corporate" | null {
  if (!value) return null;
  return value.toLowerCase() === "corporate" ? "corporate" : "individual";
}

export function addressView(a: UpstreamOrderAddress | null | undefined): OrderAddress | null {
  if (!a) return null;
  return {
    fullName: a.fullname ?? null,
    companyName: a.company_name ?? null,
    phone: a.phone ?? null,
    email: a.email ?? null,
    city: a.city,
    county: a.county,
    district: a.district ?? null,
    street: a.street ?? null,
    zipcode: a.zipcode ?? null,
    line: a.address,
    invoiceType: invoiceType(a.invoice_type),
    taxOffice: a.tax_office ?? null,
    taxNumberMasked: maskTaxNumber(a.tax_number),
  };
}

function itemView(i: UpstreamOrderItem): OrderItem {
  return {
    sku: i.sku,
    name: i.product_name,
    quantity: i.amount,
    weightGrams: i.product_weight ?? null,
    unitPrice: i.price,
    vatRate: i.tax_rate,
    vat: i.tax,
    total: i.total,
    image: i.product_images?.length ? imagePath(i.sku, 1) : null,
  };
}

function paymentView(o: UpstreamEcomOrder): OrderPayment | null {
  const p = o.payment;
  if (!p) return null;
  const type = (p.payment_type ?? "").toLowerCase().replace(/[^a-z]/g, "");
  const method =
    type === "creditcard" || type === "card"
      ? "card"
      : type === "cash" || type === "wallet"
        ? "wallet"
        : "other";
  const digits = (p.details?.card_number ?? "").replace(/\D/g, "");
  return {
    method,
    state: p.state === "success" ? "paid" : p.state === "failed" ? "failed" : "pending",
    cardMasked: digits.length >= 4 ? `**** **** **** ${digits.slice(-4)}` : null,
    cardBrand: p.details?.card_association ?? null,
  };
}

function httpUrl(value: string | null | undefined): string | null {
  if (!value) return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
  } catch {
    return null;
  }
}

const PHYSICAL_PATH: readonly OrderStatus[] = [
  "created",
  "payment_confirmed",
  "preparing",
  "packed",
  "shipped",
  "completed",
];
const DIGITAL_PATH: readonly OrderStatus[] = ["created", "payment_confirmed", "completed"];

/**
 * The order's steps. Minted gives the current status and the order time only, so the steps
 * before the current one are `done` without a time (the creation has the order time).
 */
export function timelineOf(
  status: OrderStatus,
  orderedAt: string | null,
  physical: boolean,
): TimelineEvent[] {
  const path = physical ? PHYSICAL_PATH : DIGITAL_PATH;
  const at = (s: OrderStatus) => (s === "created" ? orderedAt : null);
  const index = path.indexOf(status);
  if (index >= 0) return path.map((s, i) => ({ status: s, at: at(s), done: i <= index }));
  const steps: OrderStatus[] = [
    "created",
    ...(status === "refunded" ? (["refunding"] as const) : []),
    status,
  ];
  return steps.map((s) => ({ status: s, at: at(s), done: true }));
}

function deliveryView(o: UpstreamEcomOrder): OrderDetail["delivery"] {
  const d = o.delivery;
  if (!d) return null;
  const view = {
    trackingNumber: d.cargo_tracking_number ?? null,
    trackingUrl: httpUrl(d.cargo_tracking_url),
    estimatedArrival: d.estimated_arrival_date ?? null,
  };
  return view.trackingNumber || view.trackingUrl || view.estimatedArrival ? view : null;
}

/** E-commerce orders are in TRY (minted-api.md §6) unless Minted names another `currency_code`. */
function currencyOf(o: UpstreamEcomOrder): Currency {
  const named = currencySchema.safeParse(o.currency_code?.toUpperCase());
  return named.success ? named.data : "TRY";
}

export function orderSummaryView(o: UpstreamEcomOrder): OrderSummary {
  return {
    code: o.increment_id,
    status: statusOf(o),
    orderedAt: iso(o.order_at),
    total: o.paid_total,
    currency: currencyOf(o),
    itemCount: o.items.length,
    items: o.items.map((i) => ({
      sku: i.sku,
      name: i.product_name,
      quantity: i.amount,
      image: i.product_images?.length ? imagePath(i.sku, 1) : null,
    })),
  };
}

export function orderDetailView(o: UpstreamEcomOrder, lang: Lang): OrderDetail {
  const status = statusOf(o);
  const orderedAt = iso(o.order_at);
  const fees = feeLines(o, lang);
  return {
    code: o.increment_id,
    status,
    orderedAt,
    currency: currencyOf(o),
    timeline: timelineOf(
      status,
      orderedAt,
      o.items.some((i) => !isDigitalSku(i.sku)),
    ),
    items: o.items.map(itemView),
    fees,
    totals: totalsView(o),
    shippingAddress: addressView(o.shippingaddress),
    billingAddress: addressView(o.billingaddress),
    payment: paymentView(o),
    delivery: deliveryView(o),
  };
}

/** What the proxy kept at checkout that Minted's order does not carry. */
export interface ReceiptExtras {
  legalAcceptances: Receipt["legalAcceptances"];
  /** The instalment count chosen for a card payment. */
  installments: number | null;
}

const NO_EXTRAS: ReceiptExtras = { legalAcceptances: [], installments: null };

export function receiptView(
  o: UpstreamEcomOrder,
  lang: Lang,
  extras: ReceiptExtras = NO_EXTRAS,
): Receipt {
  const fees = feeLines(o, lang);
  const paid = paymentView(o);
  const payment = paid && {
    ...paid,
    installments: paid.method === "card" ? extras.installments : null,
  };
  return {
    orderCode: o.increment_id,
    status: statusOf(o),
    orderedAt: iso(o.order_at),
    currency: currencyOf(o),
    items: o.items.map(itemView),
    fees,
    totals: totalsView(o),
    paidAmount: payment?.state === "paid" ? o.paid_total : 0,
    payment,
    shippingAddress: addressView(o.shippingaddress),
    billingAddress: addressView(o.billingaddress),
    legalAcceptances: extras.legalAcceptances.map((a) => ({
      type: a.type,
      version: a.version,
      acceptedAt: iso(a.acceptedAt) ?? a.acceptedAt,
    })),
  };
}
