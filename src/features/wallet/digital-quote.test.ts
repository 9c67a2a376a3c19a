import { describe, expect, it } from "vitest";
import type { DigitalQuote } from "../../../contract/digital";
import { secondsLeft } from "../../domain/price-fix";
import {
  decideDigitalQuote,
  orderBodyFor,
  parseDecimal,
  samePrice,
  timedDigitalQuote,
} from "./digital-quote";

const quote = (over: Partial<DigitalQuote> = {}): DigitalQuote => ({
  quoteId: "a".repeat(32),
  metal: "gold",
  side: "buy",
  currency: "TRY",
  unitPrice: 4300,
  grams: 1.5,
  amount: 6450,
  expiresAt: "2026-12-03T12:00:00.000Z",
  remainingSeconds: 240,
  ...over,
});

describe("parseDecimal", () => {
  it("reads Turkish and English decimals", () => {
    expect(parseDecimal("1,5")).toBe(1.5);
    expect(parseDecimal("1.5")).toBe(1.5);
    expect(parseDecimal(" 0,5 g")).toBe(0.5);
    expect(parseDecimal("1.000,50", true)).toBe(1000.5);
    expect(parseDecimal("1,000.50", true)).toBe(1000.5);
  });

  it("groups thousands only in money", () => {
    expect(parseDecimal("1.000", true)).toBe(1000);
    expect(parseDecimal("₺1.000.000", true)).toBe(1_000_000);
    expect(parseDecimal("1.000")).toBe(1);
  });

  it("says empty and nonsense apart", () => {
    expect(parseDecimal("  ")).toBeUndefined();
    expect(parseDecimal("abc")).toBeNaN();
    expect(parseDecimal("1,2,3")).toBeNaN();
    expect(parseDecimal("-1")).toBeNaN();
  });
});

describe("decideDigitalQuote", () => {
  it("adopts the first quote and keeps an accepted one", () => {
    expect(decideDigitalQuote(quote(), null)).toBe("adopt");
    expect(decideDigitalQuote(quote(), quote())).toBe("accepted");
  });

  it("takes over a new fix at the same price without asking", () => {
    expect(decideDigitalQuote(quote({ quoteId: "b".repeat(32) }), quote())).toBe("adopt");
  });

  it("asks when the money or the grams changed", () => {
    const next = { quoteId: "b".repeat(32) };
    expect(decideDigitalQuote(quote({ ...next, amount: 6451.2 }), quote())).toBe("confirm");
    expect(decideDigitalQuote(quote({ ...next, grams: 1.4999 }), quote())).toBe("confirm");
    expect(samePrice(quote({ amount: 6450.004 }), quote())).toBe(true);
  });
});

describe("orderBodyFor", () => {
  it("repeats the quote's grams or amount, as the customer entered it", () => {
    expect(orderBodyFor({}, quote())).toEqual({ quoteId: "a".repeat(32), side: "buy", grams: 1.5 });
    // A sale by amount: the quote sells whole 0.0001 g, so its amount is what the order names.
    expect(orderBodyFor({ amount: 1000 }, quote({ side: "sell", amount: 999.97 }))).toEqual({
      quoteId: "a".repeat(32),
      side: "sell",
      amount: 999.97,
    });
  });
});

describe("timedDigitalQuote", () => {
  it("counts down on the monotonic clock from the seconds the proxy measured", () => {
    const timed = timedDigitalQuote(quote({ remainingSeconds: 10 }), 5_000);
    expect(secondsLeft(timed, 5_000)).toBe(10);
    expect(secondsLeft(timed, 9_500)).toBe(6);
    expect(secondsLeft(timed, 15_000)).toBe(0);
  });
});
