import { useLingui } from "@lingui/react";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useNavigate, useParams, type LoaderFunctionArgs } from "react-router";
import {
  walletBasketSchema,
  walletBasketTypeSchema,
  type WalletBasket,
  type WalletBasketType,
} from "../../../contract/wallet";
import { BackLink } from "../../components/back-link";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { EmptyState } from "../../components/empty-state";
import { FeeSummary } from "../../components/fee-summary";
import { AlertIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { formatMoney } from "../../i18n/format";
import { msg } from "../../i18n/i18n";
import { ApiProblem } from "../../lib/api";
import { addressesQueryOptions } from "../../domain/addresses/address-queries";
import { productListQueryOptions } from "../catalog";
import { secondsLeft } from "../../domain/price-fix";
import { REQUOTE_DELAY_MS, useCountdownClock } from "../../domain/countdown-clock";
import { acceptBasket, decideBasketQuote, type AcceptedBasket } from "./basket-quote";
import { attemptKey } from "./wallet-attempt";
import { WalletCountdown } from "./wallet-countdown";
import { currencyLabel } from "./wallet-labels";
import { SignedOutWallet } from "./wallet-guest";
import {
  addWalletItem,
  completeWalletBasket,
  setDeliveryAddress,
  setWalletItemQuantity,
  timedBasket,
  walletBasketQueryOptions,
  walletKeys,
  walletQueryOptions,
} from "./wallet-queries";
import { mayHaveApplied } from "../../domain/change-once";
import { card } from "./wallet-basket-card";
import { ProductPicker } from "./wallet-basket-picker";
import { Lines } from "./wallet-basket-lines";
import { DeliveryAddress } from "./wallet-delivery-address";

function typeOf(param: string | undefined): WalletBasketType {
  const parsed = walletBasketTypeSchema.safeParse(param);
  return parsed.success ? parsed.data : "buy";
}

/** Starts the basket (and what can go in it) while the page chunk loads. */
export function createWalletBasketLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const type = typeOf(params.type);
    void queryClient.query(walletBasketQueryOptions(type)).catch(() => undefined);
    if (type === "buy")
      void queryClient.query(productListQueryOptions({ page: 1 })).catch(() => undefined);
    else void queryClient.query(walletQueryOptions()).catch(() => undefined);
    if (type === "delivery")
      void queryClient.query(addressesQueryOptions("shipping")).catch(() => undefined);
    return null;
  };
}

const titles = {
  buy: msg("wallet.basket.buyTitle"),
  sell: msg("wallet.basket.sellTitle"),
  delivery: msg("wallet.basket.deliveryTitle"),
} as const;

const descriptions = {
  buy: msg("wallet.basket.buyDescription"),
  sell: msg("wallet.basket.sellDescription"),
  delivery: msg("wallet.basket.deliveryDescription"),
} as const;

/**
 * A wallet basket: buy bars and coins into the vault, sell them from it, or have them
 * delivered. Every fee line Minted gives is shown with the fixed total and its countdown before
 * the one confirming tap; the charged currency (Minted's) is said at that point.
 */
