import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import type { CheckoutState, CompleteCheckoutBody } from "../../../contract/checkout";
import { totalWithInstallmentCharge } from "../../../contract/installment-charge";
import { legalDocumentsQueryOptions, paymentTypesQueryOptions } from "./checkout-queries";
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
import { asInstallments, type Installments, type Offer, type PaymentOption } from "./pay-choices";
import { isPaying, resetPaymentRun, startPayment, usePaymentRun } from "./payment-runner";
import { basketSignature } from "../../domain/price-fix";
import { usePriceFix } from "./use-price-fix";

/**
 * The pay step's state and actions: the fixed price, the payment types and instalments offered,
 * the choice made, the run of the payment attempt (resumed after a reload with its own key), and
 * leaving for the outcome (the bank, the receipt, or the return page).
 */
export function usePayStep(state: CheckoutState) {
  const { _ } = useLingui();
  const navigate = useNavigate();
  const fix = usePriceFix(basketSignature(state.basket.items));
  const types = useQuery(paymentTypesQueryOptions());
  const legal = useQuery(legalDocumentsQueryOptions());
  const progress = useProgress();
  const run = usePaymentRun();
  const unresolved = useUnresolvedAttempt();
  const decline = useDecline();
  const [tried, setTried] = useState(false);

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

  return {
    fix,
    types,
    run,
    decline,
    tried,
    options,
    selected,
    offered,
    installments,
    sending,
    checking,
    redirecting,
    locked,
    quote,
    ratePercent,
    charged,
    choose,
    pay,
    focusKey,
    blockedReason,
  };
}
