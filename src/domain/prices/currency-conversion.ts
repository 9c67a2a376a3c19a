import type { Currency } from "../../../contract/common";
import type { CurrencyRates } from "../../../contract/prices";

/** The display currencies, in the order the switch offers them (the charge currency first). */
export const displayCurrencies = [
  "TRY",
  "USD",
  "EUR",
  "GBP",
  "AED",
] as const satisfies readonly Currency[];

/** What the shop charges in, whatever is displayed. */
export const chargeCurrency = "TRY" satisfies Currency;

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

/** Rounds an amount to cents (see roundHalfAwayFromZero). */
export function roundToCents(amount: number): number {
  return roundHalfAwayFromZero(amount, 2);
}

/**
 * TRY → another currency with `rate` = TRY per one unit of it (as `/api/rates` gives), rounded
 * to cents. Null when the rate is not usable (missing, zero or negative).
 */
export function convertFromTry(amountTry: number, rate: number | undefined): number | null {
  if (rate === undefined || !Number.isFinite(rate) || rate <= 0) return null;
  return roundToCents(amountTry / rate);
}

/** TRY per unit of `currency` (1 for TRY), or undefined when the rates do not list it. */
export function rateOf(rates: CurrencyRates | undefined, currency: Currency): number | undefined {
  if (currency === chargeCurrency) return 1;
  if (!rates || rates.base !== chargeCurrency) return undefined;
  return rates.rates.find((row) => row.currency === currency)?.rate;
}
