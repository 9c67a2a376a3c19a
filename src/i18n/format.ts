import { intlLocales, isLocale } from "./locales";

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** App locales ("tr", "en") map to their regional tags; other BCP 47 tags pass through. */
function intlTag(locale: string): string {
  return isLocale(locale) ? intlLocales[locale] : locale;
}

/**
 * Formats an amount of money for display, e.g. `formatMoney(1234.5, "TRY", "tr")` → "₺1.234,50".
 * Amounts may be numbers or decimal strings as sent by the API (strings keep full precision).
 */
export function formatMoney(
  amount: number | `${number}`,
  currency: string,
  locale: string,
): string {
  const tag = intlTag(locale);
  const key = `${tag}|${currency}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
    });
    numberFormats.set(key, format);
  }
  return format.format(amount);
}

export interface DateTimeFormatOptions {
  /** IANA zone; defaults to the device's zone. */
  timeZone?: string;
  dateStyle?: Intl.DateTimeFormatOptions["dateStyle"];
  timeStyle?: Intl.DateTimeFormatOptions["timeStyle"] | null;
}

/** Formats an instant (Date, epoch ms or ISO string) as a localized date and time. */
export function formatDateTime(
  value: Date | number | string,
  locale: string,
  options: DateTimeFormatOptions = {},
): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new RangeError(`Invalid date: ${String(value)}`);
  }
  const tag = intlTag(locale);
  const dateStyle = options.dateStyle ?? "medium";
  const timeStyle = options.timeStyle === null ? undefined : (options.timeStyle ?? "short");
  const key = `${tag}|${options.timeZone ?? ""}|${dateStyle}|${timeStyle ?? ""}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(tag, {
      dateStyle,
      ...(timeStyle ? { timeStyle } : {}),
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
    dateFormats.set(key, format);
  }
  return format.format(date);
}

const plainFormats = new Map<string, Intl.NumberFormat>();

function cachedNumberFormat(locale: string, key: string, options: Intl.NumberFormatOptions) {
  const tag = intlTag(locale);
  const cacheKey = `${tag}|${key}`;
  let format = plainFormats.get(cacheKey);
  if (!format) {
    format = new Intl.NumberFormat(tag, options);
    plainFormats.set(cacheKey, format);
  }
  return format;
}

/** A plain number with up to `maxDigits` decimals, e.g. purity 999.9 → "999,9" in Turkish. */
export function formatNumber(value: number, locale: string, maxDigits = 2): string {
  return cachedNumberFormat(locale, `n${maxDigits}`, { maximumFractionDigits: maxDigits }).format(
    value,
  );
}

/** A weight in grams, e.g. 2.5 → "2,5 g"; 1000 g and more as kilograms ("1 kg"). */
export function formatWeight(grams: number, locale: string): string {
  if (grams >= 1000) {
    return cachedNumberFormat(locale, "kg", {
      style: "unit",
      unit: "kilogram",
      maximumFractionDigits: 3,
    }).format(grams / 1000);
  }
  return cachedNumberFormat(locale, "g", {
    style: "unit",
    unit: "gram",
    maximumFractionDigits: 3,
  }).format(grams);
}

/**
 * An amount of grams as the language writes it, never as kilograms (a holding, a basket line):
 * 2.5 → "2,5 g" in Turkish, "2.5 g" in English; up to `maxDigits` decimals (digital gold to 4).
 */
export function formatGrams(grams: number, locale: string, maxDigits = 4): string {
  return cachedNumberFormat(locale, `g${maxDigits}`, {
    style: "unit",
    unit: "gram",
    maximumFractionDigits: maxDigits,
  }).format(grams);
}

/** A signed percentage change, e.g. 0.27 → "+0,27%" (the value is already in percent). */
export function formatChangePercent(percent: number, locale: string): string {
  return cachedNumberFormat(locale, "pct", {
    style: "percent",
    signDisplay: "exceptZero",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  }).format(percent / 100);
}

const signedMoneyFormats = new Map<string, Intl.NumberFormat>();

/** A signed change of money, e.g. `formatMoneyChange(-72.67, "TRY", "tr")` → "-₺72,67". */
export function formatMoneyChange(amount: number, currency: string, locale: string): string {
  const tag = intlTag(locale);
  const key = `${tag}|${currency}`;
  let format = signedMoneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(tag, {
      style: "currency",
      currency,
      currencyDisplay: "narrowSymbol",
      signDisplay: "exceptZero",
    });
    signedMoneyFormats.set(key, format);
  }
  return format.format(amount);
}
