/**
 * Money and weight rounding: the one home of both rules the shop uses, for the proxy, the shop
 * and the sandbox alike. They differ on purpose:
 *
 * - `round2` / `round4` are Minted's arithmetic (and the sandbox's): half up after adding
 *   EPSILON against binary fractions, so that a total the shop computes is, to the cent (or the
 *   ten-thousandth of a gram), the one Minted charges. -0.125 → -0.12.
 * - `roundHalfAwayFromZero` / `roundToCents` are for amounts only the shop shows (a price
 *   converted into a display currency): half away from zero on the decimal value a person would
 *   compute. -0.125 → -0.13.
 */

/** Rounds to the cent like Minted (half up, with EPSILON against binary fractions). */
export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

/** Rounds grams to four decimals like Minted (half up, with EPSILON). */
export const round4 = (n: number): number => Math.round((n + Number.EPSILON) * 10_000) / 10_000;

/**
 * Rounds half away from zero on the decimal value a person would compute: 1.005 − 1 is
 * 0.004999… as a double but 0.01 to two digits. The scaled value is first cut to 12
 * significant digits, which drops the binary noise of earlier arithmetic.
 */
export function roundHalfAwayFromZero(value: number, digits: number): number {
  const factor = 10 ** digits;
  const scaled = Math.round(Number((Math.abs(value) * factor).toPrecision(12))) / factor;
  return value < 0 ? -scaled : scaled;
}

/** Rounds a displayed amount to cents (see roundHalfAwayFromZero). */
export function roundToCents(amount: number): number {
  return roundHalfAwayFromZero(amount, 2);
}
