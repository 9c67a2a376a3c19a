import { describe, expect, it } from "vitest";
import type { Candle } from "../../../contract/prices";
import { summarizeCandles } from "./rate-summary";

const candle = (open: number, high: number, low: number, close: number, i = 0): Candle => ({
  time: new Date(Date.UTC(2026, 0, 1, i)).toISOString(),
  open,
  high,
  low,
  close,
});

describe("summarizeCandles", () => {
  it("is null without candles", () => {
    expect(summarizeCandles([])).toBeNull();
  });

  it("takes the highest high, the lowest low and first open → last close", () => {
    const summary = summarizeCandles([
      candle(100, 104, 99, 103, 0),
      candle(103, 110.5, 98.25, 101, 1),
      candle(101, 106, 100, 105, 2),
    ]);
    expect(summary).toEqual({
      high: 110.5,
      low: 98.25,
      open: 100,
      close: 105,
      change: 5,
      changePct: 5,
    });
  });

  it("gives a falling period a negative change, rounded to cents and 2 decimals of percent", () => {
    const summary = summarizeCandles([
      candle(4285.4, 4290, 4200, 4250, 0),
      candle(4250, 4260, 4190.1, 4212.735, 1),
    ]);
    expect(summary?.change).toBe(-72.67);
    // (4212.735 − 4285.4) / 4285.4 × 100 = −1.6956…
    expect(summary?.changePct).toBe(-1.7);
    expect(summary?.low).toBe(4190.1);
  });

  it("rounds half away from zero on the decimal value", () => {
    // 1.005 − 1 = 0.004999… in binary; a person reads it as 0.005 → 0.01.
    expect(summarizeCandles([candle(1, 1.005, 1, 1.005)])?.change).toBe(0.01);
  });

  it("does not divide by a zero opening price", () => {
    expect(summarizeCandles([candle(0, 1, 0, 1)])?.changePct).toBe(0);
  });
});
