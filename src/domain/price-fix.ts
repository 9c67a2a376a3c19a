import type { Quote } from "../../contract/checkout";

/**
 * The price fix's countdown and the rule "the price charged is the price last shown", as plain
 * functions (the React glue is in countdown-clock.ts and checkout/use-price-fix.ts).
 *
 * Time is counted on the device's monotonic clock (`performance.now()`) from when the quote
 * arrived, starting from the `remainingSeconds` the proxy measured: the device's wall clock may
 * be minutes off, and comparing it with `expiresAt` would show a wrong countdown.
 */

/** A quote and when it arrived (ms on the monotonic clock). */
export interface TimedQuote {
  quote: Quote;
  receivedAt: number;
}

/**
 * Anything with a price fix that arrived at a known monotonic time (a checkout quote, a wallet
 * basket, a digital quote): the countdown needs no more than this.
 */
export interface FixClock {
  quote: { priceFix: { remainingSeconds: number } };
  receivedAt: number;
}

/** Whole seconds left at monotonic time `now` (ms), rounded up; 0 once the fix has run out. */
export function secondsLeft(timed: FixClock, now: number): number {
  const left = timed.quote.priceFix.remainingSeconds - (now - timed.receivedAt) / 1000;
  return left <= 0 ? 0 : Math.ceil(left - 1e-9);
}

/** Milliseconds until the shown whole second changes (for a timer that ticks on the second). */
export function msToNextTick(timed: FixClock, now: number): number {
  const left = timed.quote.priceFix.remainingSeconds * 1000 - (now - timed.receivedAt);
  if (left <= 0) return 1000;
  const partial = left % 1000;
  return partial === 0 ? 1000 : partial;
}

/** `4:00`, `0:09`; `1:02:03` past an hour. */
export function formatCountdown(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(s / 3600);
  const minutes = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, "0");
  return hours > 0
    ? `${String(hours)}:${String(minutes).padStart(2, "0")}:${rest}`
    : `${String(minutes)}:${rest}`;
}

/** Seconds left at which a screen reader hears how long the price still holds. */
export const ANNOUNCE_AT: readonly number[] = [60, 30, 10];

export type CountdownAnnouncement = { kind: "left"; seconds: number } | { kind: "expired" };

/**
 * What a polite live region says about the countdown at `left` seconds: the smallest threshold
 * reached (a minute, 30 s, 10 s), or that the fix ran out; nothing above a minute. The value only
 * changes when a threshold is crossed, and a live region speaks only changes, so a screen reader
 * hears it a few times, never every second (skipped ticks of a background tab included).
 */
export function countdownAnnouncement(left: number): CountdownAnnouncement | null {
  if (left <= 0) return { kind: "expired" };
  const reached = ANNOUNCE_AT.filter((t) => left <= t);
  return reached.length > 0 ? { kind: "left", seconds: Math.min(...reached) } : null;
}

/** The quote the customer last saw and accepted, for the basket it was made for. */
export interface AcceptedQuote {
  quoteId: string;
  total: number;
  /** `basketSignature` of the basket the quote priced. */
  basket: string;
}

/** The basket's lines as one comparable string. */
export function basketSignature(items: readonly { sku: string; quantity: number }[]): string {
  return items
    .map((i) => `${i.sku}x${String(i.quantity)}`)
    .sort()
    .join(",");
}

const sameMoney = (a: number, b: number) => Math.round(a * 100) === Math.round(b * 100);

/**
 * How a quote relates to what the customer accepted:
 * - `accepted`: it is the accepted quote;
 * - `adopt`: it can become the accepted one without asking (nothing accepted yet for this
 *   basket, or a new fix at exactly the same total: the price on screen does not change);
 * - `confirm`: a new fix at another total; the customer must see old and new and confirm.
 */
export type QuoteDecision = "accepted" | "adopt" | "confirm";

export function decideQuote(
  quote: Quote,
  accepted: AcceptedQuote | null,
  basket: string,
): QuoteDecision {
  if (!accepted || accepted.basket !== basket) return "adopt";
  if (accepted.quoteId === quote.quoteId) return "accepted";
  return sameMoney(accepted.total, quote.totals.total) ? "adopt" : "confirm";
}

export function acceptedFrom(quote: Quote, basket: string): AcceptedQuote {
  return { quoteId: quote.quoteId, total: quote.totals.total, basket };
}
