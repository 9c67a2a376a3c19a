import { describe, expect, it } from "vitest";
import {
  installmentCharge,
  perInstallment,
  totalWithInstallmentCharge,
} from "./installment-charge.ts";

describe("totalWithInstallmentCharge", () => {
  it("adds the rounded charge and rounds the sum, as Minted does", () => {
    // The sandbox's 2 × 1 g gold card order at 3 instalments (sandbox/pay.test.ts).
    expect(installmentCharge(8701.95, 2.9)).toBe(252.36);
    expect(totalWithInstallmentCharge(8701.95, 2.9)).toBe(8954.31);
    expect(totalWithInstallmentCharge(4430.93, 5.4)).toBe(4670.2);
  });

  it("charges nothing at 0 % and keeps the cents exact", () => {
    expect(totalWithInstallmentCharge(4430.93, 0)).toBe(4430.93);
    expect(totalWithInstallmentCharge(0.1, 0)).toBe(0.1);
    // A half cent rounds up (round2 with EPSILON, not banker's rounding).
    expect(installmentCharge(100.5, 1)).toBe(1.01);
  });

  it("splits a total into instalments for display", () => {
    expect(perInstallment(8954.31, 3)).toBe(2984.77);
    expect(perInstallment(100, 1)).toBe(100);
  });
});