export function WalletBasketPage() {
  const { _, i18n } = useLingui();
  const params = useParams();
  const type = typeOf(params.type);
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery(walletBasketQueryOptions(type));
  const timed = query.data;
  const basket = timed?.basket;
  const money = (n: number) => formatMoney(n, basket?.currency ?? "TRY", i18n.locale);
  const [accepted, setAccepted] = useState<AcceptedBasket | null>(null);
  const now = useCountdownClock(timed);
  const left = timed ? secondsLeft(timed, now) : 0;
  const decision = basket ? decideBasketQuote(basket, accepted) : "empty";

  // A price the customer needs not confirm becomes the accepted one (state adjusted in render).
  if (decision === "adopt" && basket && basket.quoteId !== accepted?.quoteId)
    setAccepted(acceptBasket(basket));

  const store = (next: WalletBasket) =>
    queryClient.setQueryData(walletBasketQueryOptions(type).queryKey, timedBasket(next));

  const change = useMutation({
    mutationFn: (op: () => Promise<WalletBasket>) => op(),
    onSuccess: store,
    // No clear answer: the change may have been applied; show the basket as it is now.
    onError: (error) => {
      if (mayHaveApplied(error))
        void queryClient.invalidateQueries({ queryKey: walletBasketQueryOptions(type).queryKey });
    },
  });

  const complete = useMutation({
    mutationFn: ({ quoteId }: { quoteId: string }) =>
      completeWalletBasket(type, quoteId, attemptKey(`basket:${type}`, quoteId)),
    onSuccess: (order) => {
      void queryClient.invalidateQueries({ queryKey: walletKeys.all });
      void navigate(`/wallet/orders/${String(order.id)}/receipt`);
    },
    onError: (error) => {
      if (!(error instanceof ApiProblem) || error.code !== "price_expired") return;
      const next = walletBasketSchema.safeParse(error.body.basket);
      if (next.success) store(next.data);
    },
  });

  // The fix ran out: read the basket again (a new total waits for the customer's confirm).
  const expired = timed !== undefined && decision !== "empty" && left === 0;
  const { refetch } = query;
  const fetching = query.isFetching;
  useEffect(() => {
    if (!expired || fetching) return;
    const id = window.setTimeout(() => void refetch(), REQUOTE_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [expired, fetching, refetch, timed]);

  const busy = change.isPending || complete.isPending;
  const signedOut = query.error instanceof ApiProblem && query.error.status === 401;
  const header = (
    <PageHeader
      title={_(titles[type])}
      description={_(descriptions[type])}
      before={<BackLink to="/wallet">{_("wallet.title")}</BackLink>}
    />
  );
  if (signedOut)
    return (
      <>
        {header}
        <SignedOutWallet />
      </>
    );
  if (!basket && query.error)
    return (
      <>
        {header}
        <EmptyState
          icon={<AlertIcon />}
          title={_("wallet.basket.error.title")}
          body={_("wallet.basket.error.body")}
          actions={
            <Button onClick={() => void refetch()} disabled={fetching}>
              {_("error.retry")}
            </Button>
          }
        />
      </>
    );

  const problem =
    change.error ??
    (complete.error instanceof ApiProblem && complete.error.code === "price_expired"
      ? null
      : complete.error);
  const problemText =
    problem === change.error && mayHaveApplied(problem)
      ? `${_("basket.error.unconfirmedTitle")}. ${_("basket.error.unconfirmed")}`
      : problem instanceof ApiProblem
        ? (Object.values(problem.errors)[0]?.[0] ?? problem.detail ?? _("wallet.basket.failed"))
        : problem
          ? _("wallet.basket.failed")
          : null;
  const needsAddress = type === "delivery" && basket?.shippingAddress === null;
  const canComplete =
    basket !== undefined &&
    decision === "accepted" &&
    left > 0 &&
    !needsAddress &&
    !busy &&
    basket.quoteId !== null;
  const totals = basket
    ? {
        subtotal: basket.subtotal ?? 0,
        vat: 0,
        fees: Math.round((basket.total - (basket.subtotal ?? 0)) * 100) / 100,
        total: basket.total,
      }
    : null;

  return (
    <>
      {header}
      <div className="grid gap-6 md:grid-cols-[1fr_minmax(0,24rem)] md:items-start">
        <div className="space-y-6">
          <ProductPicker
            type={type}
            basket={basket}
            busy={busy}
            onAdd={(sku) => change.mutate(() => addWalletItem(type, sku, 1))}
          />
          {type === "delivery" && basket && basket.items.length > 0 ? (
            <DeliveryAddress
              basket={basket}
              busy={busy}
              onChoose={(id) => change.mutate(() => setDeliveryAddress(id))}
            />
          ) : null}
        </div>
        <section aria-labelledby="wallet-summary" className={cn(card, "space-y-4")}>
          <h2 id="wallet-summary" className="text-lg font-semibold text-text">
            {_("wallet.basket.summary")}
          </h2>
          {!basket ? (
            <div aria-hidden="true" className="space-y-2">
              <Skeleton className="h-4 w-full" />
              <Skeleton className="h-4 w-2/3" />
              <Skeleton className="h-6 w-1/2" />
            </div>
          ) : basket.items.length === 0 ? (
            <p className="text-text-muted">{_("wallet.basket.empty")}</p>
          ) : (
            <>
              <Lines
                basket={basket}
                busy={busy}
                onQuantity={(sku, quantity) =>
                  change.mutate(() => setWalletItemQuantity(type, sku, quantity))
                }
              />
              {totals ? (
                <FeeSummary
                  totals={totals}
                  fees={basket.fees}
                  currency={basket.currency}
                  showVat={false}
                  showSubtotal={basket.subtotal !== null}
                  updating={query.isFetching || change.isPending}
                  totalLabel={
                    type === "sell" ? _("wallet.basket.youGet") : _("wallet.basket.youPay")
                  }
                />
              ) : null}
              <p className="text-sm text-text-muted">
                {_("wallet.chargedCurrency")}:{" "}
                <strong className="text-text">{currencyLabel(basket.currency, i18n)}</strong>
                {" · "}
                {type === "sell" ? _("wallet.basket.paidInto") : _("wallet.basket.paidFrom")}
              </p>
              <WalletCountdown left={left} />
              {decision === "confirm" && accepted ? (
                <div role="alert" className="rounded-control border-2 border-primary p-3">
                  <p className="font-semibold text-text">{_("checkout.price.changedTitle")}</p>
                  <p className="mt-1 text-sm text-text-muted">
                    {_("wallet.trade.changed", {
                      before: money(accepted.total),
                      after: money(basket.total),
                    })}
                  </p>
                  <Button
                    className="mt-3 w-full"
                    onClick={() => setAccepted(acceptBasket(basket))}
                    disabled={left === 0}
                  >
                    {_("wallet.trade.acceptNew", { total: money(basket.total) })}
                  </Button>
                </div>
              ) : null}
              {needsAddress ? (
                <p className="text-sm text-text-muted">{_("wallet.basket.chooseAddress")}</p>
              ) : null}
              {problemText ? (
                <p role="alert" className="text-sm text-danger">
                  {problemText}
                </p>
              ) : null}
              <Button
                className="w-full disabled:cursor-not-allowed disabled:opacity-50"
                disabled={!canComplete}
                aria-busy={complete.isPending || undefined}
                onClick={() => {
                  if (canComplete && basket.quoteId) complete.mutate({ quoteId: basket.quoteId });
                }}
              >
                {complete.isPending
                  ? _("wallet.trade.sending")
                  : type === "buy"
                    ? _("wallet.basket.confirmBuy", { total: money(basket.total) })
                    : type === "sell"
                      ? _("wallet.basket.confirmSell", { total: money(basket.total) })
                      : _("wallet.basket.confirmDelivery", { total: money(basket.total) })}
              </Button>
            </>
          )}
        </section>
      </div>
    </>
  );
}
