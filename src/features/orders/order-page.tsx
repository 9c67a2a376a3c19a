import { useLingui } from "@lingui/react";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useId, useState, type ReactNode } from "react";
import { useParams, type LoaderFunctionArgs } from "react-router";
import type { OrderStatus } from "../../../contract/common";
import type { OrderDetail, TimelineEvent } from "../../../contract/orders";
import { BackLink } from "../../components/back-link";
import { ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { FeeSummary } from "../../components/fee-summary";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { AddressSummary } from "../../domain/addresses/address-summary";
import { OrderLoadFailure } from "./order-load-failure";
import { CheckIcon } from "../../components/action-icons";
import { CrossIcon, DocumentIcon, ExternalIcon, TruckIcon } from "./order-icons";
import { formatCalendarDay, formatOrderTime } from "./order-format";
import { OrderItems } from "./order-items";
import { orderQueryOptions } from "./order-queries";
import { statusLabel, statusTone } from "./order-status";
import { OrderStatusBadge } from "./order-status-badge";
import { PaymentSummary } from "./payment-summary";

/** Starts reading the order while the page's code loads. */
export function createOrderLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    void queryClient.query(orderQueryOptions(params.code ?? "")).catch(() => undefined);
    return null;
  };
}

function Card({
  title,
  children,
  className,
  action,
}: {
  title: string;
  children: ReactNode;
  className?: string;
  action?: ReactNode;
}) {
  const id = useId();
  return (
    <section
      aria-labelledby={id}
      className={cn(
        "rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5",
        className,
      )}
    >
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 id={id} className="font-semibold text-text">
          {title}
        </h2>
        {action}
      </div>
      {children}
    </section>
  );
}

/** The steps of the order, one after the other; the latest reached is the current one. */
function Timeline({ events }: { events: readonly TimelineEvent[] }) {
  const { _, i18n } = useLingui();
  const current = events.findLastIndex((event) => event.done);
  return (
    <ol className="relative">
      {events.map((event, index) => {
        const isCurrent = index === current;
        const stopped = statusTone(event.status) === "stopped";
        const last = index === events.length - 1;
        return (
          <li
            key={event.status}
            aria-current={isCurrent ? "step" : undefined}
            className="relative flex min-h-14 gap-3 pb-4 last:min-h-0 last:pb-0"
          >
            {last ? null : (
              <span
                aria-hidden="true"
                className={cn(
                  "absolute top-7 bottom-0 left-[0.8125rem] w-0.5 rounded-full",
                  events[index + 1]?.done ? "bg-primary" : "bg-border",
                )}
              />
            )}
            <span
              aria-hidden="true"
              className={cn(
                "relative z-10 grid size-7 shrink-0 place-items-center rounded-full border-2",
                event.done && stopped && "border-danger bg-danger text-primary-contrast",
                event.done && !stopped && "border-primary bg-primary text-primary-contrast",
                !event.done && "border-border-strong bg-surface-raised",
                isCurrent && "ring-4 ring-primary-soft",
              )}
            >
              {event.done ? (
                stopped ? (
                  <CrossIcon className="size-4" strokeWidth={3} />
                ) : (
                  <CheckIcon className="size-4" strokeWidth={3} />
                )
              ) : null}
            </span>
            <div className="min-w-0 pt-0.5">
              <p
                className={cn(
                  "leading-6",
                  event.done ? "font-semibold text-text" : "text-text-muted",
                )}
              >
                {_(statusLabel[event.status])}
                <span className="sr-only">
                  {", "}
                  {isCurrent
                    ? _("order.timeline.current")
                    : event.done
                      ? _("order.timeline.done")
                      : _("order.timeline.upcoming")}
                </span>
              </p>
              {event.at ? (
                <p className="text-sm text-text-muted">
                  <time dateTime={event.at}>{formatOrderTime(event.at, i18n.locale)}</time>
                </p>
              ) : isCurrent ? (
                <p aria-hidden="true" className="text-sm text-primary">
                  {_("order.timeline.current")}
                </p>
              ) : null}
            </div>
          </li>
        );
      })}
    </ol>
  );
}

