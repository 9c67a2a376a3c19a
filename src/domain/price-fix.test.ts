import { describe, expect, it } from "vitest";
import type { Quote } from "../../contract/checkout";
import {
  acceptedFrom,
  countdownAnnouncement,
  basketSignature,
  decideQuote,
  formatCountdown,
  msToNextTick,
  secondsLeft,
  type TimedQuote,
} from "./price-fix";

function quote(over: { quoteId?: string; total?: number; remaining?: number } = {}): Quote {
  return {
    quoteId: over.quoteId ?? "q1",
    currency: "TRY",
    itemCount: 1,
    fees: [],
    totals: { subtotal: 100, vat: 0, fees: 0, total: over.total ?? 1234.5 },
    // A wall-clock expiry far in the past: the countdown must not look at it.
    priceFix: {
      expiresAt: "2001-01-01T00:00:00.000Z",
      remainingSeconds: over.remaining ?? 240,
      renewed: false,
    },
  };
}

const at = (q: Quote, receivedAt: number): TimedQuote => ({ quote: q, receivedAt });

describe("countdown", () => {
  it("counts the proxy's remaining seconds on the monotonic clock from arrival", () => {
    const t = at(quote({ remaining: 240 }), 50_000);
    expect(secondsLeft(t, 50_000)).toBe(240);
    expect(secondsLeft(t, 50_001)).toBe(240);
    expect(secondsLeft(t, 51_000)).toBe(239);
    expect(secondsLeft(t, 50_000 + 239_500)).toBe(1);
    expect(secondsLeft(t, 50_000 + 240_000)).toBe(0);
    expect(secondsLeft(t, 50_000 + 999_999)).toBe(0);
  });

  it("starts at zero for a fix that had already run out", () => {
    expect(secondsLeft(at(quote({ remaining: 0 }), 0), 0)).toBe(0);
  });

  it("ticks on the whole second", () => {
    const t = at(quote({ remaining: 10 }), 0);
    expect(msToNextTick(t, 0)).toBe(1000);
    expect(msToNextTick(t, 250)).toBe(750);
    expect(msToNextTick(t, 9_999)).toBe(1);
    expect(msToNextTick(t, 20_000)).toBe(1000);
  });

  it("formats minutes and seconds", () => {
    expect(formatCountdown(240)).toBe("4:00");
    expect(formatCountdown(61)).toBe("1:01");
    expect(formatCountdown(9)).toBe("0:09");
    expect(formatCountdown(0)).toBe("0:00");
    expect(formatCountdown(3_723)).toBe("1:02:03");
  });
});

describe("announcements", () => {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

  it("change at a minute, 30 and 10 seconds and at expiry, not on every tick", () => {
    const spoken: unknown[] = [];
    let last: unknown = null;
    for (let s = 240; s >= 0; s--) {
      const now = countdownAnnouncement(s);
      if (!same(now, last)) spoken.push(now);
      last = now;
    }
    expect(spoken).toEqual([
      { kind: "left", seconds: 60 },
      { kind: "left", seconds: 30 },
      { kind: "left", seconds: 10 },
      { kind: "expired" },
    ]);
  });

  it("say nothing above a minute, and one thing after skipped ticks", () => {
    expect(countdownAnnouncement(240)).toBeNull();
    expect(countdownAnnouncement(61)).toBeNull();
    expect(countdownAnnouncement(45)).toEqual({ kind: "left", seconds: 60 });
    expect(countdownAnnouncement(5)).toEqual({ kind: "left", seconds: 10 });
    expect(countdownAnnouncement(0)).toEqual({ kind: "expired" });
  });
});

describe("the price charged is the price last shown", () => {
  const basket = basketSignature([
    { sku: "B", quantity: 2 },
    { sku: "A", quantity: 1 },
  ]);

  it("signs a basket whatever the order of its lines", () => {
    expect(basket).toBe("Ax1,Bx2");
    expect(
      basketSignature([
        { sku: "A", quantity: 1 },
        { sku: "B", quantity: 2 },
      ]),
    ).toBe(basket);
  });

  it("takes the first quote of a basket as shown", () => {
    expect(decideQuote(quote(), null, basket)).toBe("adopt");
    const accepted = acceptedFrom(quote(), basket);
    expect(decideQuote(quote(), accepted, basket)).toBe("accepted");
    // Another basket (lines changed since): its first quote is new to the customer.
    expect(decideQuote(quote({ quoteId: "q2", total: 99 }), accepted, "Ax5")).toBe("adopt");
  });

  it("asks to confirm a new fix at another total, not one at the same total", () => {
    const accepted = acceptedFrom(quote({ total: 1234.5 }), basket);
    expect(decideQuote(quote({ quoteId: "q2", total: 1240.1 }), accepted, basket)).toBe("confirm");
    expect(decideQuote(quote({ quoteId: "q2", total: 1234.5 }), accepted, basket)).toBe("adopt");
    expect(decideQuote(quote({ quoteId: "q2", total: 1234.504 }), accepted, basket)).toBe("adopt");
  });
});
