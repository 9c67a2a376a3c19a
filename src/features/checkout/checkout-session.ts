import { useSyncExternalStore } from "react";
import { z } from "zod/mini";
import { paymentTypeSchema, type PaymentType } from "../../../contract/checkout";
import { SessionSlot, tabStorage } from "../../lib/tab-storage";
import { AttemptStore, attemptSchema } from "./payment-attempt";
import type { AcceptedQuote } from "../../domain/price-fix";

/**
 * What the checkout remembers in this tab (sessionStorage): it survives a reload, the trip to the
 * bank and back, and a crashed webview renderer; it ends with the tab.
 */

const storage = tabStorage();

/**
 * The customer's choices on the way through the steps. (The legal acceptances are the proxy's
 * record, read with the documents: they survive a reload and another device.)
 */
const progressSchema = z.object({
  accepted: z.nullable(z.object({ quoteId: z.string(), total: z.number(), basket: z.string() })),
  paymentType: z.nullable(paymentTypeSchema),
  installments: z.number(),
});
type Progress = z.output<typeof progressSchema>;

const emptyProgress: Progress = {
  accepted: null,
  paymentType: null,
  installments: 1,
};

/** The last order this tab placed: where a checkout step with an empty basket sends the customer. */
const orderRecordSchema = z.object({
  orderCode: z.string(),
  state: z.enum(["awaiting_bank", "paid"]),
  redirectUrl: z.optional(z.string()),
  at: z.number(),
});
export type OrderRecord = z.output<typeof orderRecordSchema>;

/** The bank declined (or the payment never started): shown on the pay step until the next tap. */
const declineSchema = z.object({
  orderCode: z.string(),
  reason: z.optional(z.string()),
  code: z.optional(z.string()),
});
export type Decline = z.output<typeof declineSchema>;

const progressSlot = new SessionSlot(storage, "minted.checkout.progress", progressSchema);
const orderSlot = new SessionSlot(storage, "minted.checkout.order", orderRecordSchema);
const declineSlot = new SessionSlot(storage, "minted.checkout.decline", declineSchema);
const attemptSlot = new SessionSlot(storage, "minted.checkout.attempt", attemptSchema);

export const attempts = new AttemptStore(attemptSlot);

function useSlot<T>(slot: { get(): T; subscribe: (listener: () => void) => () => void }): T {
  const read = () => slot.get();
  return useSyncExternalStore(slot.subscribe, read, read);
}

// ---------------------------------------------------------------- progress

function readProgress(): Progress {
  return progressSlot.get() ?? emptyProgress;
}

function updateProgress(change: (p: Progress) => Progress): void {
  progressSlot.set(change(readProgress()));
}

export function useProgress(): Progress {
  return useSlot(progressSlot) ?? emptyProgress;
}

export function setAcceptedQuote(accepted: AcceptedQuote): void {
  updateProgress((p) => ({ ...p, accepted }));
}

export function setPaymentChoice(paymentType: PaymentType, installments: number): void {
  updateProgress((p) => ({ ...p, paymentType, installments }));
}

/** After a paid order: the next checkout starts afresh. */
export function clearProgress(): void {
  progressSlot.set(null);
}

// ---------------------------------------------------------------- the last order

/** An order record is only acted on for a while (a later visit to checkout starts afresh). */
const ORDER_RECORD_TTL_MS = 2 * 3600_000;

export function readOrderRecord(now = Date.now()): OrderRecord | null {
  const record = orderSlot.get();
  return record && now - record.at < ORDER_RECORD_TTL_MS ? record : null;
}

export function recordOrder(record: Omit<OrderRecord, "at">): void {
  orderSlot.set({ ...record, at: Date.now() });
}

export function clearOrderRecord(): void {
  orderSlot.set(null);
}

// ---------------------------------------------------------------- a declined payment

/**
 * A declined payment also ends the price the customer accepted for it: Minted fixes a new price
 * for the basket (the fix was not running out), and the next attempt starts from that one, named
 * on the Pay button, instead of a "the price fix ran out" warning beside the bank's answer.
 */
export function recordDecline(decline: Decline): void {
  declineSlot.set(decline);
  updateProgress((p) => ({ ...p, accepted: null }));
}

export function clearDecline(): void {
  declineSlot.set(null);
}

export function useDecline(): Decline | null {
  return useSlot(declineSlot);
}

export function useUnresolvedAttempt() {
  const attempt = useSlot(attemptSlot);
  return attempt?.sent ? attempt : null;
}

export const receiptPath = (orderCode: string) =>
  `/orders/${encodeURIComponent(orderCode)}/receipt`;

export const returnPath = (orderCode: string) =>
  `/checkout/return?order=${encodeURIComponent(orderCode)}`;

/** Navigation state of the pay step's hand-over: go on to the bank if the order waits there. */
export const resumeState = { resumePayment: true } as const;
