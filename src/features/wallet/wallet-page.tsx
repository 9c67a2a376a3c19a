import { useLingui } from "@lingui/react";
import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import { Link, useSearchParams, type LoaderFunctionArgs } from "react-router";
import type { WalletOrderSummary } from "../../../contract/wallet";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, WalletIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Pagination } from "../../components/pagination";
import { Skeleton } from "../../components/skeleton";
import { formatMoney } from "../../i18n/format";
import { ApiProblem } from "../../lib/api";
import { formatOrderTime, OrderStatusBadge } from "../orders";
import { SignedOutWallet } from "./wallet-guest";
import { digitalTypeLabel, walletTypeLabel } from "./wallet-labels";
import { Balances, card } from "./wallet-balances";
import { walletOrdersQueryOptions, walletQueryOptions } from "./wallet-queries";
import { parseWalletSearch, walletSearchString, type WalletSearch } from "./wallet-search";

/** Starts the balances and the history without holding up navigation; the page shows skeletons. */
export function createWalletLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseWalletSearch(new URL(request.url).searchParams);
    void queryClient.query(walletQueryOptions()).catch(() => undefined);
    void queryClient.query(walletOrdersQueryOptions(search)).catch(() => undefined);
    return null;
  };
}

function Actions() {
  const { _ } = useLingui();
  return (
    <nav aria-label={_("wallet.actions.label")} className="grid grid-cols-2 gap-2 md:grid-cols-4">
      <ButtonLink to="/wallet/trade">{_("wallet.actions.trade")}</ButtonLink>
      <ButtonLink to="/wallet/basket/buy" variant="secondary">
        {_("wallet.actions.buy")}
      </ButtonLink>
      <ButtonLink to="/wallet/basket/sell" variant="secondary">
        {_("wallet.actions.sell")}
      </ButtonLink>
      <ButtonLink to="/wallet/basket/delivery" variant="secondary">
        {_("wallet.actions.deliver")}
      </ButtonLink>
    </nav>
  );
}

const filters = [undefined, "buy", "sell", "delivery"] as const;

