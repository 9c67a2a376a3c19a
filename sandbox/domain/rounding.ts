/**
 * The sandbox's roundings, each written once. All round half up.
 * - `round2`: money, to 2 decimals (the shop's and the proxy's rule in contract/, imported).
 * - `round4`: wallet quantities and rates, to 4 decimals (grams held, spot and FX rates, buy
 *   amounts).
 * - `roundQty`: an E-Commerce basket quantity, to 3 decimals (digital grams are sold in
 *   thousandths; stock moves by the same step).
 */
export { round2 } from "../../contract/installment-charge.ts";

export function round4(n: number): number {
  return Math.round((n + Number.EPSILON) * 10_000) / 10_000;
}

export function roundQty(n: number): number {
  return Math.round(n * 1000) / 1000;
}
