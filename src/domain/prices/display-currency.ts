import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useCallback, useSyncExternalStore } from "react";
import { z } from "zod/mini";
import { currencySchema, type Currency } from "../../../contract/common";
import { formatMoney } from "../../i18n/format";
import { chargeCurrency, convertFromTry, rateOf } from "./currency-conversion";
import { currencyRatesQueryOptions } from "./currency-rates-queries";

/**
 * The currency prices are *displayed* in (TRY, USD, EUR, GBP, AED). Display only: the shop
 * always charges in TRY, and the checkout, receipts, orders and invoices stay in TRY.
 * Remembered like the language is (localStorage, validated when read back).
 */

const storageKey = "minted.currency";
const storedSchema = z.nullable(currencySchema);

function readStored(): Currency {
  try {
    const parsed = storedSchema.safeParse(window.localStorage.getItem(storageKey));
    return parsed.success && parsed.data ? parsed.data : chargeCurrency;
  } catch {
    return chargeCurrency;
  }
}

let current: Currency | null = null;
const listeners = new Set<() => void>();

function getDisplayCurrency(): Currency {
  current ??= readStored();
  return current;
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Switches the display currency and remembers it (also called by the partner-app bridge). */
export function setDisplayCurrency(code: Currency): void {
  const parsed = currencySchema.safeParse(code);
  if (!parsed.success || parsed.data === getDisplayCurrency()) return;
  current = parsed.data;
  try {
    window.localStorage.setItem(storageKey, parsed.data);
  } catch {
    // Not persisted; the choice still applies to this page view.
  }
  for (const listener of listeners) listener();
}

/** The chosen display currency (the choice, even while its rate is still loading). */
export function useDisplayCurrency(): Currency {
  return useSyncExternalStore(subscribe, getDisplayCurrency, () => chargeCurrency);
}

export interface DisplayMoney {
  /** The currency amounts are shown in: the chosen one, or TRY until its rate is known. */
  currency: Currency;
  /** True when amounts are converted from TRY (so they are approximate). */
  converted: boolean;
  /** A TRY amount in the display currency, rounded to cents; the TRY amount when not converted. */
  amount: (amountTry: number) => number;
  /** A TRY amount formatted in the display currency, always with its currency sign or code. */
  format: (amountTry: number) => string;
  /** A TRY amount formatted in TRY (what is charged). */
  formatCharge: (amountTry: number) => string;
}

/** Converts and formats TRY amounts for display in the chosen currency. */
export function useDisplayMoney(): DisplayMoney {
  const { i18n } = useLingui();
  const chosen = useDisplayCurrency();
  const { data: rates } = useQuery({
    ...currencyRatesQueryOptions(),
    enabled: chosen !== chargeCurrency,
  });
  const rate = chosen === chargeCurrency ? undefined : rateOf(rates, chosen);
  const converted = convertFromTry(0, rate) !== null;
  const currency = converted ? chosen : chargeCurrency;
  const locale = i18n.locale;
  const amount = useCallback(
    (amountTry: number) => (converted ? (convertFromTry(amountTry, rate) ?? amountTry) : amountTry),
    [converted, rate],
  );
  const format = useCallback(
    (amountTry: number) => formatMoney(amount(amountTry), currency, locale),
    [amount, currency, locale],
  );
  const formatCharge = useCallback(
    (amountTry: number) => formatMoney(amountTry, chargeCurrency, locale),
    [locale],
  );
  return { currency, converted, amount, format, formatCharge };
}
