import { useLingui } from "@lingui/react";
import type { Quote } from "../../../contract/checkout";
import {
  installmentCharge,
  perInstallment,
  totalWithInstallmentCharge,
} from "../../../contract/installment-charge";
import { round2 } from "../../../contract/money";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { FeeSummary } from "../../components/fee-summary";
import { LockIcon } from "../../components/icons";
import { Skeleton } from "../../components/skeleton";
import { formatMoney, formatNumber } from "../../i18n/format";
import { SpinnerIcon } from "../../components/icons";
import { OutcomeMessage } from "./pay-outcome";
import { PriceError } from "./price-fix-panel";
import type { usePayStep } from "./use-pay-step";

type PayStepState = ReturnType<typeof usePayStep>;

/** The pay step's total with its details, the last attempt's answer, and what the Pay button needs said. */
export function PayTotal({ step, hintId }: { step: PayStepState; hintId: string }) {
  const { _, i18n } = useLingui();
  const {
    fix,
    run,
    quote,
    charged,
    installments,
    selected,
    ratePercent,
    sending,
    tried,
    blockedReason,
    pay,
  } = step;
  const money = (amount: number) => formatMoney(amount, "TRY", i18n.locale);
  return (
    <section
      aria-labelledby="checkout-pay-total"
      className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5"
    >
      <h2 id="checkout-pay-total" className="text-sm font-medium text-text-muted">
        {_("checkout.pay.total")}
      </h2>
      {quote && charged !== null ? (
        <>
          <p
            className={cn(
              "mt-1 price text-3xl font-semibold text-text",
              fix.left === 0 && "opacity-60",
            )}
          >
            {money(charged)}
          </p>
          {installments > 1 && selected?.type === "card" ? (
            <p className="mt-1 text-sm text-text-muted">
              {ratePercent > 0
                ? _("inst.pay.chargeIncluded", {
                    n: installments,
                    each: money(perInstallment(charged, installments)),
                    rate: formatNumber(ratePercent, i18n.locale),
                    charge: money(installmentCharge(quote.totals.total, ratePercent)),
                  })
                : _("inst.pay.noCharge", {
                    n: installments,
                    each: money(perInstallment(charged, installments)),
                  })}
            </p>
          ) : null}
        </>
      ) : fix.isError ? (
        <PriceError fix={fix} className="mt-2" />
      ) : (
        <Skeleton className="mt-2 h-9 w-48" />
      )}
      {quote ? (
        <details className="group mt-3">
          <summary className="flex min-h-12 cursor-pointer items-center font-medium text-primary">
            {_("checkout.pay.details")}
          </summary>
          <div className="pb-1">
            <QuoteDetails quote={quote} ratePercent={ratePercent} updating={fix.left === 0} />
          </div>
        </details>
      ) : null}
      {run.phase === "done" && !(step.decline && run.outcome.kind === "declined") ? (
        <div className="mt-3">
          <OutcomeMessage outcome={run.outcome} onRetry={pay} />
        </div>
      ) : null}
      <div id={hintId} className="mt-2 text-sm">
        {run.phase === "sending" && run.retry > 0 ? (
          <p role="status" className="text-text-muted">
            {_("checkout.pay.retrying")}
          </p>
        ) : null}
        {tried && blockedReason && !sending ? (
          <p role="alert" className="font-medium text-danger">
            {blockedReason}
          </p>
        ) : null}
        <p className="mt-1 flex items-start gap-2 text-text-muted">
          <LockIcon className="mt-0.5 size-4 shrink-0" />
          {selected?.type === "wallet" ? _("checkout.pay.walletSafe") : _("checkout.pay.cardSafe")}
        </p>
      </div>
    </section>
  );
}

/** The Pay button (in the step's footer), described by the hints under the total. */
export function PayButton({ step, hintId }: { step: PayStepState; hintId: string }) {
  const { _, i18n } = useLingui();
  const { charged, checking, sending, redirecting, pay } = step;
  const money = (amount: number) => formatMoney(amount, "TRY", i18n.locale);
  if (checking) return null;
  return (
    <Button
      className="w-full"
      onClick={pay}
      disabled={sending || redirecting}
      aria-busy={sending || redirecting}
      aria-describedby={hintId}
    >
      {sending ? (
        <>
          <SpinnerIcon />
          {_("checkout.pay.sending")}
        </>
      ) : redirecting ? (
        <>
          <SpinnerIcon />
          {_("checkout.pay.redirecting")}
        </>
      ) : charged !== null ? (
        _("checkout.pay.action", { total: money(charged) })
      ) : (
        _("checkout.pay.actionNoTotal")
      )}
    </Button>
  );
}

/**
 * The fee lines under the pay step's total (collapsed: they were on the review step), with the
 * instalment charge of the chosen option as one more line, so they add up to the total shown.
 */
function QuoteDetails({
  quote,
  ratePercent,
  updating,
}: {
  quote: Quote;
  ratePercent: number;
  updating: boolean;
}) {
  const { _ } = useLingui();
  const charge = installmentCharge(quote.totals.total, ratePercent);
  const totals =
    charge > 0
      ? {
          ...quote.totals,
          fees: round2(quote.totals.fees + charge),
          total: totalWithInstallmentCharge(quote.totals.total, ratePercent),
        }
      : quote.totals;
  const fees =
    charge > 0
      ? [
          ...quote.fees,
          { kind: "installment_charge", label: _("inst.pay.chargeLine"), amount: charge },
        ]
      : quote.fees;
  return (
    <FeeSummary
      totals={totals}
      fees={fees}
      currency={quote.currency}
      updating={updating}
      totalLabel={_("checkout.review.totalToPay")}
    />
  );
}