function HistoryFilter({ search }: { search: WalletSearch }) {
  const { _ } = useLingui();
  return (
    <nav aria-label={_("wallet.history.filter")}>
      <ul className="flex flex-wrap gap-2">
        {filters.map((tx) => {
          const current = search.txType === tx;
          return (
            <li key={tx ?? "all"}>
              <Link
                to={`/wallet${walletSearchString({ ...(tx ? { txType: tx } : {}), page: 1 })}`}
                preventScrollReset
                aria-current={current ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-12 items-center rounded-full border px-4 text-sm font-medium",
                  current
                    ? "border-primary bg-primary-soft text-primary"
                    : "border-border bg-surface-raised text-text hover:border-border-strong",
                )}
              >
                {tx ? _(walletTypeLabel[tx]) : _("wallet.history.all")}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function HistoryRow({ order }: { order: WalletOrderSummary }) {
  const { _, i18n } = useLingui();
  return (
    <li className="relative rounded-card border border-border bg-surface-raised p-4 shadow-card has-[a:hover]:border-border-strong">
      <div className="flex flex-wrap items-baseline justify-between gap-x-3">
        <h3 className="price font-semibold break-all text-text">
          <Link
            to={
              order.id === null
                ? `/orders/${encodeURIComponent(order.orderCode ?? "")}/invoice`
                : order.source === "digital" && order.orderCode
                  ? `/orders/${encodeURIComponent(order.orderCode)}/invoice`
                  : `/wallet/orders/${String(order.id)}/receipt`
            }
            className="outline-none after:absolute after:inset-0 after:rounded-card focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-primary"
          >
            {order.orderCode ?? `#${String(order.id)}`}
          </Link>
        </h3>
        <span className="text-sm font-medium text-text">
          {_(
            order.source === "digital" && order.type !== "delivery"
              ? digitalTypeLabel[order.type]
              : walletTypeLabel[order.type],
          )}
        </span>
      </div>
      {order.createdAt ? (
        <p className="text-sm text-text-muted">
          <time dateTime={order.createdAt}>{formatOrderTime(order.createdAt, i18n.locale)}</time>
        </p>
      ) : null}
      <div className="mt-2 flex flex-wrap items-center justify-between gap-2">
        <OrderStatusBadge status={order.status} />
        <p className="price text-lg font-semibold text-text">
          <span className="sr-only">
            {order.type === "sell" ? _("wallet.history.received") : _("wallet.history.paid")}{" "}
          </span>
          {formatMoney(order.total, order.currency, i18n.locale)}
        </p>
      </div>
    </li>
  );
}

function History({ search }: { search: WalletSearch }) {
  const { _ } = useLingui();
  const { data, error, isPlaceholderData, refetch, isFetching } = useQuery({
    ...walletOrdersQueryOptions(search),
    placeholderData: keepPreviousData,
  });
  let content;
  if (!data && error)
    content = (
      <div role="alert" className={card}>
        <p className="text-text">{_("wallet.history.error")}</p>
        <Button
          variant="secondary"
          className="mt-3"
          onClick={() => void refetch()}
          disabled={isFetching}
        >
          {_("error.retry")}
        </Button>
      </div>
    );
  else if (!data)
    content = (
      <>
        <p role="status" className="sr-only">
          {_("wallet.loading")}
        </p>
        <ul aria-hidden="true" className="space-y-3">
          {[0, 1, 2].map((row) => (
            <li key={row} className={cn(card, "space-y-2")}>
              <Skeleton className="h-4 w-40" />
              <Skeleton className="h-3 w-28" />
              <Skeleton className="h-7 w-24 rounded-full" />
            </li>
          ))}
        </ul>
      </>
    );
  else if (data.orders.length === 0)
    content = (
      <p className={cn(card, "text-text-muted")}>
        {search.txType ? _("wallet.history.noneOfType") : _("wallet.history.none")}
      </p>
    );
  else
    content = (
      <>
        <ul className={cn("space-y-3 transition-opacity", isPlaceholderData && "opacity-60")}>
          {data.orders.map((order) => (
            <HistoryRow
              key={`${order.source}:${order.orderCode ?? String(order.id)}`}
              order={order}
            />
          ))}
        </ul>
        <Pagination
          page={search.page}
          totalPages={data.pageInfo.totalPages}
          to={(page) => `/wallet${walletSearchString({ ...search, page })}`}
          labels={{
            nav: _("wallet.history.pages"),
            page: (page) => _("orders.page", { page }),
            previous: _("orders.previous"),
            next: _("orders.next"),
          }}
        />
      </>
    );
  return (
    <section aria-labelledby="wallet-history" className="space-y-3">
      <h2 id="wallet-history" className="text-lg font-semibold text-text">
        {_("wallet.history.title")}
      </h2>
      <HistoryFilter search={search} />
      {content}
    </section>
  );
}

function BalancesSkeleton() {
  return (
    <div aria-hidden="true" className="space-y-3">
      <Skeleton className="h-6 w-32" />
      <div className={cn(card, "space-y-2")}>
        <Skeleton className="h-4 w-24" />
        <Skeleton className="h-6 w-36" />
      </div>
      {[0, 1].map((n) => (
        <div key={n} className={cn(card, "space-y-2")}>
          <Skeleton className="h-4 w-16" />
          <Skeleton className="h-7 w-28" />
          <Skeleton className="h-4 w-24" />
        </div>
      ))}
    </div>
  );
}

export function WalletPage() {
  const { _ } = useLingui();
  const [searchParams] = useSearchParams();
  const search = parseWalletSearch(searchParams);
  const { data: wallet, error, refetch, isFetching } = useQuery(walletQueryOptions());
  const guest = error instanceof ApiProblem && error.status === 401;

  let content;
  if (guest) content = <SignedOutWallet />;
  else if (!wallet && error)
    content = (
      <EmptyState
        icon={<AlertIcon />}
        title={_("wallet.error.title")}
        body={_("wallet.error.body")}
        actions={
          <Button onClick={() => void refetch()} disabled={isFetching}>
            {_("error.retry")}
          </Button>
        }
      />
    );
  else if (!wallet)
    content = (
      <>
        <p role="status" className="sr-only">
          {_("wallet.loading")}
        </p>
        <BalancesSkeleton />
      </>
    );
  else if (wallet.holdings.length === 0)
    content = (
      <div className="space-y-8">
        <EmptyState
          icon={<WalletIcon />}
          title={_("wallet.empty.title")}
          body={_("wallet.empty.body")}
          actions={<ButtonLink to="/wallet/trade">{_("wallet.actions.trade")}</ButtonLink>}
        />
        <History search={search} />
      </div>
    );
  else
    content = (
      <div className="space-y-8">
        <Actions />
        <Balances wallet={wallet} />
        <History search={search} />
      </div>
    );

  return (
    <>
      <PageHeader title={_("wallet.title")} />
      {content}
    </>
  );
}
