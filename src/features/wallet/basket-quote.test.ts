import { describe, expect, it } from "vitest";
import type { WalletBasket } from "../../../contract/wallet";
import { acceptBasket, decideBasketQuote } from "./basket-quote";

const basket = (over: Partial<WalletBasket> = {}): WalletBasket => ({
  type: "delivery",
  items: [{ sku: "MNTGB00100", name: "10 g", image: "", unitPrice: 0, quantity: 1, lineTotal: 0 }],
  itemCount: 1,
  currency: "TRY",
  subtotal: 0,
  fees: [{ kind: "delivery", label: "Delivery", amount: 250 }],
  total: 262.5,
  quoteId: "q1",
  priceFix: { expiresAt: "", remainingSeconds: 240, renewed: false },
  shippingAddress: null,
  ...over,
});

describe("decideBasketQuote", () => {
  it("has nothing to decide for an empty basket", () => {
    expect(decideBasketQuote(basket({ items: [], quoteId: null }), null)).toBe("empty");
    expect(acceptBasket(basket({ quoteId: null }))).toBeNull();
  });

  it("adopts the first price, and a new fix at the same total", () => {
    expect(decideBasketQuote(basket(), null)).toBe("adopt");
    const accepted = acceptBasket(basket());
    expect(decideBasketQuote(basket(), accepted)).toBe("accepted");
    expect(decideBasketQuote(basket({ quoteId: "q2" }), accepted)).toBe("adopt");
  });

  it("asks for a confirm when a new fix changes the total", () => {
    const accepted = acceptBasket(basket());
    expect(decideBasketQuote(basket({ quoteId: "q2", total: 262.51 }), accepted)).toBe("confirm");
  });

  it("takes the customer's own change of lines as the new price shown", () => {
    const accepted = acceptBasket(basket());
    const two = basket({
      quoteId: "q3",
      total: 512.5,
      items: [
        { sku: "MNTGB00100", name: "10 g", image: "", unitPrice: 0, quantity: 2, lineTotal: 0 },
      ],
    });
    expect(decideBasketQuote(two, accepted)).toBe("adopt");
  });
});
