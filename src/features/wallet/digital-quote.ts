import type { DigitalQuote, DigitalQuoteBody } from "../../../contract/digital";

/**
 * The quick buy / sell's price rules as plain functions: what the customer accepted, and
 * whether a new fix (after the countdown ran out, or a refused order) can replace it silently.
 */

/** A quote and when it arrived on the monotonic clock (the shape the countdown reads). */
export interface TimedDigitalQuote {
  digital: DigitalQuote;
  receivedAt: number;
  quote: { priceFix: { remainingSeconds: number } };
}

export function timedDigitalQuote(quote: DigitalQuote, receivedAt: number): TimedDigitalQuote {
  return {
    digital: quote,
    receivedAt,
    quote: { priceFix: { remainingSeconds: quote.remainingSeconds } },
  };
}

const cents = (n: number) => Math.round(n * 100);
const tenThousandths = (n: number) => Math.round(n * 10_000);

/** Same money and the same grams: the customer would see exactly what they accepted. */
export function samePrice(a: DigitalQuote, b: DigitalQuote): boolean {
  return (
    a.side === b.side &&
    a.metal === b.metal &&
    cents(a.amount) === cents(b.amount) &&
    tenThousandths(a.grams) === tenThousandths(b.grams)
  );
}

/**
 * `accepted`: the quote on screen is the accepted one; `adopt`: a new fix at the same price
 * (take it over without asking); `confirm`: the price changed, the customer must confirm it.
 */
export function decideDigitalQuote(
  quote: DigitalQuote,
  accepted: DigitalQuote | null,
): "accepted" | "adopt" | "confirm" {
  if (!accepted) return "adopt";
  if (accepted.quoteId === quote.quoteId) return "accepted";
  return samePrice(accepted, quote) ? "adopt" : "confirm";
}

/**
 * The order body for an accepted quote: the side and the quantity the customer entered, as
 * the quote fixed it (the grams an amount buys are the quote's, not a guess of ours).
 */
export function orderBodyFor(request: Pick<DigitalQuoteBody, "amount">, quote: DigitalQuote) {
  return request.amount !== undefined
    ? { quoteId: quote.quoteId, side: quote.side, amount: quote.amount }
    : { quoteId: quote.quoteId, side: quote.side, grams: quote.grams };
}

/**
 * Parses a number typed the Turkish or English way ("1.000,50", "1,000.50", "1,5", "1.5").
 * With `thousands` (money), a lone dot before three digits groups thousands ("1.000" = 1000);
 * in grams a dot is always the decimal point. Empty is undefined; nonsense is NaN.
 */
export function parseDecimal(text: string, thousands = false): number | undefined {
  const t = text.trim().replace(/\s|₺|TRY|g$/gi, "");
  if (t === "") return undefined;
  const lastComma = t.lastIndexOf(",");
  const lastDot = t.lastIndexOf(".");
  let normal: string;
  if (lastComma >= 0 && lastDot >= 0)
    normal = lastComma > lastDot ? t.replace(/\./g, "").replace(",", ".") : t.replace(/,/g, "");
  else if (lastComma >= 0) normal = t.replace(",", ".");
  else if (thousands && ((t.match(/\./g) ?? []).length > 1 || /^\d{1,3}\.\d{3}$/.test(t)))
    // "1.000" or "1.000.000": thousands separators as Turkish writes them.
    normal = t.replace(/\./g, "");
  else normal = t;
  if (!/^\d+(\.\d+)?$/.test(normal)) return Number.NaN;
  return Number(normal);
}
