import { useEffect } from "react";
import { useLocation, useNavigate } from "react-router";
import { localeFromSearch, searchWithoutLang, switchLocale } from "../i18n/i18n";

/**
 * `?lang=en|tr` on an in-app link: switch and remember the language, then replace the entry
 * with the same URL without the parameter. (A `?lang` on the first load is handled in main.tsx.)
 */
export function LangParam() {
  const { pathname, search, hash } = useLocation();
  const navigate = useNavigate();
  useEffect(() => {
    if (!new URLSearchParams(search).has("lang")) return;
    const locale = localeFromSearch(search);
    if (locale) void switchLocale(locale);
    void navigate(
      { pathname, search: searchWithoutLang(search), hash },
      { replace: true, preventScrollReset: true },
    );
  }, [pathname, search, hash, navigate]);
  return null;
}
