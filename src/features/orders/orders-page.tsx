import { useLingui } from "@lingui/react";
import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Link, useNavigate, useSearchParams, type LoaderFunctionArgs } from "react-router";
import type { OrderSummary } from "../../../contract/orders";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { Pagination } from "../../components/pagination";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, ReceiptIcon, SearchIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { formatMoney, formatNumber } from "../../i18n/format";
import { ApiProblem } from "../../lib/api";
import { summarizeItems } from "./items-summary";
import { CheckIcon } from "../../components/action-icons";
import { ChevronRightIcon } from "./order-icons";
import { GuestOrders } from "./guest-orders";
import { formatOrderTime } from "./order-format";
import { ordersQueryOptions } from "./order-queries";
import { statusFilterLabel, statusFilters } from "./order-status";
import { OrderStatusBadge } from "./order-status-badge";
import {
  hasFilters,
  isCalendarDate,
  ordersSearchString,
  parseOrdersSearch,
  toggleStatus,
  type OrdersSearch,
} from "./orders-search";

/** Starts the orders request without holding up navigation; the page shows skeletons. */
export function createOrdersLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseOrdersSearch(new URL(request.url).searchParams);
    void queryClient.query(ordersQueryOptions(search)).catch(() => undefined);
    return null;
  };
}

const placeholderRows = [0, 1, 2, 3];

/** A new history entry per filter change (Back undoes it), with the readable canonical query. */
function useSetSearch() {
  const navigate = useNavigate();
  return (next: OrdersSearch) =>
    void navigate({ search: ordersSearchString(next) }, { preventScrollReset: true });
}

function StatusFilters({ search }: { search: OrdersSearch }) {
  const { _ } = useLingui();
  const setSearch = useSetSearch();
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{_("orders.filter.status")}</legend>
      <ul className="flex flex-wrap gap-2">
        {statusFilters.map((filter) => {
          const checked = search.statuses.includes(filter);
          return (
            <li key={filter} className="shrink-0">
              <label
                className={cn(
                  "relative inline-flex min-h-12 cursor-pointer items-center gap-2 rounded-full border pr-4 pl-3 text-sm font-medium whitespace-nowrap transition-colors has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary",
                  checked
                    ? "border-primary bg-primary-soft text-primary"
                    : "border-border bg-surface-raised text-text hover:border-border-strong",
                )}
              >
                <input
                  type="checkbox"
                  name="status"
                  value={filter}
                  checked={checked}
                  onChange={() => setSearch(toggleStatus(search, filter))}
                  className="absolute inset-0 cursor-pointer appearance-none rounded-full outline-none"
                />
                <span
                  aria-hidden="true"
                  className={cn(
                    "grid size-5 place-items-center rounded-full border",
                    checked
                      ? "border-primary bg-primary text-primary-contrast"
                      : "border-border-strong",
                  )}
                >
                  {checked ? <CheckIcon className="size-3.5" strokeWidth={3} /> : null}
                </span>
                {_(statusFilterLabel[filter])}
              </label>
            </li>
          );
        })}
      </ul>
    </fieldset>
  );
}

/**
 * From / to days. A typed date goes to the URL only once it is a whole, real day (a year typed
 * digit by digit passes through 0002, 0020 …); an end before the start is explained, not sent.
 */
