import { useLingui } from "@lingui/react";
import { useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { useLocation, useNavigate, useSearchParams, type LoaderFunctionArgs } from "react-router";
import { bridge } from "../../bridge/bridge";
import { Button, ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, CompassIcon, SpinnerIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { ApiProblem } from "../../lib/api";
import { basketKeys } from "../basket";
import { checkoutKeys, checkoutReturnQueryOptions } from "./checkout-queries";
import { stepPath } from "./checkout-routing";
import {
  attempts,
  clearOrderRecord,
  clearProgress,
  readOrderRecord,
  receiptPath,
  recordDecline,
  recordOrder,
} from "./checkout-session";

const orderPattern = /^[A-Za-z0-9_-]{4,64}$/;

function isResumeState(state: unknown): boolean {
  return typeof state === "object" && state !== null && "resumePayment" in state;
}

function orderOf(search: URLSearchParams): string | null {
  const order = search.get("order");
  return order && orderPattern.test(order) ? order : null;
}

export function createReturnLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const order = orderOf(new URL(request.url).searchParams);
    if (order) void queryClient.query(checkoutReturnQueryOptions(order)).catch(() => undefined);
    return null;
  };
}

/** While the bank decides: we keep asking, and the customer can go back to the bank's page. */
function Pending({ orderCode, redirectUrl }: { orderCode: string; redirectUrl?: string }) {
  const { _ } = useLingui();
  const record = readOrderRecord();
  const bankUrl = redirectUrl ?? (record?.orderCode === orderCode ? record.redirectUrl : undefined);
  return (
    <>
      <PageHeader title={_("checkout.return.pendingTitle")} />
      <section className="rounded-card border border-border bg-surface-raised p-5 shadow-card">
        <p role="status" className="flex items-center gap-3 text-text">
          <SpinnerIcon className="size-6 shrink-0 animate-spin text-primary motion-reduce:animate-none" />
          {_("checkout.return.pendingBody")}
        </p>
        <p className="mt-3 text-sm text-text-muted">
          {_("checkout.return.orderCode", { code: orderCode })}
        </p>
        <div className="mt-5 flex flex-col gap-2 sm:flex-row">
          {bankUrl ? (
            <Button onClick={() => window.location.replace(bankUrl)}>
              {_("checkout.return.backToBank")}
            </Button>
          ) : null}
          <ButtonLink to="/orders" variant="secondary">
            {_("checkout.return.orders")}
          </ButtonLink>
        </div>
      </section>
    </>
  );
}

/**
 * `/checkout/return?order=CODE`, where the bank sends the customer back. The outcome is asked
 * from the proxy, which reads the order upstream; the query string's `status` is never trusted.
 * Paid → the receipt; declined → the pay step with the bank's reason; pending → keep asking.
 */
export function ReturnPage() {
  const { _ } = useLingui();
  const [search] = useSearchParams();
  const order = orderOf(search);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const result = useQuery({ ...checkoutReturnQueryOptions(order ?? ""), enabled: order !== null });
  const data = result.data;
  // Sent here by the pay step after a lost answer or a reload: continue at the bank when the
  // order is waiting there, rather than asking the customer to.
  const location = useLocation();
  const resume = isResumeState(location.state as unknown);

  useEffect(() => {
    if (!data) return;
    const code = data.orderCode;
    if (data.status === "pending" && data.redirectUrl && resume) {
      window.location.replace(data.redirectUrl);
      return;
    }
    if (data.status === "paid") {
      recordOrder({ orderCode: code, state: "paid" });
      attempts.resolveOrder(code);
      clearProgress();
      void queryClient.invalidateQueries({ queryKey: basketKeys.all });
      void queryClient.invalidateQueries({ queryKey: checkoutKeys.state() });
      void navigate(receiptPath(code), { replace: true });
    } else if (data.status === "failed") {
      // Declined, or never placed: the basket is intact upstream and the next tap is a new
      // attempt (with a new key).
      attempts.resolveOrder(code);
      if (readOrderRecord()?.orderCode === code) clearOrderRecord();
      recordDecline({
        orderCode: code,
        ...(data.failureReason ? { reason: data.failureReason } : {}),
        ...(data.failureCode ? { code: data.failureCode } : {}),
      });
      bridge.send("order.failed", {
        reason: data.failureReason ?? data.failureCode ?? "payment_failed",
      });
      void queryClient.invalidateQueries({ queryKey: basketKeys.all });
      void queryClient.invalidateQueries({ queryKey: checkoutKeys.state() });
      void queryClient.invalidateQueries({ queryKey: checkoutKeys.quote() });
      void navigate(stepPath("pay"), { replace: true });
    }
  }, [data, navigate, queryClient, resume]);

  if (order === null || (result.error instanceof ApiProblem && result.error.status === 404))
    return (
      <>
        <PageHeader title={_("checkout.return.notFoundTitle")} />
        <EmptyState
          icon={<CompassIcon />}
          title={_("checkout.return.notFoundHeading")}
          body={_("checkout.return.notFoundBody")}
          actions={
            <>
              <ButtonLink to="/orders">{_("checkout.return.orders")}</ButtonLink>
              <ButtonLink to="/" variant="quiet">
                {_("basket.empty.browse")}
              </ButtonLink>
            </>
          }
        />
      </>
    );

  if (data?.status === "pending")
    return (
      <Pending
        orderCode={data.orderCode}
        {...(data.redirectUrl ? { redirectUrl: data.redirectUrl } : {})}
      />
    );

  if (result.isError && !data)
    return (
      <>
        <PageHeader title={_("checkout.return.title")} />
        <EmptyState
          icon={<AlertIcon />}
          title={_("checkout.return.errorTitle")}
          body={_("checkout.return.errorBody")}
          actions={
            <Button onClick={() => void result.refetch()} disabled={result.isFetching}>
              {_("error.retry")}
            </Button>
          }
        />
      </>
    );

  // Loading, or a decided outcome on its way to the receipt or the pay step.
  return (
    <>
      <PageHeader title={_("checkout.return.title")} />
      <p role="status" className="flex items-center gap-3 text-text">
        <SpinnerIcon className="size-6 shrink-0 animate-spin text-primary motion-reduce:animate-none" />
        {_("checkout.return.checking")}
      </p>
    </>
  );
}
