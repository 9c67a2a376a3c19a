import { formatDateTime } from "../../i18n/format";
import { intlLocales, isLocale } from "../../i18n/locales";

/** Orders are placed in Türkiye: their times read in Istanbul time wherever the phone is. */
export const orderTimeZone = "Europe/Istanbul";

/** An order's instant (ISO 8601) as a date and time in Istanbul. */
export function formatOrderTime(iso: string, locale: string): string {
  return formatDateTime(iso, locale, { timeZone: orderTimeZone });
}

/** An order's instant as a date only, in Istanbul. */
export function formatOrderDay(iso: string, locale: string): string {
  return formatDateTime(iso, locale, { timeZone: orderTimeZone, timeStyle: null });
}

/** A calendar day (YYYY-MM-DD, e.g. an invoice date) as a long date, the same in every zone. */
export function formatCalendarDay(day: string, locale: string): string {
  return formatDateTime(`${day}T12:00:00Z`, locale, {
    timeZone: "UTC",
    dateStyle: "long",
    timeStyle: null,
  });
}

const percentFormats = new Map<string, Intl.NumberFormat>();

/** A rate given in percent (VAT 20 → "%20" in Turkish, "20%" in English). */
export function formatPercent(percent: number, locale: string): string {
  const tag = isLocale(locale) ? intlLocales[locale] : locale;
  let format = percentFormats.get(tag);
  if (!format) {
    format = new Intl.NumberFormat(tag, { style: "percent", maximumFractionDigits: 2 });
    percentFormats.set(tag, format);
  }
  return format.format(percent / 100);
}
