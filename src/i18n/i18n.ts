import { i18n } from "@lingui/core";
import type { Messages } from "@lingui/core";
import { messages as trShellMessages } from "../locales/tr.po?shell";
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

/**
 * The catalogs are split at build time (scripts/vite-plugin-split-messages.ts, ADR 0006): the
 * shell's Turkish strings ship in the entry, everything else is a chunk per language that the
 * lazy routes load (see `withMessages`).
 */
const shellCatalogs: Record<Locale, () => Promise<Messages>> = {
  tr: () => Promise.resolve(trShellMessages),
  en: async () => (await import("../locales/en.po?shell")).messages,
};
const restCatalogs: Record<Locale, () => Promise<Messages>> = {
  tr: async () => (await import("../locales/tr.po?rest")).messages,
  en: async () => (await import("../locales/en.po?rest")).messages,
};

/** Set once a page outside the shell has asked for its strings; every later switch loads them. */
let restWanted = false;
const restLoaded = new Set<Locale>();

async function loadRest(locale: Locale): Promise<void> {
  if (restLoaded.has(locale)) return;
  i18n.load(locale, await restCatalogs[locale]());
  restLoaded.add(locale);
}

/** Loads the catalog, activates it and sets `<html lang>`. */
export async function activateLocale(locale: Locale): Promise<void> {
  // A copy: i18n.load merges later parts into the object it was first given.
  i18n.load(locale, { ...(await shellCatalogs[locale]()) });
  // Checked again after each await so that activation never runs without the rest when a
  // lazy page asked for it meanwhile (see loadAllMessages).
  while (restWanted && !restLoaded.has(locale)) await loadRest(locale);
  i18n.activate(locale);
  document.documentElement.lang = locale;
}

/**
 * Every string of the active language (and of any language activated later). Resolves once the
 * active one is loaded, even when the language changed while loading.
 */
export async function loadAllMessages(): Promise<void> {
  restWanted = true;
  let locale: string;
  do {
    locale = i18n.locale;
    if (isLocale(locale)) await loadRest(locale);
  } while (i18n.locale !== locale);
}

/** A lazy route's module together with the strings outside the shell (for `lazy()`). */
export async function withMessages<T>(module: Promise<T>): Promise<T> {
  const [loaded] = await Promise.all([module, loadAllMessages()]);
  return loaded;
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
