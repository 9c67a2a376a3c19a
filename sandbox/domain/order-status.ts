import type { StatusEvent } from "./state.ts";

/** Order status ids, in the order of Minted's enum (ids 1 and 2 are documented; the rest follow the list). */
export const STATUS = {
  Created: 1,
  Pending: 2,
  Processing: 3,
  Cancelled: 4,
  Completed: 5,
  Preparing: 6,
  Packed: 7,
  Shipped: 8,
  Transferring: 9,
  Refunding: 10,
  Refunded: 11,
  PaymentConfirmed: 12,
} as const;

export const STATUS_NAME: Record<number, string> = {
  1: "Created",
  2: "Pending",
  3: "Processing",
  4: "Cancelled",
  5: "Completed",
  6: "Preparing",
  7: "Packed",
  8: "Shipped",
  9: "Transferring",
  10: "Refunding",
  11: "Refunded",
  12: "Payment Confirmed",
};

/** Sandbox-clock schedule after payment: Preparing, Packed, Shipped, Completed. */
export const FULFILMENT_SCHEDULE: readonly { status: number; afterSeconds: number }[] = [
  { status: STATUS.Preparing, afterSeconds: 5 * 60 },
  { status: STATUS.Packed, afterSeconds: 30 * 60 },
  { status: STATUS.Shipped, afterSeconds: 2 * 3600 },
  { status: STATUS.Completed, afterSeconds: 48 * 3600 },
];

const FINAL = new Set<number>([
  STATUS.Cancelled,
  STATUS.Completed,
  STATUS.Refunding,
  STATUS.Refunded,
]);

export function isFinal(statusId: number): boolean {
  return FINAL.has(statusId);
}

/**
 * Advance a paid physical order along the fulfilment schedule up to `now`, appending the events
 * it passed. A final status (Completed, Cancelled, Refunding, Refunded), including one forced by
 * the control API, stops the progression.
 */
export function progressStatuses(
  statuses: StatusEvent[],
  paidAt: number | null,
  now: number,
): void {
  if (paidAt === null) return;
  for (const step of FULFILMENT_SCHEDULE) {
    const current = statuses.at(-1)?.status_id;
    if (current !== undefined && isFinal(current)) return;
    const at = paidAt + step.afterSeconds * 1000;
    if (at > now) return;
    if (statuses.some((s) => s.status_id === step.status)) continue;
    statuses.push({ status_id: step.status, at });
  }
}

export function currentStatus(statuses: StatusEvent[], fallback: number = STATUS.Pending): number {
  return statuses.at(-1)?.status_id ?? fallback;
}
