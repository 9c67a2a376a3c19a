import { useLingui } from "@lingui/react";
import { switchLocale } from "../i18n/i18n";
import { locales, type Locale } from "../i18n/locales";
import { cn } from "../components/class-names";

const names: Record<Locale, { short: string; name: string }> = {
  tr: { short: "TR", name: "Türkçe (TR)" },
  en: { short: "EN", name: "English (EN)" },
};

/** TR / EN segmented control. Each option is named in its own language. */
export function LanguageSwitch() {
  const { i18n, _ } = useLingui();
  return (
    <div role="group" aria-label={_("header.language")} className="flex">
      {locales.map((locale) => {
        const active = i18n.locale === locale;
        return (
          <button
            key={locale}
            type="button"
            lang={locale}
            aria-label={names[locale].name}
            aria-pressed={active}
            onClick={() => void switchLocale(locale)}
            className="group grid size-12 place-items-center rounded-full text-sm font-semibold"
          >
            <span
              className={cn(
                "grid h-8 min-w-10 place-items-center rounded-full px-2 transition-colors",
                active
                  ? "bg-primary-soft text-primary"
                  : "text-text-muted group-hover:bg-surface-sunken group-hover:text-text",
              )}
            >
              {names[locale].short}
            </span>
          </button>
        );
      })}
    </div>
  );
}
