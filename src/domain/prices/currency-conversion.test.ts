import { describe, expect, it } from "vitest";
import type { CurrencyRates } from "../../../contract/prices";
import { roundToCents } from "../../../contract/money";
import { convertFromTry, rateOf } from "./currency-conversion";

const rates: CurrencyRates = {
  base: "TRY",
  rates: [
    { currency: "TRY", rate: 1, updatedAt: "2026-12-03T12:00:00.000Z" },
    { currency: "USD", rate: 41.85, updatedAt: "2026-12-03T12:00:00.000Z" },
    { currency: "EUR", rate: 48.4012, updatedAt: "2026-12-03T12:00:00.000Z" },
  ],
};

describe("roundToCents", () => {
  it("rounds half away from zero on the decimal value", () => {
    expect(roundToCents(1.005)).toBe(1.01);
    expect(roundToCents(0.125)).toBe(0.13);
    expect(roundToCents(-0.125)).toBe(-0.13);
    expect(roundToCents(2.344)).toBe(2.34);
    expect(roundToCents(102.3999)).toBe(102.4);
  });
});

describe("convertFromTry", () => {
  it("divides by TRY per unit and rounds to cents", () => {
    // 4,285.40 / 41.85 = 102.3990…
    expect(convertFromTry(4285.4, 41.85)).toBe(102.4);
    // 1,000 / 48.4012 = 20.6606…
    expect(convertFromTry(1000, 48.4012)).toBe(20.66);
    expect(convertFromTry(0, 41.85)).toBe(0);
  });

  it("refuses an unusable rate", () => {
    expect(convertFromTry(100, undefined)).toBeNull();
    expect(convertFromTry(100, 0)).toBeNull();
    expect(convertFromTry(100, -1)).toBeNull();
    expect(convertFromTry(100, Number.NaN)).toBeNull();
  });
});

describe("rateOf", () => {
  it("is 1 for TRY, the listed rate otherwise, undefined when missing", () => {
    expect(rateOf(undefined, "TRY")).toBe(1);
    expect(rateOf(rates, "USD")).toBe(41.85);
    expect(rateOf(rates, "GBP")).toBeUndefined();
    expect(rateOf(undefined, "USD")).toBeUndefined();
  });

  it("does not use rates quoted against another base", () => {
    expect(rateOf({ ...rates, base: "USD" }, "EUR")).toBeUndefined();
  });
});
