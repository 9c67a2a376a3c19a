import { useLingui } from "@lingui/react";
import { useId } from "react";
import type { Metal } from "../../contract/common";
import { cn } from "../components/class-names";
import { Skeleton } from "../components/skeleton";
import { formatChangePercent, formatMoney } from "../i18n/format";
import { msg } from "../i18n/i18n";
import { useDisplayMoney } from "../domain/prices/display-currency";
import { useMetalQuote, usePricesCurrency } from "../domain/prices/live-prices";
import { flashClass, usePriceDirection } from "../domain/prices/use-price-direction";

const metals = [
  { key: "gold", label: msg("metal.gold"), dot: "bg-gold" },
  { key: "silver", label: msg("metal.silver"), dot: "bg-silver" },
  { key: "platinum", label: msg("metal.platinum"), dot: "bg-platinum" },
] as const satisfies readonly { key: Metal; label: string; dot: string }[];

/**
 * One metal's live bid/ask. Only this item re-renders when its quote moves. Not a live region:
 * prices change every few seconds, so they are read when the user reaches them.
 */
function MetalPrice({ metal }: { metal: (typeof metals)[number] }) {
  const { _, i18n } = useLingui();
  const quote = useMetalQuote(metal.key);
  const currency = usePricesCurrency() ?? "TRY";
  const move = usePriceDirection(quote?.ask);
  const display = useDisplayMoney();
  // Live prices come in TRY; shown in the display currency (which names itself).
  const money = (amount: number) =>
    currency === "TRY" ? display.format(amount) : formatMoney(amount, currency, i18n.locale);
  return (
    <li className="min-w-0">
      <div className="flex items-center gap-1.5 text-xs font-medium text-text-muted">
        <span aria-hidden="true" className={cn("size-2 shrink-0 rounded-full", metal.dot)} />
        <span className="truncate">{_(metal.label)}</span>
        {quote && quote.changePct !== null ? (
          <span
            aria-hidden="true"
            className={cn(
              "ml-auto price md:ml-1",
              quote.changePct > 0 && "text-success",
              quote.changePct < 0 && "text-danger",
            )}
          >
            {formatChangePercent(quote.changePct, i18n.locale)}
          </span>
        ) : null}
      </div>
      {quote ? (
        <>
          <div aria-hidden="true" className="mt-0.5 flex flex-col md:flex-row md:gap-3">
            <span
              key={move?.serial}
              className={cn(
                "-mx-1 w-fit rounded px-1 price text-sm font-semibold text-text",
                move && flashClass[move.direction],
              )}
            >
              {/* The price's own colour: muted text fails contrast on the flash's tint. */}
              <span className="mr-1 text-[0.6875rem] font-medium">{_("prices.askShort")}</span>
              {money(quote.ask)}
            </span>
            <span className="price text-xs text-text-muted md:text-sm">
              <span className="mr-1 text-[0.6875rem] font-medium">{_("prices.bidShort")}</span>
              {money(quote.bid)}
            </span>
          </div>
          <span className="sr-only">
            {_("prices.quote", {
              ask: money(quote.ask),
              bid: money(quote.bid),
              change:
                quote.changePct === null ? "–" : formatChangePercent(quote.changePct, i18n.locale),
            })}
          </span>
        </>
      ) : (
        <div className="mt-1 flex h-9 flex-col gap-1 md:h-5">
          <Skeleton className="h-3.5 w-20 max-w-full" />
          <span className="sr-only">{_("prices.loading")}</span>
        </div>
      )}
    </li>
  );
}

/**
 * Live market prices per metal (per gram). Until the first snapshot each price is a skeleton
 * of the final size, so nothing shifts when figures arrive.
 */
export function PriceStrip() {
  const { _ } = useLingui();
  const headingId = useId();
  const currency = usePricesCurrency();
  return (
    <section
      aria-labelledby={headingId}
      aria-busy={currency === null}
      className="border-b border-border bg-surface-raised print:hidden"
    >
      <div className="mx-auto flex max-w-6xl items-center gap-6 py-2 px-safe">
        <h2
          id={headingId}
          className="sr-only shrink-0 text-xs font-semibold tracking-wide text-text-muted uppercase md:not-sr-only"
        >
          {_("prices.title")}
        </h2>
        <ul className="grid flex-1 grid-cols-3 gap-3 md:flex md:gap-10">
          {metals.map((metal) => (
            <MetalPrice key={metal.key} metal={metal} />
          ))}
        </ul>
        <p className="sr-only">{_("prices.perGram")}</p>
      </div>
    </section>
  );
}
