import type { OrderStatus } from "../../../contract/common";
import { msg } from "../../i18n/i18n";

/** What a customer calls each of Minted's order statuses. */
export const statusLabel: Record<OrderStatus, string> = {
  created: msg("order.status.created"),
  pending: msg("order.status.pending"),
  processing: msg("order.status.processing"),
  payment_confirmed: msg("order.status.payment_confirmed"),
  preparing: msg("order.status.preparing"),
  packed: msg("order.status.packed"),
  transferring: msg("order.status.transferring"),
  shipped: msg("order.status.shipped"),
  completed: msg("order.status.completed"),
  cancelled: msg("order.status.cancelled"),
  refunding: msg("order.status.refunding"),
  refunded: msg("order.status.refunded"),
};

export type StatusTone = "progress" | "shipped" | "done" | "stopped";

/** The colour family of a status badge (always shown with its text). */
export function statusTone(status: OrderStatus): StatusTone {
  switch (status) {
    case "shipped":
      return "shipped";
    case "completed":
      return "done";
    case "cancelled":
    case "refunding":
    case "refunded":
      return "stopped";
    default:
      return "progress";
  }
}

/** Statuses after which nothing changes any more: the order page stops refreshing. */
export function isFinalStatus(status: OrderStatus): boolean {
  return status === "completed" || status === "cancelled" || status === "refunded";
}

/**
 * How often an open order page asks again. Minutes apart early on (payment → preparing → packed
 * happen within the hour), less often once the parcel is on its way, never when final. Every
 * call scans the customer's orders upstream, so this stays modest.
 */
export function orderRefetchInterval(status: OrderStatus | undefined): number | false {
  if (status === undefined || isFinalStatus(status)) return false;
  return status === "shipped" || status === "refunding" ? 120_000 : 30_000;
}

/**
 * The status filters a customer understands, each standing for one or more of Minted's
 * statuses (the API takes the list).
 */
export const statusFilters = ["in_progress", "shipped", "completed", "cancelled"] as const;
export type StatusFilter = (typeof statusFilters)[number];

export const statusFilterStatuses: Record<StatusFilter, readonly OrderStatus[]> = {
  in_progress: [
    "created",
    "pending",
    "processing",
    "payment_confirmed",
    "preparing",
    "packed",
    "transferring",
  ],
  shipped: ["shipped"],
  completed: ["completed"],
  cancelled: ["cancelled", "refunding", "refunded"],
};

export const statusFilterLabel: Record<StatusFilter, string> = {
  in_progress: msg("orders.filter.inProgress"),
  shipped: msg("orders.filter.shipped"),
  completed: msg("orders.filter.completed"),
  cancelled: msg("orders.filter.cancelled"),
};
