import { describe, expect, it } from "vitest";
import { cardLastFour, legalTypeLabel } from "./receipt-format";

describe("receipt formatting", () => {
  it("keeps the last four digits of a masked card", () => {
    expect(cardLastFour("**** **** **** 4321")).toBe("4321");
    expect(cardLastFour("450803******4321")).toBe("4321");
    expect(cardLastFour("****")).toBeNull();
  });

  it("names the two legal documents; an unknown type has no label", () => {
    expect(legalTypeLabel("pre_information")).toBe("receipt.legal.pre_information");
    expect(legalTypeLabel("distance_sales")).toBe("receipt.legal.distance_sales");
    expect(legalTypeLabel("toString")).toBeNull();
    expect(legalTypeLabel("kvkk")).toBeNull();
  });
});
