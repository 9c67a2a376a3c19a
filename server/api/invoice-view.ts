import type { Currency } from "../../contract/common.ts";
import type { Invoice } from "../../contract/orders.ts";
import type { UpstreamInvoice } from "../../minted/schemas/invoice.ts";
import type { UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import type { Lang } from "../problem.ts";
import { feeLines } from "./order-fees.ts";
import { addressView } from "./order-views.ts";

/**
 * Minted's Get Order Invoice (api-38613148) → the shop's invoice details.
 *
 * The document is named "Fatura bilgileri" / "Invoice details", not "e-Arşiv Fatura": Minted's
 * invoice has no invoice number, date or ETTN, so the shop shows what it knows — the order code,
 * items, amounts and VAT Minted gives, the order's addresses and fees, and the partner's seller —
 * and claims to be no official e-Archive invoice.
 */

type Seller = Invoice["seller"];

/**
 * The seller of development and sandbox mode: the same company and address as the sandbox's
 * legal documents, and `sample` so that the page says it is not a configured seller.
 */
export const SAMPLE_SELLER: Seller = {
  name: "Minted Kıymetli Madenler A.Ş.",
  taxOffice: "Boğaziçi Kurumlar",
  taxNumber: "6220000007",
  address: "Esentepe Mah. Büyükdere Cad. No: 199, 34394 Şişli / İstanbul",
  sample: true,
};

/**
 * The one seller of the shop's invoices, from INVOICE_SELLER_* (required in production, see
 * `server/env.ts`); without them, outside production, the sample seller.
 */
export function configuredSeller(env: {
  sandboxMode: boolean;
  INVOICE_SELLER_NAME?: string | undefined;
  INVOICE_SELLER_TAX_OFFICE?: string | undefined;
  INVOICE_SELLER_TAX_NUMBER?: string | undefined;
  INVOICE_SELLER_ADDRESS?: string | undefined;
}): Seller {
  if (env.INVOICE_SELLER_NAME && env.INVOICE_SELLER_TAX_NUMBER)
    return {
      name: env.INVOICE_SELLER_NAME,
      taxOffice: env.INVOICE_SELLER_TAX_OFFICE ?? null,
      taxNumber: env.INVOICE_SELLER_TAX_NUMBER,
      address: env.INVOICE_SELLER_ADDRESS ?? null,
      sample: false,
    };
  // The environment check refuses to start production without them; this is the last guard.
  if (!env.sandboxMode) throw new Error("INVOICE_SELLER_* is required in production");
  return SAMPLE_SELLER;
}

/** What the shop knows about the invoice's order besides Minted's invoice. */
export interface InvoiceContext {
  seller: Seller;
  lang: Lang;
  currency: Currency;
  /** The e-commerce order, when the shop could read it (addresses, fees, paid total, date). */
  order: UpstreamEcomOrder | null;
  /** ISO 8601, when known from elsewhere (the digital order's record). */
  orderedAt?: string | null;
}

function iso(value: string | null | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

function buyerName(v: UpstreamInvoice, billing: ReturnType<typeof addressView>): string {
  const c = v.customer;
  const parts = [c?.firstname, c?.middlename, c?.lastname].filter(Boolean).join(" ");
  return (
    (billing?.invoiceType === "corporate" ? billing.companyName : null) ??
    billing?.fullName ??
    c?.fullname ??
    parts
  );
}

export function invoiceView(v: UpstreamInvoice, ctx: InvoiceContext): Invoice {
  const order = ctx.order;
  const billing = addressView(order?.billingaddress);
  const customer = v.customer;
  const fees = order ? feeLines(order, ctx.lang) : [];
  return {
    orderCode: v.order_code,
    orderedAt: iso(order?.order_at) ?? iso(ctx.orderedAt),
    currency: ctx.currency,
    seller: ctx.seller,
    buyer: {
      name: buyerName(v, billing),
      email: billing?.email ?? customer?.email ?? null,
      phone: billing?.phone ?? customer?.phone ?? null,
      identityNumber: order?.billingaddress?.tax_number ?? customer?.identity_number ?? null,
      taxOffice: billing?.taxOffice ?? null,
      invoiceType: billing?.invoiceType ?? null,
      address: billing
        ? {
            city: billing.city,
            county: billing.county,
            district: billing.district,
            street: billing.street,
            zipcode: billing.zipcode,
            line: billing.line,
          }
        : null,
    },
    shippingAddress: addressView(order?.shippingaddress),
    items: v.items.map((i) => ({
      name: i.product_name,
      quantity: i.amount,
      // A weight of 0 (a service line) is no weight.
      weightGrams: i.product_weight ? i.product_weight : null,
      unitPrice: i.price,
      vatRate: i.tax_rate,
      vat: i.tax,
      total: i.total,
    })),
    totals: { subtotal: v.price, vat: v.tax, total: v.total },
    fees,
    paidTotal: order ? order.paid_total : null,
  };
}
