import { describe, expect, it } from "vitest";
import { lineWithVat, shelfPrice, unitWithVat } from "./shelf-price";

const ceyrek = { price: { amount: 7222.17 }, vatRate: 20, weightGrams: 1.75 } as const;
const bar = { price: { amount: 4300 }, vatRate: 0, weightGrams: 1 } as const;

describe("shelfPrice", () => {
  it("is the catalog price with VAT when there is no live quote", () => {
    expect(shelfPrice(ceyrek)).toEqual({
      unit: 8666.6,
      perGram: 4952.34,
      buyBack: null,
      vatRate: 20,
    });
  });

  it("follows the live ask, and gives the live bid as the buy-back price", () => {
    const price = shelfPrice(ceyrek, { ask: 7300, bid: 6800 });
    expect(price.unit).toBe(8760);
    expect(price.perGram).toBe(5005.71);
    expect(price.buyBack).toBe(6800);
  });

  it("adds nothing to VAT-exempt investment gold", () => {
    expect(shelfPrice(bar, { ask: 4310.25, bid: 4250 }).unit).toBe(4310.25);
  });

  it("has no per-gram price without a weight", () => {
    expect(shelfPrice({ ...ceyrek, weightGrams: null }).perGram).toBeNull();
  });

  it("equals the one-unit basket line Minted prices from the same net price", () => {
    const net = 7222.17;
    const line = { lineTotal: net, lineTax: 1444.43, unitPrice: net, vatRate: 20 };
    expect(shelfPrice({ ...ceyrek, price: { amount: net } }).unit).toBe(lineWithVat(line));
    expect(unitWithVat(line)).toBe(lineWithVat(line));
  });
});
