import { useLingui } from "@lingui/react";
import { useId } from "react";
import { cn } from "../components/class-names";
import { Skeleton } from "../components/skeleton";
import { msg } from "../i18n/i18n";

const metals = [
  { key: "gold", label: msg("metal.gold"), dot: "bg-gold" },
  { key: "silver", label: msg("metal.silver"), dot: "bg-silver" },
  { key: "platinum", label: msg("metal.platinum"), dot: "bg-platinum" },
] as const;

/**
 * Live market prices per metal. Until the price stream is connected each price is a skeleton of
 * the final size, so nothing shifts when figures arrive.
 */
export function PriceStrip() {
  const { _ } = useLingui();
  const headingId = useId();
  return (
    <section
      aria-labelledby={headingId}
      aria-busy="true"
      className="border-b border-border bg-surface-raised"
    >
      <div className="mx-auto flex max-w-6xl items-center gap-6 py-2.5 px-safe">
        <h2
          id={headingId}
          className="sr-only shrink-0 text-xs font-semibold tracking-wide text-text-muted uppercase md:not-sr-only"
        >
          {_("prices.title")}
        </h2>
        <ul className="grid flex-1 grid-cols-3 gap-3 md:flex md:gap-10">
          {metals.map((metal) => (
            <li key={metal.key} className="min-w-0">
              <div className="flex items-center gap-1.5 text-xs font-medium text-text-muted">
                <span
                  aria-hidden="true"
                  className={cn("size-2 shrink-0 rounded-full", metal.dot)}
                />
                <span className="truncate">{_(metal.label)}</span>
              </div>
              <div className="mt-1 flex h-5 items-center">
                <Skeleton className="h-3.5 w-20 max-w-full" />
                <span className="sr-only">{_("prices.loading")}</span>
              </div>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
