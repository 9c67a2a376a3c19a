/**
 * The sandbox's roundings, each written once. All round half up.
 * - `round2`: money, to 2 decimals; `round4`: wallet quantities and rates, to 4 decimals (grams held, spot and FX rates, buy
 *   amounts) — both Minted's arithmetic, the shop's and the proxy's rule in contract/money.ts.
 * - `roundQty`: an E-Commerce basket quantity, to 3 decimals (digital grams are sold in
 *   thousandths; stock moves by the same step).
 */
export { round2, round4 } from "../../contract/money.ts";

export function roundQty(n: number): number {
  return Math.round(n * 1000) / 1000;
}
