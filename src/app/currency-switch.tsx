import { useLingui } from "@lingui/react";
import { useId } from "react";
import { displayCurrencies } from "../domain/prices/currency-conversion";
import { setDisplayCurrency, useDisplayCurrency } from "../domain/prices/display-currency";

/**
 * Display-currency picker (a native select: compact on phones, accessible everywhere). Changes
 * what prices are shown in, never what is charged (TRY).
 */
export function CurrencySwitch() {
  const { _ } = useLingui();
  const current = useDisplayCurrency();
  const id = useId();
  return (
    <div className="relative">
      <label htmlFor={id} className="sr-only">
        {_("header.currency")}
      </label>
      <select
        id={id}
        value={current}
        title={_("header.currency")}
        onChange={(event) => {
          const code = displayCurrencies.find((c) => c === event.target.value);
          if (code) setDisplayCurrency(code);
        }}
        className="h-12 min-w-12 cursor-pointer appearance-none rounded-full bg-transparent py-0 pr-6 pl-3 text-sm font-semibold text-text-muted hover:bg-surface-sunken hover:text-text focus-visible:outline-2 focus-visible:outline-primary"
      >
        {displayCurrencies.map((code) => (
          <option key={code} value={code}>
            {code}
          </option>
        ))}
      </select>
      <svg
        aria-hidden="true"
        viewBox="0 0 12 12"
        className="pointer-events-none absolute top-1/2 right-2 size-3 -translate-y-1/2 text-text-muted"
      >
        <path d="M3 4.5 6 7.5 9 4.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      </svg>
    </div>
  );
}
