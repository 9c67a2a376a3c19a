import { CURRENCIES, type Currency } from "../../../contract/common";
import { roundToCents } from "../../../contract/money";
import type { CurrencyRates } from "../../../contract/prices";

/** The display currencies, in the order the switch offers them (the charge currency first). */
export const displayCurrencies = CURRENCIES;

/** What the shop charges in, whatever is displayed. */
export const chargeCurrency = "TRY" satisfies Currency;

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
