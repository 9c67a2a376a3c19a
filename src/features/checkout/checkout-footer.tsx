import { useLingui } from "@lingui/react";
import type { ReactNode } from "react";
import { cn } from "../../components/class-names";
import { formatMoney } from "../../i18n/format";
import { PriceCountdown } from "./price-fix-panel";
import type { PriceFixState } from "./use-price-fix";

/**
 * The footer every checkout step ends with (focus mode): what the customer will pay, how long
 * that price holds, and the step's one main action. Sticky to the bottom of the screen, so the
 * countdown and the button stay in sight at every scroll position; it is the last thing in the
 * page, so at the end it simply sits under the step and covers nothing.
 */
export function CheckoutFooter({
  label,
  total,
  fix,
  children,
}: {
  /** What the amount is ("Amount to pay", "Basket total"). */
  label: string;
  /** The amount, or null while it is being read. */
  total: number | null;
  /** The price fix with its countdown (none before there is a customer, on the identity step). */
  fix?: PriceFixState | undefined;
  /** The step's main button (a Button, full width). */
  children: ReactNode;
}) {
  const { _, i18n } = useLingui();
  return (
    <section
      aria-label={_("checkout.footer.label")}
      data-testid="checkout-footer"
      className="sticky bottom-0 z-20 -mx-4 mt-6 border-t border-border bg-surface-raised px-4 pt-3 pb-[calc(var(--safe-bottom)+0.75rem)] shadow-[0_-4px_12px_rgb(0_0_0/0.08)] md:mx-0 md:rounded-t-card md:border-x md:px-5 print:hidden"
    >
      <div className="mx-auto flex max-w-2xl flex-col gap-2 md:max-w-none">
        <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <p className="flex flex-col leading-tight">
            <span className="text-sm text-text-muted">{label}</span>
            <span
              className={cn(
                "price text-xl font-semibold text-text",
                fix && fix.timedQuote !== undefined && fix.left === 0 && "opacity-60",
              )}
            >
              {total === null ? "…" : formatMoney(total, "TRY", i18n.locale)}
            </span>
          </p>
          {fix?.timedQuote ? <PriceCountdown fix={fix} className="min-h-10 py-1" /> : null}
        </div>
        {children}
      </div>
    </section>
  );
}
