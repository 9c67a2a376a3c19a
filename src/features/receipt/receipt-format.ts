import type { OrderStatus } from "../../../contract/common";
import type { ReceiptPayment } from "../../../contract/orders";
import { msg } from "../../i18n/i18n";

/** Message ids of what the receipt names: statuses, payment methods and states, documents. */

export const statusLabel: Record<OrderStatus, string> = {
  created: msg("receipt.status.created"),
  pending: msg("receipt.status.pending"),
  processing: msg("receipt.status.processing"),
  payment_confirmed: msg("receipt.status.payment_confirmed"),
  preparing: msg("receipt.status.preparing"),
  packed: msg("receipt.status.packed"),
  shipped: msg("receipt.status.shipped"),
  transferring: msg("receipt.status.transferring"),
  completed: msg("receipt.status.completed"),
  cancelled: msg("receipt.status.cancelled"),
  refunding: msg("receipt.status.refunding"),
  refunded: msg("receipt.status.refunded"),
};

export const paymentMethodLabel: Record<ReceiptPayment["method"], string> = {
  card: msg("receipt.payment.card"),
  wallet: msg("receipt.payment.wallet"),
  other: msg("receipt.payment.other"),
};

export const paymentStateLabel: Record<ReceiptPayment["state"], string> = {
  paid: msg("receipt.payment.state.paid"),
  pending: msg("receipt.payment.state.pending"),
  failed: msg("receipt.payment.state.failed"),
};

const legalLabels: Record<string, string> = {
  pre_information: msg("receipt.legal.pre_information"),
  distance_sales: msg("receipt.legal.distance_sales"),
};

/** The message id naming a legal document type, or null for a type this shop does not know. */
export function legalTypeLabel(type: string): string | null {
  return Object.hasOwn(legalLabels, type) ? (legalLabels[type] ?? null) : null;
}

/** The last four digits of a masked card number (`**** **** **** 4321` → `4321`), or null. */
export function cardLastFour(masked: string): string | null {
  return /(\d{4})\s*$/.exec(masked)?.[1] ?? null;
}
