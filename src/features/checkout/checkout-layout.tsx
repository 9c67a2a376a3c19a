import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, Navigate, Outlet, useLocation } from "react-router";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, BagIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { msg } from "../../i18n/i18n";
import { ApiProblem } from "../../lib/api";
import { CheckIcon } from "../../components/action-icons";
import { checkoutQueryOptions } from "./checkout-queries";
import {
  IDENTITY_PATH,
  STEPS,
  redirectFor,
  stepOfPath,
  stepPath,
  type Step,
} from "./checkout-routing";
import { useUnresolvedAttempt } from "./checkout-session";
import { identityGiven } from "./guest-identity";
import { usePaymentRun } from "./payment-runner";

type ShownStep = Step | "identity";

const stepLabels: Record<ShownStep, string> = {
  identity: msg("checkout.steps.identity"),
  address: msg("checkout.steps.address"),
  review: msg("checkout.steps.review"),
  pay: msg("checkout.steps.pay"),
};

/**
 * Where the customer is: an ordered list, the current step marked for assistive technology. A
 * guest's list starts with the identity step (done once they are a customer: not a link back).
 */
export function StepIndicator({ current, guest = false }: { current: ShownStep; guest?: boolean }) {
  const { _ } = useLingui();
  const steps: readonly ShownStep[] = guest ? ["identity", ...STEPS] : STEPS;
  const index = steps.indexOf(current);
  return (
    <nav aria-label={_("checkout.steps.label")} className="mb-5 md:mb-7">
      <ol className="flex items-start">
        {steps.map((step, i) => {
          const done = i < index;
          const here = i === index;
          const label = _(stepLabels[step]);
          const dot = (
            <span
              aria-hidden="true"
              className={cn(
                "grid size-7 shrink-0 place-items-center rounded-full border-2 text-sm font-semibold",
                done && "border-primary bg-primary text-primary-contrast",
                here && "border-primary bg-surface-raised text-primary",
                !done && !here && "border-border-strong text-text-muted",
              )}
            >
              {done ? <CheckIcon className="size-4" /> : i + 1}
            </span>
          );
          const text = (
            <span className={cn("text-sm", here ? "font-semibold text-text" : "text-text-muted")}>
              <span className="sr-only">
                {_("checkout.steps.number", { n: i + 1, total: steps.length })}
              </span>
              {label}
              {done ? <span className="sr-only"> {_("checkout.steps.done")}</span> : null}
            </span>
          );
          const body = "flex min-h-12 flex-col items-center justify-center gap-1 px-1";
          return (
            <li key={step} className="relative flex flex-1 justify-center">
              {i > 0 ? (
                <span
                  aria-hidden="true"
                  className={cn(
                    "absolute top-[1.375rem] right-1/2 left-[-50%] h-0.5 -translate-y-1/2",
                    i <= index ? "bg-primary" : "bg-border",
                  )}
                />
              ) : null}
              {done && step !== "identity" ? (
                <Link
                  to={stepPath(step)}
                  className={cn(body, "relative rounded-control hover:bg-primary-soft")}
                >
                  {dot}
                  {text}
                </Link>
              ) : (
                <span className={cn(body, "relative")} aria-current={here ? "step" : undefined}>
                  {dot}
                  {text}
                </span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}

function CheckoutSkeleton() {
  const { _ } = useLingui();
  return (
    <div role="status" aria-label={_("checkout.loading")} className="space-y-4">
      <Skeleton className="h-12 w-full rounded-card" />
      <Skeleton className="h-8 w-56" />
      <Skeleton className="h-40 w-full rounded-card" />
      <Skeleton className="h-40 w-full rounded-card" />
    </div>
  );
}

export function EmptyCheckout() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("checkout.title")} />
      <EmptyState
        icon={<BagIcon />}
        title={_("checkout.empty.title")}
        body={_("checkout.empty.body")}
        actions={
          <>
            <ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>
            <ButtonLink to="/basket" variant="quiet">
              {_("checkout.empty.basket")}
            </ButtonLink>
          </>
        }
      />
    </>
  );
}

function CheckoutError({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("checkout.title")} />
      <EmptyState
        icon={<AlertIcon />}
        title={_("checkout.error.loadTitle")}
        body={_("checkout.error.loadBody")}
        actions={
          <Button onClick={onRetry} disabled={retrying}>
            {_("error.retry")}
          </Button>
        }
      />
    </>
  );
}

/**
 * The `/checkout` route: the states in which there is nothing to pay (an empty basket,
 * an order just placed), a guest's identity step, the step indicator, and the current step.
 */
export function CheckoutLayout() {
  const { pathname } = useLocation();
  const step = stepOfPath(pathname);
  const checkout = useQuery(checkoutQueryOptions());
  // Re-render when an attempt starts or ends (the redirects below read it).
  const unresolved = useUnresolvedAttempt();
  const run = usePaymentRun();

  const unauthorized = checkout.error instanceof ApiProblem && checkout.error.status === 401;
  const [wasGuest, setWasGuest] = useState(false);
  const guest = checkout.data ? false : unauthorized || wasGuest;
  if (guest !== wasGuest) setWasGuest(guest);
  const identity = pathname.startsWith(IDENTITY_PATH);

  if (checkout.data) {
    // A customer already: the identity step is behind them.
    if (identity) return <Navigate to={stepPath("address")} replace />;
    // While a payment is being sent or the page is on its way to the bank, the pay step is in
    // charge: an emptied basket (the order exists) must not send it elsewhere.
    const paying =
      run.phase === "sending" || (run.phase === "done" && run.outcome.kind === "redirect");
    const to = paying ? null : redirectFor(step, checkout.data);
    if (to) return <Navigate to={to} replace />;
    if (checkout.data.basket.items.length === 0 && !unresolved) return <EmptyCheckout />;
    return (
      <>
        {step ? <StepIndicator current={step} guest={identityGiven()} /> : null}
        <Outlet />
      </>
    );
  }
  // No customer yet: a standalone guest says who is buying first (the identity step). It stays
  // while the state is read again (a refetch forgets the 401), so nothing typed is unmounted.
  if (guest)
    return identity ? (
      <>
        <StepIndicator current="identity" guest />
        <Outlet />
      </>
    ) : (
      <Navigate to={IDENTITY_PATH} replace />
    );
  if (checkout.isError)
    return <CheckoutError onRetry={() => void checkout.refetch()} retrying={checkout.isFetching} />;
  return <CheckoutSkeleton />;
}

/** `/checkout` itself: the first step (the loader usually redirects before this renders). */
export function CheckoutIndex() {
  return <Navigate to={stepPath("address")} replace />;
}
