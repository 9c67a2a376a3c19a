import { describe, expect, it } from "vitest";
import { averageCostOf, performanceOf } from "./wallet-cost.ts";

describe("average cost from the customer's orders", () => {
  it("weights buys by their grams", () => {
    expect(
      averageCostOf([
        { side: "buy", grams: 1, amount: 4000 },
        { side: "buy", grams: 3, amount: 12_600 },
      ]),
    ).toEqual({ grams: 4, cost: 16_600 });
  });

  it("takes sold grams out at the average so far, leaving the average unchanged", () => {
    const basis = averageCostOf([
      { side: "buy", grams: 2, amount: 8000 },
      { side: "buy", grams: 2, amount: 9000 },
      { side: "sell", grams: 1, amount: 4500 },
    ]);
    expect(basis).toEqual({ grams: 3, cost: 12_750 });
    expect(basis.cost / basis.grams).toBe(4250);
  });

  it("is empty after selling everything, and a later buy starts a new average", () => {
    expect(
      averageCostOf([
        { side: "buy", grams: 1.5, amount: 6450 },
        { side: "sell", grams: 1.5, amount: 6300 },
      ]),
    ).toEqual({ grams: 0, cost: 0 });
    expect(
      averageCostOf([
        { side: "buy", grams: 1, amount: 3000 },
        { side: "sell", grams: 1, amount: 3100 },
        { side: "buy", grams: 2, amount: 9000 },
      ]),
    ).toEqual({ grams: 2, cost: 9000 });
  });

  it("ignores a sale of grams this shop never bought", () => {
    expect(averageCostOf([{ side: "sell", grams: 5, amount: 20_000 }])).toEqual({
      grams: 0,
      cost: 0,
    });
  });
});

describe("profit and loss of the grams held", () => {
  it("values the covered grams at the bid against their cost, in TRY and percent", () => {
    expect(performanceOf({ grams: 2, cost: 8000 }, 14, 4400)).toEqual({
      averageCost: 4000,
      costGrams: 2,
      profit: 800,
      profitPct: 10,
    });
  });

  it("covers no more grams than are still held", () => {
    expect(performanceOf({ grams: 4, cost: 16_000 }, 1, 3800)).toEqual({
      averageCost: 4000,
      costGrams: 1,
      profit: -200,
      profitPct: -5,
    });
  });

  it("says nothing without an order behind the holding", () => {
    expect(performanceOf({ grams: 0, cost: 0 }, 12.5, 4000)).toEqual({
      averageCost: null,
      costGrams: 0,
      profit: null,
      profitPct: null,
    });
  });
});
