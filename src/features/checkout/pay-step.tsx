import { useLingui } from "@lingui/react";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Link } from "react-router";
import type { CheckoutState } from "../../../contract/checkout";
import { CheckIcon } from "../../components/action-icons";
import { Button } from "../../components/button-link";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import {
  checkoutQueryOptions,
  legalDocumentsQueryOptions,
  paymentTypesQueryOptions,
  quoteQueryOptions,
} from "./checkout-queries";
import { createStepLoader, stepPath } from "./checkout-routing";
import { InstallmentChoice, PaymentTypeChoice } from "./pay-choices";
import { DeclineNotice } from "./pay-outcome";
import { PayButton, PayTotal } from "./pay-total";
import { CheckoutFooter } from "./checkout-footer";
import { PriceAnnouncer, PriceChange } from "./price-fix-panel";
import { usePayStep } from "./use-pay-step";

export function createPayLoader(queryClient: QueryClient) {
  return createStepLoader(queryClient, "pay", (qc) => [
    qc.query(quoteQueryOptions()),
    qc.query(paymentTypesQueryOptions()),
    // The acceptances the proxy recorded: the step needs both (and says which it confirms).
    qc.query(legalDocumentsQueryOptions()),
  ]);
}

/** The pay step's view: how to pay on the left, the total and the Pay button on the right. */
function PayContent({ state }: { state: CheckoutState }) {
  const { _ } = useLingui();
  const step = usePayStep(state);
  const { fix, types, decline, options, selected, offered, installments, quote, locked } = step;
  const { choose, focusKey } = step;
  const hintId = useId();
  return (
    <>
      <div className="grid gap-4 md:grid-cols-[1fr_22rem] md:gap-x-6">
        <div className="space-y-4 md:col-start-1">
          {decline ? <DeclineNotice decline={decline} /> : null}
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
              <div
                role="status"
                aria-label={_("checkout.pay.methodsLoading")}
                className="space-y-2"
              >
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
          <PayTotal step={step} hintId={hintId} />
        </div>
      </div>
      <CheckoutFooter label={_("checkout.pay.total")} total={step.charged} fix={fix}>
        <PayButton step={step} hintId={hintId} />
      </CheckoutFooter>
    </>
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
