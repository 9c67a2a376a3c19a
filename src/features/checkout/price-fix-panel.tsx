import { useLingui } from "@lingui/react";
import { useEffect, useId, useRef } from "react";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { formatMoney } from "../../i18n/format";
import { ClockIcon } from "../../components/action-icons";
import { SpinnerIcon } from "../../components/icons";
import { countdownAnnouncement, formatCountdown } from "../../domain/price-fix";
import type { PriceFixState } from "./use-price-fix";

function useMoney() {
  const { i18n } = useLingui();
  return (amount: number) => formatMoney(amount, "TRY", i18n.locale);
}

/** How long the price on screen holds, counting down; "getting the new price" once it ran out. */
export function PriceCountdown({ fix, className }: { fix: PriceFixState; className?: string }) {
  const { _ } = useLingui();
  const running = fix.timedQuote !== undefined && fix.left > 0;
  const urgent = running && fix.left <= 30;
  return (
    <div
      className={cn(
        "flex min-h-12 items-center gap-2 rounded-control px-3 py-2 text-sm",
        urgent ? "bg-danger/10 text-text" : "bg-primary-soft text-text",
        className,
      )}
    >
      {running ? (
        <>
          <ClockIcon className={cn("size-5 shrink-0", urgent ? "text-danger" : "text-primary")} />
          <p>
            {_("checkout.price.holdsFor")}{" "}
            <span role="timer" className="price font-semibold">
              {formatCountdown(fix.left)}
            </span>
          </p>
        </>
      ) : (
        <>
          <SpinnerIcon className="size-5 shrink-0 animate-spin text-primary motion-reduce:animate-none" />
          <p>{_("checkout.price.renewing")}</p>
        </>
      )}
    </div>
  );
}

/**
 * Polite words for screen readers at the moments that matter (a minute, 30 and 10 seconds left,
 * expired, a new price to confirm, a renewed price), never every second. The text only changes
 * at those moments, and a live region speaks only changes.
 */
export function PriceAnnouncer({ fix }: { fix: PriceFixState }) {
  const { _ } = useLingui();
  const money = useMoney();
  const quote = fix.timedQuote?.quote;
  let text = "";
  if (quote && fix.decision === "confirm" && fix.previousTotal !== null)
    text = _("checkout.price.changedAnnouncement", {
      before: money(fix.previousTotal),
      after: money(quote.totals.total),
    });
  else if (quote) {
    const said = countdownAnnouncement(fix.left);
    if (said?.kind === "expired") text = _("checkout.price.expiredAnnouncement");
    else if (said?.seconds === 60) text = _("checkout.price.minuteAnnouncement");
    else if (said) text = _("checkout.price.leftAnnouncement", { seconds: said.seconds });
    else if (quote.priceFix.renewed)
      text = _("checkout.price.renewedAnnouncement", { total: money(quote.totals.total) });
  }
  return (
    <p role="status" className="sr-only">
      {text}
    </p>
  );
}

/**
 * The price changed under a new fix: old and new totals side by side, and the customer's
 * confirmation, without which there is no paying.
 */
export function PriceChange({ fix, focusKey }: { fix: PriceFixState; focusKey?: unknown }) {
  const { _ } = useLingui();
  const money = useMoney();
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const quote = fix.timedQuote?.quote;
  const show = quote !== undefined && fix.decision === "confirm" && fix.previousTotal !== null;

  // After a refused payment (price expired) the customer's focus comes here; a change noticed by
  // the countdown is announced instead, without moving the focus away from what they read.
  useEffect(() => {
    if (show && focusKey !== undefined) heading.current?.focus();
  }, [show, focusKey]);

  if (!show) return null;
  const before = fix.previousTotal ?? 0;
  const after = quote.totals.total;
  const diff = after - before;
  return (
    <section
      aria-labelledby={titleId}
      className="rounded-card border-2 border-primary bg-surface-raised p-4 shadow-card md:p-5"
    >
      <h2
        id={titleId}
        ref={heading}
        tabIndex={-1}
        className="text-lg font-semibold text-text outline-none"
      >
        {_("checkout.price.changedTitle")}
      </h2>
      <p className="mt-1 text-sm text-text-muted">{_("checkout.price.changedBody")}</p>
      <dl className="mt-4 grid grid-cols-2 gap-3">
        <div className="rounded-control border border-border p-3">
          <dt className="text-sm text-text-muted">{_("checkout.price.oldTotal")}</dt>
          <dd className="mt-1 price text-lg font-semibold text-text-muted line-through">
            {money(before)}
          </dd>
        </div>
        <div className="rounded-control border-2 border-primary bg-primary-soft p-3">
          <dt className="text-sm text-text">{_("checkout.price.newTotal")}</dt>
          <dd className="mt-1 price text-lg font-semibold text-text">{money(after)}</dd>
        </div>
      </dl>
      <p className="mt-2 text-sm text-text-muted">
        {diff > 0
          ? _("checkout.price.higherBy", { amount: money(diff) })
          : _("checkout.price.lowerBy", { amount: money(-diff) })}
      </p>
      <Button className="mt-4 w-full" onClick={fix.confirm} disabled={fix.left === 0}>
        {_("checkout.price.confirm", { total: money(after) })}
      </Button>
    </section>
  );
}

/** The quote could not be read: say so, and offer to ask again. */
export function PriceError({ fix, className }: { fix: PriceFixState; className?: string }) {
  const { _ } = useLingui();
  return (
    <div role="alert" className={className}>
      <p className="text-text">{_("checkout.price.error")}</p>
      <Button variant="secondary" className="mt-3" onClick={fix.retry} disabled={fix.isFetching}>
        {_("error.retry")}
      </Button>
    </div>
  );
}
