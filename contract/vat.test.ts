import { describe, expect, it } from "vitest";
import { inferredVatRate, vatOf, withVat } from "./vat.ts";

describe("inferredVatRate (inferred: Minted's Product has no tax rate)", () => {
  it("exempts investment gold of 995‰ and above", () => {
    expect(inferredVatRate("gold", 999.9)).toBe(0);
    expect(inferredVatRate("gold", 995)).toBe(0);
  });
  it("taxes gold coins under 995‰, other metals and gold of unknown fineness at 20 %", () => {
    expect(inferredVatRate("gold", 916)).toBe(20);
    expect(inferredVatRate("gold", 994.9)).toBe(20);
    expect(inferredVatRate("gold", null)).toBe(20);
    expect(inferredVatRate("silver", 999.9)).toBe(20);
    expect(inferredVatRate("platinum", 999.5)).toBe(20);
  });
});

describe("withVat", () => {
  it("adds the VAT rounded to the cent as Minted's basket line does", () => {
    expect(vatOf(7222.17, 20)).toBe(1444.43);
    expect(withVat(7222.17, 20)).toBe(8666.6);
    expect(withVat(4300.5, 0)).toBe(4300.5);
    expect(vatOf(0.125, 20)).toBe(0.03);
  });
});
