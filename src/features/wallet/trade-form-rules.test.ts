import { describe, expect, it } from "vitest";
import { allOf, checkTrade, typedNumber } from "./trade-form-rules";

const holding = { grams: 14, cash: 250_000, price: 4266 };

describe("the trade form's holding check and estimate", () => {
  it("refuses a sell of more grams than are held, and not one of exactly the holding", () => {
    expect(checkTrade("sell", "grams", 14.0001, holding).problem).toBe("oversell");
    expect(checkTrade("sell", "grams", 14, holding)).toEqual({
      grams: 14,
      amount: 59_724,
      problem: null,
    });
  });

  it("refuses a ₺100.000 sell by amount that needs more grams than are held (the issue's case)", () => {
    // 100000 / 4266 = 23.4411… g, more than the 14 g held.
    expect(checkTrade("sell", "amount", 100_000, holding)).toEqual({
      grams: 23.4411,
      amount: 100_000,
      problem: "oversell",
    });
  });

  it("refuses a buy costing more than the TL balance", () => {
    expect(checkTrade("buy", "amount", 250_000.01, holding).problem).toBe("overspend");
    expect(checkTrade("buy", "grams", 60, holding).problem).toBe("overspend");
    expect(checkTrade("buy", "amount", 250_000, holding).problem).toBeNull();
  });

  it("checks nothing it does not know yet, and estimates nothing without a price", () => {
    expect(checkTrade("sell", "grams", 20, { grams: null, cash: null, price: null })).toEqual({
      grams: 20,
      amount: null,
      problem: null,
    });
    expect(checkTrade("sell", "grams", undefined, holding).problem).toBeNull();
  });

  it("trades everything: all grams when selling, the whole TL balance (to the cent) when buying", () => {
    expect(allOf("sell", holding)).toEqual({ mode: "grams", value: 14 });
    expect(allOf("buy", { ...holding, cash: 1234.567 })).toEqual({
      mode: "amount",
      value: 1234.56,
    });
    expect(allOf("sell", { ...holding, grams: 0 })).toBeNull();
  });

  it("reads only what the contract would take", () => {
    const form = { metal: "gold", side: "sell", mode: "grams" } as const;
    expect(typedNumber({ ...form, value: "2,5" })).toBe(2.5);
    expect(typedNumber({ ...form, value: "1,23456" })).toBeUndefined();
    expect(typedNumber({ ...form, value: "abc" })).toBeUndefined();
  });
});
