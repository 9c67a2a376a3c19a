import { round2 } from "./money.ts";

/**
 * What a card payment in instalments costs: the bank's charge (`ratePercent` of the amount) is
 * added on top. The same arithmetic as Minted (the sandbox's `computeTotals`):
 * `payment_cost = round2(base × rate / 100)`, `paid_total = round2(base + payment_cost)`, so the
 * total the shop shows is, to the cent, the total the bank charges.
 */

/** The instalment charge on `base` (TRY) at `ratePercent`. */
export function installmentCharge(base: number, ratePercent: number): number {
  return round2((base * ratePercent) / 100);
}

/** `base` (the quote's total) with the instalment charge on top: the amount charged. */
export function totalWithInstallmentCharge(base: number, ratePercent: number): number {
  return round2(base + installmentCharge(base, ratePercent));
}

/** One instalment of `total` over `count` (for display; the bank settles any last cent). */
export function perInstallment(total: number, count: number): number {
  return count > 0 ? round2(total / count) : total;
}
