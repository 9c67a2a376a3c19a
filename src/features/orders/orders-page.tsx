import { useLingui } from "@lingui/react";
import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import { Link, useSearchParams, type LoaderFunctionArgs } from "react-router";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { Pagination } from "../../components/pagination";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, ReceiptIcon, SearchIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { currentSessionQueryOptions } from "../../domain/session/session-query";
import { ApiProblem } from "../../lib/api";
import { GuestOrders } from "./guest-orders";
import { ordersQueryOptions } from "./order-queries";
import {
  hasFilters,
  ordersSearchString,
  parseOrdersSearch,
  type OrdersSearch,
} from "./orders-search";
import { DateFilters, StatusFilters } from "./orders-filters";
import { OrderRow, RowSkeleton } from "./order-rows";

/**
 * Starts the orders request without holding up navigation; the page shows skeletons. Only a
 * session with a customer has orders: a visitor or guest is not sent on a request that must fail.
 */
export function createOrdersLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseOrdersSearch(new URL(request.url).searchParams);
    void queryClient
      .query(currentSessionQueryOptions())
      .then((session) =>
        session?.customer ? queryClient.query(ordersQueryOptions(search)) : undefined,
      )
      .catch(() => undefined);
    return null;
  };
}

const placeholderRows = [0, 1, 2, 3];

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
  const session = useQuery(currentSessionQueryOptions());
  const hasCustomer = Boolean(session.data?.customer);
  const { data, error, isPlaceholderData, refetch, isFetching } = useQuery({
    ...ordersQueryOptions(search),
    placeholderData: keepPreviousData,
    enabled: hasCustomer,
  });
  // No customer in the session (or it ended elsewhere since): the guest's way to their orders.
  const guest =
    (session.isSuccess && !hasCustomer) || (error instanceof ApiProblem && error.status === 401);
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
