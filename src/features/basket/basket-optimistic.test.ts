import { describe, expect, it } from "vitest";
import { EMPTY_BASKET, type Basket } from "../../../contract/basket";
import {
  basketWithAdded,
  basketWithQuantity,
  basketWithout,
  clearedBasket,
} from "./basket-optimistic";

const basket: Basket = {
  items: [
    {
      sku: "BAR",
      name: "Gold bar 10 g",
      image: "/api/images/BAR/1",
      metal: "gold",
      type: "bar",
      unitPrice: 1000,
      quantity: 2,
      maxQuantity: 5,
      vatRate: 0,
      lineTotal: 2000,
      lineTax: 0,
    },
    {
      sku: "DIG",
      name: "Digital silver",
      image: "/api/images/DIG/1",
      metal: "silver",
      type: "digital",
      unitPrice: 10.5,
      quantity: 3.5,
      maxQuantity: 100,
      vatRate: 20,
      lineTotal: 36.75,
      lineTax: 7.35,
    },
  ],
  itemCount: 3,
  currency: "TRY",
  fees: [{ kind: "delivery", label: "Teslimat", amount: 50 }],
  totals: { subtotal: 2036.75, vat: 7.35, fees: 50, total: 2094.1 },
  priceFix: null,
  estimated: false,
};

describe("optimistic basket", () => {
  it("recomputes the line total, the count, subtotal and VAT; keeps the fees", () => {
    const next = basketWithQuantity(basket, "BAR", 4);
    expect(next.items[0]).toMatchObject({ quantity: 4, lineTotal: 4000 });
    expect(next.itemCount).toBe(5); // 4 units + one digital line
    expect(next.totals).toEqual({ subtotal: 4036.75, vat: 7.35, fees: 50, total: 4094.1 });
    expect(next.fees).toBe(basket.fees);
    expect(basket.items[0]?.quantity).toBe(2); // the snapshot is untouched
  });

  it("bounds a line by its maximum and removes it at zero", () => {
    expect(basketWithQuantity(basket, "BAR", 9).items[0]?.quantity).toBe(5);
    const removed = basketWithout(basket, "BAR");
    expect(removed.items.map((i) => i.sku)).toEqual(["DIG"]);
    expect(removed.itemCount).toBe(1);
  });

  it("adds to an existing line or a new one from the product page's preview", () => {
    expect(basketWithAdded(basket, "BAR", 1).itemCount).toBe(4);
    const fresh = basketWithAdded(undefined, "COIN", 2, { name: "Coin", unitPrice: 99.99 });
    expect(fresh.itemCount).toBe(2);
    expect(fresh.items[0]).toMatchObject({ name: "Coin", lineTotal: 199.98, maxQuantity: 2 });
  });

  it("clears to an empty basket of the same kind", () => {
    expect(clearedBasket(basket)).toEqual(EMPTY_BASKET);
    expect(clearedBasket({ ...basket, estimated: true }).estimated).toBe(true);
  });
});
