import type { Invoice } from "../../contract/orders.ts";
import type { AppDeps } from "../deps.ts";
import { ApiError, type Lang } from "../problem.ts";
import { digitalRecordsOf } from "./digital-records.ts";
import { findInvoice, findOwnOrder } from "./order-finder.ts";
import { configuredSeller, invoiceView } from "./invoice-view.ts";

/** E-commerce orders are in TRY (minted-api.md §6); Minted's invoice names no currency. */
const ECOM_CURRENCY = "TRY";

/**
 * Customer `customer`'s invoice details of order `code`: Minted's invoice, and what the shop can
 * add to it — the e-commerce order (addresses, fees, paid total, date) or, for a digital order
 * the proxy placed, its record (currency, date). Someone else's order, or one Minted does not
 * know, is `not_found`; a missing customer, order or record only leaves those parts out.
 */
export async function customerInvoice(
  deps: AppDeps,
  customer: string,
  code: string,
  lang: Lang,
): Promise<Invoice> {
  const invoice = await findInvoice(deps, code);
  if (!invoice) throw new ApiError("not_found");
  const owner = invoice.customer?.external_id;
  if (owner && owner !== customer) throw new ApiError("not_found");

  // A partner (digital) order has no e-commerce order; the proxy's record of it, if any, says
  // its currency and time without asking Minted again. ("partner" is the documented example's
  // channel; other channel values are not documented.)
  const digital =
    invoice.channel === "partner"
      ? (await digitalRecordsOf(deps.store, customer)).find(
          (r) =>
            r.orderCode === invoice.order_code ||
            r.orderCode === code ||
            r.externalId === invoice.external_id ||
            r.externalId === code,
        )
      : undefined;
  // A partner order is never an e-commerce order: no look-up for one.
  const order =
    digital || invoice.channel === "partner" ? null : await findOwnOrder(deps, customer, code);
  // Without the customer on the invoice, the order (or the record) is what shows it is theirs.
  if (!owner && !order && !digital) throw new ApiError("not_found");
  return invoiceView(invoice, {
    seller: configuredSeller(deps.env),
    lang,
    currency: digital?.currency ?? ECOM_CURRENCY,
    order,
    orderedAt: digital?.createdAt ?? null,
  });
}
