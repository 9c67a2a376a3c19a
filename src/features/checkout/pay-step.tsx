import { useLingui } from "@lingui/react";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useId, useRef, useState } from "react";
import { Link, useNavigate } from "react-router";
import {
  type CheckoutState,
  type CompleteCheckoutBody,
  type PaymentTypes,
  type Quote,
} from "../../../contract/checkout";
import {
  installmentCharge,
  perInstallment,
  totalWithInstallmentCharge,
} from "../../../contract/installment-charge";
import { round2 } from "../../../contract/money";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { FeeSummary } from "../../components/fee-summary";
import { AlertIcon, LockIcon, WalletIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { formatMoney, formatNumber } from "../../i18n/format";
import type { ApiProblem } from "../../lib/api";
import { CheckIcon } from "../../components/action-icons";
import { CardIcon, SpinnerIcon } from "./checkout-icons";
import {
  checkoutKeys,
  checkoutQueryOptions,
  legalDocumentsQueryOptions,
  paymentTypesQueryOptions,
  quoteQueryOptions,
} from "./checkout-queries";
import { createStepLoader, stepPath } from "./checkout-routing";
import {
  attempts,
  receiptPath,
  resumeState,
  returnPath,
  setPaymentChoice,
  useDecline,
  useProgress,
  useUnresolvedAttempt,
} from "./checkout-session";
import { useAcceptedDocuments } from "./legal-documents";
import type { CompletionOutcome } from "./payment-attempt";
import { isPaying, resetPaymentRun, startPayment, usePaymentRun } from "./payment-runner";
import { basketSignature } from "./price-fix";
import { PriceAnnouncer, PriceChange, PriceCountdown, PriceError } from "./price-fix-panel";
import { usePriceFix } from "./use-price-fix";

export function createPayLoader(queryClient: QueryClient) {
  return createStepLoader(queryClient, "pay", (qc) => [
    qc.query(quoteQueryOptions()),
    qc.query(paymentTypesQueryOptions()),
    // The acceptances the proxy recorded: the step needs both (and says which it confirms).
    qc.query(legalDocumentsQueryOptions()),
  ]);
}

type Installments = 1 | 3 | 6;
const asInstallments = (n: number): Installments | null =>
  n === 1 || n === 3 || n === 6 ? n : null;

/** An instalment option the completion accepts, with the bank's charge in percent. */
interface Offer {
  count: Installments;
  ratePercent: number;
}

type PaymentOption = PaymentTypes["paymentTypes"][number];

const radioCard =
  "flex min-h-12 cursor-pointer items-start gap-3 rounded-control border border-border bg-surface-raised p-3 has-[:checked]:border-2 has-[:checked]:border-primary has-[:checked]:bg-primary-soft has-[:disabled]:cursor-not-allowed has-[:disabled]:opacity-70 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-primary";

function PaymentTypeChoice({
  options,
  selected,
  disabled,
  onSelect,
}: {
  options: readonly PaymentOption[];
  selected: PaymentOption;
  disabled: boolean;
  onSelect: (option: PaymentOption) => void;
}) {
  const { _ } = useLingui();
  const name = useId();
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-semibold text-text">{_("checkout.pay.method")}</legend>
      {options.map((option) => (
        <label key={option.type} className={radioCard}>
          <input
            type="radio"
            name={name}
            value={option.type}
            checked={option.type === selected.type}
            disabled={disabled}
            onChange={() => onSelect(option)}
            className="mt-1 size-5 shrink-0 accent-primary"
          />
          <span className="flex min-w-0 flex-1 items-start gap-3">
            {option.type === "card" ? (
              <CardIcon className="mt-0.5 size-6 shrink-0 text-primary" />
            ) : (
              <WalletIcon className="mt-0.5 size-6 shrink-0 text-primary" />
            )}
            <span className="min-w-0">
              <span className="block font-medium text-text">{option.name}</span>
              <span className="block text-sm text-text-muted">
                {option.type === "card" ? _("checkout.pay.cardHint") : _("checkout.pay.walletHint")}
              </span>
            </span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** Each option with what it costs: the count, one instalment and the total the bank charges. */
function InstallmentChoice({
  offered,
  selected,
  base,
  disabled,
  onSelect,
}: {
  offered: readonly Offer[];
  selected: Installments;
  /** The quote's total (no charge), or null while there is no valid quote. */
  base: number | null;
  disabled: boolean;
  onSelect: (n: Installments) => void;
}) {
  const { _, i18n } = useLingui();
  const name = useId();
  const money = (amount: number) => formatMoney(amount, "TRY", i18n.locale);
  return (
    <fieldset className="space-y-2">
      <legend className="mb-2 font-semibold text-text">{_("checkout.pay.installments")}</legend>
      {offered.map(({ count, ratePercent }) => {
        const total = base === null ? null : totalWithInstallmentCharge(base, ratePercent);
        return (
          <label key={count} className={cn(radioCard, "items-center")}>
            <input
              type="radio"
              name={name}
              value={count}
              checked={count === selected}
              disabled={disabled}
              onChange={() => onSelect(count)}
              className="size-5 shrink-0 accent-primary"
            />
            <span className="flex min-w-0 flex-1 flex-col">
              <span className="font-medium text-text">
                {count === 1
                  ? _("checkout.pay.singlePayment")
                  : _("checkout.pay.installmentCount", { n: count })}
              </span>
              {total === null ? null : (
                <span className="price text-sm text-text-muted">
                  {count === 1
                    ? money(total)
                    : _("inst.pay.perInstallment", {
                        n: count,
                        each: money(perInstallment(total, count)),
                        total: money(total),
                      })}
                </span>
              )}
            </span>
          </label>
        );
      })}
    </fieldset>
  );
}

function problemText(problem: ApiProblem | null, fallback: string): string {
  if (!problem) return fallback;
  const fields = Object.values(problem.errors).flat();
  return fields.length > 0 ? fields.join(" ") : (problem.detail ?? fallback);
}

/** What the last payment attempt said, where the customer looks next: above the Pay button. */
function OutcomeMessage({ outcome, onRetry }: { outcome: CompletionOutcome; onRetry: () => void }) {
  const { _ } = useLingui();
  const queryClient = useQueryClient();
  const heading = useRef<HTMLParagraphElement>(null);
  // The Pay button the customer tapped was disabled while sending: the focus comes to the answer.
  useEffect(() => {
    heading.current?.focus();
  }, [outcome]);
  let title: string;
  let body: string;
  let action = null;
  switch (outcome.kind) {
    case "unreachable":
      title = _("checkout.pay.unreachableTitle");
      body = _("checkout.pay.unreachableBody");
      action = (
        <Button className="mt-3 w-full" onClick={onRetry}>
          {_("checkout.pay.tryAgain")}
        </Button>
      );
      break;
    case "checking":
      title = _("checkout.pay.checkingTitle");
      body = _("checkout.pay.checkingBody");
      action = (
        <Button className="mt-3 w-full" onClick={onRetry}>
          {_("checkout.pay.checkAgain")}
        </Button>
      );
      break;
    case "refused": {
      title = _("checkout.pay.refusedTitle");
      body = problemText(outcome.problem, _("checkout.pay.refusedBody"));
      if (outcome.problem.errors.legalAcceptances)
        action = (
          <Link
            to={stepPath("review")}
            // The proxy's record is what counts: the review step reads it afresh.
            onClick={() => void queryClient.invalidateQueries({ queryKey: checkoutKeys.legal() })}
            className="mt-2 inline-flex min-h-12 items-center font-medium text-primary underline"
          >
            {_("checkout.pay.readAgain")}
          </Link>
        );
      break;
    }
    case "declined":
      title = _("checkout.pay.declinedTitle");
      body = _("checkout.pay.declinedBody");
      break;
    default:
      return null;
  }
  return (
    <div role="alert" className="rounded-card border border-danger/50 bg-surface-raised p-4">
      <p
        ref={heading}
        tabIndex={-1}
        className="flex items-center gap-2 font-semibold text-danger outline-none"
      >
        <AlertIcon className="size-5 shrink-0" />
        {title}
      </p>
      <p className="mt-1 text-text">{body}</p>
      {action}
    </div>
  );
}

function PayContent({ state }: { state: CheckoutState }) {
  const { _, i18n } = useLingui();
  const navigate = useNavigate();
  const fix = usePriceFix(basketSignature(state.basket.items));
  const types = useQuery(paymentTypesQueryOptions());
  const legal = useQuery(legalDocumentsQueryOptions());
  const progress = useProgress();
  const run = usePaymentRun();
  const unresolved = useUnresolvedAttempt();
  const decline = useDecline();
  const [tried, setTried] = useState(false);
  const hintId = useId();

  // A payment that may have been made and is not settled (a reload, a lost answer) is resumed
  // with its own key and body: the proxy replays the first answer instead of paying twice.
  useEffect(() => {
    const attempt = attempts.unresolved();
    if (!attempt || isPaying()) return;
    if (attempt.orderCode)
      void navigate(returnPath(attempt.orderCode), { replace: true, state: resumeState });
    else startPayment(attempt);
  }, [navigate]);

  // Leave for the outcome: the bank (replacing this entry, so Back does not return to a payment
  // form), the receipt, or the return page that asks upstream.
  useEffect(() => {
    if (run.phase !== "done") return;
    const outcome = run.outcome;
    if (outcome.kind === "redirect") window.location.replace(outcome.url);
    else if (outcome.kind === "paid") {
      resetPaymentRun();
      void navigate(receiptPath(outcome.orderCode), { replace: true });
    } else if (outcome.kind === "check") {
      resetPaymentRun();
      void navigate(returnPath(outcome.orderCode), { replace: true, state: resumeState });
    }
  }, [run, navigate]);

  const options = types.data?.paymentTypes ?? [];
  const selected = options.find((o) => o.type === progress.paymentType) ?? options[0];
  const offered = (selected?.installments ?? []).flatMap((o): Offer[] => {
    const count = asInstallments(o.count);
    return count === null ? [] : [{ count, ratePercent: o.ratePercent }];
  });
  const stored = offered.find((o) => o.count === progress.installments);
  const offer = stored ?? offered[0] ?? { count: 1, ratePercent: 0 };
  const installments = offer.count;

  const sending = run.phase === "sending";
  // "Do not pay again": while the outcome is being checked, Check again is the only way on.
  const checking = run.phase === "done" && run.outcome.kind === "checking";
  const redirecting = run.phase === "done" && run.outcome.kind === "redirect";
  const locked = sending || redirecting || unresolved !== null;
  const quote = fix.timedQuote?.quote;
  const money = (amount: number) => formatMoney(amount, "TRY", i18n.locale);
  // What the bank will charge for the chosen option: the price last shown is the price paid.
  const ratePercent = selected?.type === "card" ? offer.ratePercent : 0;
  const charged = quote ? totalWithInstallmentCharge(quote.totals.total, ratePercent) : null;
  const { confirmed } = useAcceptedDocuments(legal.data);

  const choose = (paymentType: PaymentOption, n: Installments) => {
    attempts.dropUnsent();
    resetPaymentRun();
    setPaymentChoice(paymentType.type, n);
  };

  const pay = () => {
    if (isPaying()) return;
    if (unresolved) {
      startPayment(unresolved);
      return;
    }
    setTried(true);
    if (!fix.payable || !quote || !selected) return;
    const body: CompleteCheckoutBody = {
      quoteId: quote.quoteId,
      paymentType: selected.type,
      ...(selected.type === "card" ? { installments } : {}),
      legalAcceptances: confirmed,
    };
    startPayment(attempts.attemptFor(body));
  };

  const focusKey =
    run.phase === "done" && run.outcome.kind === "price_expired" ? run.key : undefined;
  const blockedReason = !quote
    ? null
    : fix.decision === "confirm"
      ? _("checkout.price.confirmFirst")
      : fix.left === 0
        ? _("checkout.price.waitForNew")
        : null;

  return (
    <div className="grid gap-4 md:grid-cols-[1fr_22rem] md:gap-x-6">
      <div className="space-y-4 md:col-start-1">
        {decline ? (
          <div role="alert" className="rounded-card border border-danger/50 bg-surface-raised p-4">
            <p className="flex items-center gap-2 font-semibold text-danger">
              <AlertIcon className="size-5 shrink-0" />
              {decline.code === "not_completed"
                ? _("checkout.pay.notStartedTitle")
                : _("checkout.pay.bankDeclinedTitle")}
            </p>
            <p className="mt-1 text-text">
              {decline.code === "not_completed" && decline.reason
                ? decline.reason
                : decline.reason
                  ? _("checkout.pay.bankDeclinedReason", { reason: decline.reason })
                  : _("checkout.pay.bankDeclinedNoReason")}
            </p>
            <p className="mt-1 text-sm text-text-muted">{_("checkout.pay.bankDeclinedAgain")}</p>
          </div>
        ) : null}
        <PriceChange fix={fix} focusKey={focusKey} />
        <section className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5">
          {types.data ? (
            selected ? (
              <div className="space-y-5">
                <PaymentTypeChoice
                  options={options}
                  selected={selected}
                  disabled={locked}
                  onSelect={(option) => choose(option, 1)}
                />
                {selected.type === "card" && offered.length > 1 ? (
                  <InstallmentChoice
                    offered={offered}
                    selected={installments}
                    base={quote ? quote.totals.total : null}
                    disabled={locked}
                    onSelect={(n) => choose(selected, n)}
                  />
                ) : null}
              </div>
            ) : (
              <p className="text-text">{_("checkout.pay.noMethods")}</p>
            )
          ) : types.isError ? (
            <div role="alert">
              <p className="text-text">{_("checkout.pay.methodsError")}</p>
              <Button
                variant="secondary"
                className="mt-3"
                onClick={() => void types.refetch()}
                disabled={types.isFetching}
              >
                {_("error.retry")}
              </Button>
            </div>
          ) : (
            <div role="status" aria-label={_("checkout.pay.methodsLoading")} className="space-y-2">
              <Skeleton className="h-16 w-full rounded-control" />
              <Skeleton className="h-16 w-full rounded-control" />
            </div>
          )}
        </section>
        <div className="flex items-start gap-3 rounded-card border border-border bg-surface-raised p-4 text-sm shadow-card">
          <CheckIcon className="mt-0.5 size-5 shrink-0 text-success" />
          <div>
            <p className="text-text">{_("checkout.pay.documentsAccepted")}</p>
            <Link
              to={stepPath("review")}
              className="-ml-1 inline-flex min-h-12 items-center px-1 font-medium text-primary underline"
            >
              {_("checkout.pay.documentsLink")}
            </Link>
          </div>
        </div>
      </div>
      <div className="space-y-4 md:sticky md:top-24 md:col-start-2 md:row-start-1 md:self-start">
        <PriceAnnouncer fix={fix} />
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
              <PriceCountdown fix={fix} className="mt-3" />
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
          {run.phase === "done" ? (
            <div className="mt-3">
              <OutcomeMessage outcome={run.outcome} onRetry={pay} />
            </div>
          ) : null}
          {checking ? null : (
            <Button
              className="mt-4 w-full"
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
          )}
          <div id={hintId} className="mt-2 text-sm">
            {sending && run.retry > 0 ? (
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
              {selected?.type === "wallet"
                ? _("checkout.pay.walletSafe")
                : _("checkout.pay.cardSafe")}
            </p>
          </div>
        </section>
      </div>
    </div>
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

export function PayStep() {
  const { _ } = useLingui();
  const checkout = useQuery(checkoutQueryOptions());
  return (
    <>
      <PageHeader title={_("checkout.pay.title")} />
      {checkout.data ? <PayContent state={checkout.data} /> : null}
    </>
  );
}