function DateFilters({ search }: { search: OrdersSearch }) {
  const { _ } = useLingui();
  const setSearch = useSetSearch();
  const fromId = useId();
  const toId = useId();
  const errorId = useId();
  const [from, setFrom] = useState(search.from ?? "");
  const [to, setTo] = useState(search.to ?? "");
  // Back/forward or "clear filters" change the URL: the fields follow it.
  const [seen, setSeen] = useState({ from: search.from, to: search.to });
  if (seen.from !== search.from || seen.to !== search.to) {
    setSeen({ from: search.from, to: search.to });
    setFrom(search.from ?? "");
    setTo(search.to ?? "");
  }
  const reversed = isCalendarDate(from) && isCalendarDate(to) && to < from;

  const apply = (nextFrom: string, nextTo: string) => {
    const fromOk = nextFrom === "" || isCalendarDate(nextFrom);
    const toOk = nextTo === "" || isCalendarDate(nextTo);
    if (!fromOk || !toOk) return;
    if (nextFrom && nextTo && nextTo < nextFrom) return;
    if ((nextFrom || undefined) === search.from && (nextTo || undefined) === search.to) return;
    setSearch({
      statuses: search.statuses,
      ...(nextFrom ? { from: nextFrom } : {}),
      ...(nextTo ? { to: nextTo } : {}),
      page: 1,
    });
  };

  const field =
    "mt-1 block min-h-12 w-full min-w-0 rounded-control border bg-surface-raised px-3 text-base text-text focus:border-primary focus:outline-2 focus:outline-offset-0 focus:outline-primary";
  return (
    <fieldset className="min-w-0">
      <legend className="sr-only">{_("orders.filter.dates")}</legend>
      <div className="grid grid-cols-2 gap-3 md:max-w-md">
        <div className="min-w-0">
          <label htmlFor={fromId} className="text-sm font-medium text-text-muted">
            {_("orders.filter.from")}
          </label>
          <input
            id={fromId}
            type="date"
            name="from"
            min="2000-01-01"
            max={to || "2100-12-31"}
            value={from}
            onChange={(event) => {
              setFrom(event.target.value);
              apply(event.target.value, to);
            }}
            className={cn(field, "border-border-strong")}
          />
        </div>
        <div className="min-w-0">
          <label htmlFor={toId} className="text-sm font-medium text-text-muted">
            {_("orders.filter.to")}
          </label>
          <input
            id={toId}
            type="date"
            name="to"
            min={from || "2000-01-01"}
            max="2100-12-31"
            value={to}
            aria-invalid={reversed || undefined}
            aria-describedby={reversed ? errorId : undefined}
            onChange={(event) => {
              setTo(event.target.value);
              apply(from, event.target.value);
            }}
            className={cn(field, reversed ? "border-danger" : "border-border-strong")}
          />
        </div>
      </div>
      {reversed ? (
        <p id={errorId} className="mt-2 text-sm text-danger">
          {_("orders.filter.reversed")}
        </p>
      ) : null}
    </fieldset>
  );
}

function ItemsLine({ order }: { order: OrderSummary }) {
  const { _, i18n } = useLingui();
  const summary = summarizeItems(order);
  if (!summary) return null;
  const quantity = summary.grams
    ? _("orders.row.grams", { grams: formatNumber(summary.quantity, i18n.locale, 3) })
    : String(summary.quantity);
  return (
    <p className="mt-1 line-clamp-2 text-sm text-text-muted">
      {_("orders.row.items", { quantity, name: summary.name, more: summary.more })}
    </p>
  );
}

function OrderRow({ order }: { order: OrderSummary }) {
  const { _, i18n } = useLingui();
  const image = order.items[0]?.image;
  return (
    <li className="relative flex gap-3 rounded-card border border-border bg-surface-raised p-4 shadow-card transition-colors has-[a:hover]:border-border-strong">
      {image ? (
        <img
          src={image}
          alt=""
          width={48}
          height={48}
          loading="lazy"
          decoding="async"
          className="size-12 shrink-0 rounded-control border border-border bg-surface-sunken object-contain"
        />
      ) : (
        <div
          aria-hidden="true"
          className="size-12 shrink-0 rounded-control border border-border bg-surface-sunken"
        />
      )}
      <div className="min-w-0 flex-1">
        <h3 className="price font-semibold break-all text-text">
          {/* The whole card is the link's target; its name stays the order code. */}
          <Link
            to={`/orders/${encodeURIComponent(order.code)}`}
            className="outline-none after:absolute after:inset-0 after:rounded-card focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-primary"
          >
            {order.code}
          </Link>
        </h3>
        {order.orderedAt ? (
          <p className="text-sm text-text-muted">
            <time dateTime={order.orderedAt}>{formatOrderTime(order.orderedAt, i18n.locale)}</time>
          </p>
        ) : null}
        <ItemsLine order={order} />
        <div className="mt-2.5 flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <OrderStatusBadge status={order.status} />
          <p className="price text-lg font-semibold text-text">
            <span className="sr-only">{_("orders.row.total")} </span>
            {formatMoney(order.total, order.currency, i18n.locale)}
          </p>
        </div>
      </div>
      <ChevronRightIcon className="-mr-1 size-5 shrink-0 self-center text-text-muted" />
    </li>
  );
}

function RowSkeleton() {
  return (
    <li className="flex gap-3 rounded-card border border-border bg-surface-raised p-4 shadow-card">
      <Skeleton className="size-12 shrink-0 rounded-control" />
      <div className="flex-1 space-y-2">
        <div className="flex justify-between gap-2">
          <Skeleton className="h-4 w-36" />
          <Skeleton className="h-4 w-20" />
        </div>
        <Skeleton className="h-3 w-28" />
        <Skeleton className="h-3.5 w-44" />
        <Skeleton className="mt-3 h-7 w-28 rounded-full" />
      </div>
    </li>
  );
}