function Delivery({ order, className }: { order: OrderDetail; className?: string }) {
  const { _, i18n } = useLingui();
  const delivery = order.delivery;
  return (
    <Card title={_("order.delivery.title")} className={className}>
      {delivery ? (
        <dl className="space-y-3 text-sm">
          {delivery.trackingNumber ? (
            <div>
              <dt className="text-text-muted">{_("order.delivery.trackingNumber")}</dt>
              <dd className="price text-base font-semibold tracking-wide break-all text-text">
                {delivery.trackingNumber}
              </dd>
            </div>
          ) : null}
          {delivery.estimatedArrival ? (
            <div>
              <dt className="text-text-muted">{_("order.delivery.estimatedArrival")}</dt>
              <dd className="font-medium text-text">
                {formatCalendarDay(delivery.estimatedArrival, i18n.locale)}
              </dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <p className="flex gap-3 text-sm text-text-muted">
          <TruckIcon className="size-5 shrink-0" />
          {order.status === "cancelled" || order.status === "refunded"
            ? _("order.delivery.none")
            : _("order.delivery.pending")}
        </p>
      )}
      {delivery?.trackingUrl ? (
        // An external page: a new tab in a browser. Inside a partner app this becomes a
        // message to the host (issue #8).
        <a
          href={delivery.trackingUrl}
          target="_blank"
          rel="noopener noreferrer"
          className="mt-4 inline-flex min-h-12 w-full items-center justify-center gap-2 rounded-control border border-border bg-surface-raised px-5 font-semibold text-primary hover:bg-surface-sunken"
        >
          {_("order.delivery.track")}
          <ExternalIcon />
          <span className="sr-only">{_("order.delivery.newTab")}</span>
        </a>
      ) : null}
    </Card>
  );
}

function Documents({ code, className }: { code: string; className?: string }) {
  const { _ } = useLingui();
  const path = `/orders/${encodeURIComponent(code)}`;
  return (
    <Card title={_("order.documents.title")} className={className}>
      <div className="grid gap-2 sm:grid-cols-2 md:grid-cols-1">
        <ButtonLink to={`${path}/receipt`} variant="secondary" className="justify-start">
          <DocumentIcon className="size-5 text-primary" />
          {_("order.documents.receipt")}
        </ButtonLink>
        <ButtonLink to={`${path}/invoice`} variant="secondary" className="justify-start">
          <DocumentIcon className="size-5 text-primary" />
          {_("order.documents.invoice")}
        </ButtonLink>
      </div>
    </Card>
  );
}

function Addresses({ order, className }: { order: OrderDetail; className?: string }) {
  const { _ } = useLingui();
  if (!order.shippingAddress && !order.billingAddress) return null;
  return (
    <Card title={_("order.addresses.title")} className={className}>
      <div className="grid gap-4 sm:grid-cols-2 md:grid-cols-1">
        {order.shippingAddress ? (
          <div>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-text-muted uppercase">
              {_("order.addresses.shipping")}
            </h3>
            <AddressSummary address={order.shippingAddress} />
          </div>
        ) : null}
        {order.billingAddress ? (
          <div>
            <h3 className="mb-1 text-xs font-semibold tracking-wide text-text-muted uppercase">
              {_("order.addresses.billing")}
            </h3>
            <AddressSummary address={order.billingAddress} />
          </div>
        ) : null}
      </div>
    </Card>
  );
}

/**
 * Says a status change out loud (politely) when the page's own refresh brings one; the first
 * status shown is not announced.
 */
function useStatusAnnouncement(status: OrderStatus | undefined): string {
  const { _ } = useLingui();
  const [seen, setSeen] = useState(status);
  const [announcement, setAnnouncement] = useState("");
  if (status !== seen) {
    setSeen(status);
    if (seen !== undefined && status !== undefined)
      setAnnouncement(_("order.statusChanged", { status: _(statusLabel[status]) }));
  }
  return announcement;
}

function OrderSkeleton() {
  const { _ } = useLingui();
  return (
    <div aria-busy="true" className="grid gap-4 md:grid-cols-[3fr_2fr]">
      <p role="status" className="sr-only">
        {_("order.loading")}
      </p>
      {/* The timeline card's own measures, so the real one takes its place without a jump. */}
      <div className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5">
        <div className="mb-3 flex h-6 items-center">
          <Skeleton className="h-4 w-32" />
        </div>
        <div>
          {[0, 1, 2, 3, 4, 5].map((step) => (
            <div key={step} className="flex min-h-14 gap-3 pb-4 last:min-h-0 last:pb-0">
              <Skeleton className="size-7 shrink-0 rounded-full" />
              <Skeleton className="mt-1.5 h-3.5 w-36" />
            </div>
          ))}
        </div>
      </div>
      <div className="space-y-3 rounded-card border border-border bg-surface-raised p-5 shadow-card">
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-3.5 w-full" />
        <Skeleton className="h-3.5 w-5/6" />
        <Skeleton className="mt-4 h-7 w-32" />
      </div>
    </div>
  );
}

function OrderContent({ order }: { order: OrderDetail }) {
  const { _ } = useLingui();
  const physical =
    order.timeline.some((event) => event.status === "shipped") || order.delivery !== null;
  // One column on phones, with the delivery card right under the timeline; two columns on
  // wide screens. The column wrappers are `display: contents` on phones so that `order` can
  // interleave their cards (each card is rendered once).
  return (
    <div className="flex flex-col gap-4 md:grid md:grid-cols-[3fr_2fr] md:items-start md:gap-6">
      <div className="contents md:block md:space-y-4">
        <Card title={_("order.timeline.title")} className="order-1">
          <Timeline events={order.timeline} />
        </Card>
        <Card title={_("order.items.title")} className="order-3">
          <OrderItems items={order.items} currency={order.currency} label={_("order.items.list")} />
          <div className="mt-4 border-t border-border pt-4">
            <FeeSummary
              totals={order.totals}
              fees={order.fees}
              currency={order.currency}
              totalLabel={_("order.totals.paid")}
            />
          </div>
        </Card>
      </div>
      <div className="contents md:block md:space-y-4">
        {physical ? <Delivery order={order} className="order-2" /> : null}
        <Card title={_("order.payment.title")} className="order-4">
          <PaymentSummary payment={order.payment} />
        </Card>
        <Addresses order={order} className="order-5" />
        <Documents code={order.code} className="order-6" />
      </div>
    </div>
  );
}

export function OrderPage() {
  const { _, i18n } = useLingui();
  const { code = "" } = useParams();
  const { data: order, error, refetch, isFetching } = useQuery(orderQueryOptions(code));
  const announcement = useStatusAnnouncement(order?.status);
  const back = <BackLink to="/orders">{_("order.back")}</BackLink>;

  const live = (
    <p role="status" aria-live="polite" className="sr-only">
      {announcement}
    </p>
  );

  if (!order && error)
    return (
      <OrderLoadFailure
        error={error}
        title={_("order.title", { code })}
        back={back}
        notFound={{
          title: _("order.notFound.title"),
          body: _("order.notFound.body"),
          actions: (
            <>
              <ButtonLink to="/orders">{_("order.notFound.orders")}</ButtonLink>
              <ButtonLink to="/receipt-lookup" variant="quiet">
                {_("orders.findReceipt")}
              </ButtonLink>
            </>
          ),
        }}
        errorBody={_("order.error.body")}
        onRetry={() => void refetch()}
        retrying={isFetching}
      />
    );

  return (
    <>
      <PageHeader
        title={_("order.title", { code })}
        before={back}
        description={
          order ? (
            <span key="status" className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <OrderStatusBadge status={order.status} />
              {order.orderedAt ? (
                <time dateTime={order.orderedAt} className="text-sm">
                  {formatOrderTime(order.orderedAt, i18n.locale)}
                </time>
              ) : null}
            </span>
          ) : (
            <span
              key="placeholder"
              aria-hidden="true"
              className="inline-block h-7 w-48 skeleton align-middle"
            />
          )
        }
      />
      {live}
      {order ? <OrderContent order={order} /> : <OrderSkeleton />}
    </>
  );
}
