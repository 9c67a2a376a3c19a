import { i18n } from "@lingui/core";
import { messages as trMessages } from "../locales/tr.po";
import { defaultLocale, isLocale, type Locale } from "./locales";

const storageKey = "minted.locale";

/**
 * Marks a string as a message id that is looked up later (e.g. in a route table).
 * The catalog test scans the code for msg(...) and _(...) calls with literal ids to check that
 * every id used exists in the catalogs.
 */
export function msg<const Id extends string>(id: Id): Id {
  return id;
}

/** The saved choice, or Turkish. Storage can throw in private modes and some webviews. */
export function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(storageKey);
    return isLocale(stored) ? stored : defaultLocale;
  } catch {
    return defaultLocale;
  }
}

function persistLocale(locale: Locale): void {
  try {
    window.localStorage.setItem(storageKey, locale);
  } catch {
    // Not persisted; the choice still applies to this page view.
  }
}

async function loadMessages(locale: Locale) {
  if (locale === "tr") return trMessages;
  const catalog = await import("../locales/en.po");
  return catalog.messages;
}

/** Loads the catalog, activates it and sets `<html lang>`. */
export async function activateLocale(locale: Locale): Promise<void> {
  const messages = await loadMessages(locale);
  i18n.load(locale, messages);
  i18n.activate(locale);
  document.documentElement.lang = locale;
}

/** User-initiated switch: activate and remember. */
export async function switchLocale(locale: Locale): Promise<void> {
  await activateLocale(locale);
  persistLocale(locale);
}

export { i18n };

/** The `?lang=en|tr` of a search string, or null when absent or not a shop language. */
export function localeFromSearch(search: string): Locale | null {
  const lang = new URLSearchParams(search).get("lang");
  return isLocale(lang) ? lang : null;
}

/** The search string without its `lang` parameter ("" when nothing is left). */
export function searchWithoutLang(search: string): string {
  const params = new URLSearchParams(search);
  params.delete("lang");
  const rest = params.toString();
  return rest ? `?${rest}` : "";
}

/**
 * At start-up: a `?lang=` on the URL wins and is remembered; the parameter is then dropped from
 * the address bar (replaceState keeps history length and state) so shared links stay clean.
 */
export function takeLocaleFromUrl(): Locale | null {
  const { pathname, search, hash } = window.location;
  if (!new URLSearchParams(search).has("lang")) return null;
  const locale = localeFromSearch(search);
  if (locale) persistLocale(locale);
  window.history.replaceState(
    window.history.state,
    "",
    pathname + searchWithoutLang(search) + hash,
  );
  return locale;
}