function OrdersPagination({ search, totalPages }: { search: OrdersSearch; totalPages: number }) {
  const { _ } = useLingui();
  return (
    <Pagination
      page={search.page}
      totalPages={totalPages}
      to={(page) => `/orders${ordersSearchString({ ...search, page })}`}
      labels={{
        nav: _("orders.pages"),
        page: (page) => _("orders.page", { page }),
        previous: _("orders.previous"),
        next: _("orders.next"),
      }}
    />
  );
}

export function OrdersPage() {
  const { _ } = useLingui();
  const [searchParams] = useSearchParams();
  const search = parseOrdersSearch(searchParams);
  const filtered = hasFilters(search);
  const { data, error, isPlaceholderData, refetch, isFetching } = useQuery({
    ...ordersQueryOptions(search),
    placeholderData: keepPreviousData,
  });
  const guest = error instanceof ApiProblem && error.status === 401;
  // Someone with no orders at all needs no filters; a filtered empty list keeps them.
  const noOrdersYet = data?.pageInfo.total === 0 && !filtered;

  let content;
  if (guest) {
    content = <GuestOrders />;
  } else if (!data && error) {
    content = (
      <EmptyState
        icon={<AlertIcon />}
        title={_("orders.error.title")}
        body={_("orders.error.body")}
        actions={
          <Button onClick={() => void refetch()} disabled={isFetching}>
            {_("error.retry")}
          </Button>
        }
      />
    );
  } else if (!data) {
    content = (
      <>
        <p role="status" className="sr-only">
          {_("orders.loading")}
        </p>
        <ul aria-hidden="true" className="space-y-3">
          {placeholderRows.map((row) => (
            <RowSkeleton key={row} />
          ))}
        </ul>
      </>
    );
  } else if (noOrdersYet) {
    content = (
      <EmptyState
        icon={<ReceiptIcon />}
        title={_("orders.empty.title")}
        body={_("orders.empty.body")}
        actions={
          <>
            <ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>
            <ButtonLink to="/receipt-lookup" variant="quiet">
              {_("orders.findReceipt")}
            </ButtonLink>
          </>
        }
      />
    );
  } else if (data.items.length === 0 && data.pageInfo.total > 0) {
    // A page past the end (an old link): the orders are on the first page.
    content = (
      <EmptyState
        icon={<SearchIcon />}
        title={_("orders.pastEnd.title")}
        body={_("orders.pastEnd.body")}
        actions={
          <ButtonLink
            to={`/orders${ordersSearchString({ ...search, page: 1 })}`}
            variant="secondary"
          >
            {_("orders.pastEnd.first")}
          </ButtonLink>
        }
      />
    );
  } else if (data.items.length === 0) {
    content = (
      <EmptyState
        icon={<SearchIcon />}
        title={_("orders.noMatch.title")}
        body={_("orders.noMatch.body")}
        actions={
          <ButtonLink to="/orders" variant="secondary">
            {_("orders.filter.clear")}
          </ButtonLink>
        }
      />
    );
  } else {
    content = (
      <>
        <ul className={cn("space-y-3 transition-opacity", isPlaceholderData && "opacity-60")}>
          {data.items.map((order) => (
            <OrderRow key={order.code} order={order} />
          ))}
        </ul>
        <OrdersPagination search={search} totalPages={data.pageInfo.totalPages} />
      </>
    );
  }

  const showFilters = !guest && !noOrdersYet && !(error && !data);
  return (
    <>
      <PageHeader title={_("orders.title")} />
      {showFilters ? (
        <section aria-label={_("orders.filter.label")} className="mb-5 space-y-3">
          <StatusFilters search={search} />
          <DateFilters search={search} />
          {/* The empty state has its own "clear filters" button. */}
          {filtered && (data?.items.length ?? 0) > 0 ? (
            <Link
              to="/orders"
              preventScrollReset
              className="-ml-3 inline-flex min-h-12 items-center rounded-control px-3 font-medium text-primary hover:bg-primary-soft"
            >
              {_("orders.filter.clear")}
            </Link>
          ) : null}
        </section>
      ) : null}
      <section aria-labelledby="orders-list" aria-busy={!data || isPlaceholderData}>
        {data && data.pageInfo.total > 0 ? (
          <h2 id="orders-list" className="mb-3 text-sm font-medium text-text-muted">
            {_("orders.count", { count: data.pageInfo.total })}
          </h2>
        ) : (
          <h2 id="orders-list" className="sr-only">
            {_("orders.list")}
          </h2>
        )}
        {content}
      </section>
    </>
  );
}
