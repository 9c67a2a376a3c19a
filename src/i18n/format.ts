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
