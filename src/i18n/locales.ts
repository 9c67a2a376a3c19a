export const locales = ["tr", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "tr";

/** BCP 47 tags handed to Intl for each app locale. */
export const intlLocales: Record<Locale, string> = { tr: "tr-TR", en: "en-GB" };

export function isLocale(value: unknown): value is Locale {
  return locales.some((locale) => locale === value);
}
