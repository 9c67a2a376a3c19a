import { describe, expect, it } from "vitest";
import { summarizeItems } from "./items-summary";

const item = (sku: string, name: string, quantity: number) => ({
  sku,
  name,
  quantity,
  image: null,
});

describe("summarizeItems", () => {
  it("names the first line and counts the others", () => {
    expect(
      summarizeItems({
        itemCount: 2,
        items: [item("MNTGB00010", "10 g gold bar", 2), item("MNTSB00050", "50 g silver bar", 1)],
      }),
    ).toEqual({ name: "10 g gold bar", quantity: 2, grams: false, more: 1 });
  });

  it("a single line has nothing more", () => {
    expect(summarizeItems({ itemCount: 1, items: [item("MNTGB00010", "Bar", 1)] })?.more).toBe(0);
  });

  it("digital metal is counted in grams", () => {
    expect(summarizeItems({ itemCount: 1, items: [item("GAU", "Digital gold", 2.5)] })).toEqual({
      name: "Digital gold",
      quantity: 2.5,
      grams: true,
      more: 0,
    });
  });

  it("trusts the larger count when the list is cut short", () => {
    expect(summarizeItems({ itemCount: 5, items: [item("MNTGB00010", "Bar", 1)] })?.more).toBe(4);
  });

  it("an order without lines has no summary", () => {
    expect(summarizeItems({ itemCount: 0, items: [] })).toBeNull();
  });
});
