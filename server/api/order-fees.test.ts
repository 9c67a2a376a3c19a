import { describe, expect, it } from "vitest";
import { exampleData, responseExamples } from "../../minted/examples.ts";
import {
  upstreamEcomOrderPageSchema,
  upstreamEcomOrderSchema,
  type UpstreamEcomOrder,
} from "../../minted/schemas/orders.ts";
import { EMPTY_BASKET } from "../../contract/basket.ts";
import { basketView } from "./basket-views.ts";
import { feeLines, totalsView } from "./order-fees.ts";
import { orderDetailView, orderSummaryView, receiptView } from "./order-views.ts";

/**
 * The shop's order, receipt and basket views built from Minted's documented Ecom Order (the
 * Get Incomplete Baskets example, api-8328441), and from the same order with every optional
 * field taken away.
 */

const [example] = responseExamples("basketsIncomplete");
if (!example) throw new Error("the documented Get Incomplete Baskets example is missing");
const documented: UpstreamEcomOrder = (() => {
  const page = upstreamEcomOrderPageSchema.parse(exampleData(example));
  const first = page.data[0];
  if (!first) throw new Error("the example lists no basket");
  return first;
})();

/** Only what the schema requires: the order and its items without one optional field. */
function bare(o: UpstreamEcomOrder): UpstreamEcomOrder {
  return upstreamEcomOrderSchema.parse({
    id: o.id,
    guid: o.guid,
    order_creation_status: o.order_creation_status,
    token: o.token,
    increment_id: o.increment_id,
    price: o.price,
    tax: o.tax,
    total: o.total,
    paid_total: o.paid_total,
    status_id: o.status_id,
    status_name: o.status_name,
    items: o.items.map((i) => ({
      sku: i.sku,
      product_name: i.product_name,
      price: i.price,
      tax_rate: i.tax_rate,
      tax: i.tax,
      amount: i.amount,
      total: i.total,
    })),
  });
}

const sumsUp = (t: { subtotal: number; vat: number; fees: number; total: number }) =>
  expect(Math.round((t.subtotal + t.vat + t.fees) * 100) / 100).toBe(t.total);

describe("the documented Ecom Order", () => {
  it("shows its code, items, addresses and what is paid", () => {
    const view = orderDetailView(documented, "en");
    expect(view).toMatchObject({
      code: "MC_66C7446E7F53E",
      status: "created",
      currency: "TRY",
      orderedAt: "2024-08-05T12:47:15.000Z",
      items: [{ sku: "MNT0001", quantity: 1, unitPrice: 2914.73, weightGrams: 1.01 }],
      shippingAddress: { city: "Ankara", county: "Çankaya", line: "açık adres" },
      billingAddress: { invoiceType: "individual", taxNumberMasked: "*******31" },
      payment: null,
      delivery: null,
    });
    expect(view.totals).toEqual({ subtotal: 2914.73, vat: 0, fees: 0, total: 2914.73 });
    sumsUp(view.totals);
  });

  it("shows its fees as part of the price, because paid_total adds nothing on top", () => {
    // price 2914.73 = paid_total: shipping 65, insurance 8.12 and commission 209.69 are inside.
    expect(feeLines(documented, "tr")).toEqual([
      { kind: "delivery", label: "Kargo", amount: 65, included: true },
      { kind: "insurance", label: "Sigorta", amount: 8.12, included: true },
      { kind: "market_commission", label: "Pazar komisyonu", amount: 209.69, included: true },
      { kind: "minted_markup", label: "Hizmet bedeli", amount: 31.81, included: true },
    ]);
    expect(feeLines(documented, "en").map((f) => f.label)).toEqual([
      "Shipping",
      "Insurance",
      "Market commission",
      "Service fee",
    ]);
  });

  it("makes a receipt and a priced basket of it", () => {
    const receipt = receiptView(documented, "tr");
    expect(receipt).toMatchObject({ orderCode: "MC_66C7446E7F53E", paidAmount: 0 });
    sumsUp(receipt.totals);
    const basket = basketView(documented, new Map(), "tr", Date.parse("2024-08-05T12:50:00Z"));
    expect(basket.items).toMatchObject([
      { sku: "MNT0001", name: documented.items[0]?.product_name },
    ]);
    expect(basket.priceFix).toBeNull();
    sumsUp(basket.totals);
  });

  it("still renders with every optional field missing", () => {
    const order = bare(documented);
    const view = orderDetailView(order, "tr");
    expect(view).toMatchObject({
      code: "MC_66C7446E7F53E",
      currency: "TRY",
      orderedAt: null,
      fees: [],
      shippingAddress: null,
      billingAddress: null,
      payment: null,
      delivery: null,
      items: [{ weightGrams: null, image: null }],
    });
    expect(orderSummaryView(order).total).toBe(2914.73);
    expect(receiptView(order, "en").fees).toEqual([]);
    expect(basketView(order, new Map(), "en", 0)).not.toEqual(EMPTY_BASKET);
  });
});

describe("fees added on top", () => {
  const onTop = upstreamEcomOrderSchema.parse({
    ...bare(documented),
    price: 1000,
    tax: 200,
    total: 1200,
    delivery_price: 50,
    insurance_price: 10,
    market_commission: 2,
    minted_markup_price: 25,
    payment_cost: 0,
    paid_total: 1262,
  });

  it("are added when the order's amounts add up that way, and what is inside stays inside", () => {
    expect(feeLines(onTop, "en")).toEqual([
      { kind: "delivery", label: "Shipping", amount: 50 },
      { kind: "insurance", label: "Insurance", amount: 10 },
      { kind: "market_commission", label: "Market commission", amount: 2 },
      { kind: "minted_markup", label: "Service fee", amount: 25, included: true },
    ]);
    expect(totalsView(onTop)).toEqual({ subtotal: 1000, vat: 200, fees: 62, total: 1262 });
  });

  it("never shows a fee Minted did not give, and never one of 0", () => {
    const lines = feeLines({ ...onTop, delivery_price: undefined, paid_total: 1212 }, "tr");
    expect(lines.map((l) => l.kind)).toEqual(["insurance", "market_commission", "minted_markup"]);
    expect(lines.every((l) => !("included" in l) || l.kind === "minted_markup")).toBe(true);
  });
});
