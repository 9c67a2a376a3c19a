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
import { Button, ButtonLink } from "../../components/button-link";
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
import { AddressSummary } from "../../domain/addresses/address-summary";
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

const card = "rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5";

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

interface Pickable {
  sku: string;
  name: string;
  image: string;
  detail: string;
  /** Units that can still be added (stock, or what the vault holds). */
  max: number;
}

/** What can be added: products in stock (buy), bars and coins the vault holds (sell, delivery). */
function usePickables(type: WalletBasketType, basket: WalletBasket | undefined) {
  const { _, i18n } = useLingui();
  const products = useQuery({ ...productListQueryOptions({ page: 1 }), enabled: type === "buy" });
  const wallet = useQuery({ ...walletQueryOptions(), enabled: type !== "buy" });
  const inBasket = (sku: string) => basket?.items.find((i) => i.sku === sku)?.quantity ?? 0;
  const source = type === "buy" ? products : wallet;
  const state = { isPending: source.isPending, isError: source.isError, refetch: source.refetch };
  if (type === "buy")
    return {
      ...state,
      items: (products.data?.items ?? [])
        .filter((p) => p.type !== "digital" && p.stock.available > 0)
        .map<Pickable>((p) => ({
          sku: p.sku,
          name: p.name,
          image: p.images[0] ?? "",
          detail: formatMoney(p.price.amount, p.price.currency, i18n.locale),
          max: p.stock.available - inBasket(p.sku),
        })),
    };
  return {
    ...state,
    items: (wallet.data?.holdings ?? [])
      .filter((h) => h.deliverable)
      .map<Pickable>((h) => ({
        sku: h.sku,
        name: h.name,
        image: h.image,
        detail: _("wallet.basket.held", { count: h.quantity }),
        max: h.quantity - inBasket(h.sku),
      })),
  };
}

function ProductPicker({
  type,
  basket,
  onAdd,
  busy,
}: {
  type: WalletBasketType;
  basket: WalletBasket | undefined;
  onAdd: (sku: string) => void;
  busy: boolean;
}) {
  const { _ } = useLingui();
  const { items, isPending, isError, refetch } = usePickables(type, basket);
  return (
    <section aria-labelledby="wallet-pick" className="space-y-3">
      <h2 id="wallet-pick" className="text-lg font-semibold text-text">
        {type === "buy" ? _("wallet.basket.pickBuy") : _("wallet.basket.pickHeld")}
      </h2>
      {isPending ? (
        <div aria-hidden="true" className="space-y-2">
          {[0, 1, 2].map((n) => (
            <Skeleton key={n} className="h-16 w-full rounded-card" />
          ))}
        </div>
      ) : isError ? (
        <div role="alert" className={card}>
          <p>{_("wallet.basket.pickError")}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void refetch()}>
            {_("error.retry")}
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className={cn(card, "text-text-muted")}>{_("wallet.basket.nothingHeld")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.sku} className={cn(card, "flex items-center gap-3 p-3 md:p-3")}>
              <img
                src={item.image}
                alt=""
                width={48}
                height={48}
                loading="lazy"
                className="size-12 shrink-0 rounded-control border border-border bg-surface-sunken object-contain"
              />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-text">{item.name}</p>
                <p className="price text-sm text-text-muted">{item.detail}</p>
              </div>
              <Button
                variant="secondary"
                className="shrink-0 px-4"
                onClick={() => onAdd(item.sku)}
                disabled={busy || item.max <= 0}
                aria-label={_("wallet.basket.addNamed", { name: item.name })}
              >
                {_("wallet.basket.add")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function DeliveryAddress({
  basket,
  onChoose,
  busy,
}: {
  basket: WalletBasket;
  onChoose: (id: number) => void;
  busy: boolean;
}) {
  const { _ } = useLingui();
  const { data, isPending, isError, refetch } = useQuery(addressesQueryOptions("shipping"));
  const chosen = basket.shippingAddress;
  // The customer's pick shows at once; the basket confirms it when Minted has taken it.
  const [picked, setPicked] = useState<number | null>(null);
  const savedId = data?.addresses.find(
    (a) => chosen && a.line === chosen.line && a.city === chosen.city && a.county === chosen.county,
  )?.id;
  const selectedId = picked ?? savedId;
  return (
    <section aria-labelledby="wallet-address" className="space-y-3">
      <h2 id="wallet-address" className="text-lg font-semibold text-text">
        {_("wallet.basket.address")}
      </h2>
      {isPending ? (
        <Skeleton className="h-24 w-full rounded-card" />
      ) : isError ? (
        <div role="alert" className={card}>
          <p>{_("wallet.basket.addressError")}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void refetch()}>
            {_("error.retry")}
          </Button>
        </div>
      ) : data.addresses.length === 0 ? (
        <div className={card}>
          <p className="text-text-muted">{_("wallet.basket.noAddress")}</p>
          <ButtonLink to="/addresses" variant="secondary" className="mt-3">
            {_("wallet.basket.addAddress")}
          </ButtonLink>
        </div>
      ) : (
        <fieldset disabled={busy} className="min-w-0 space-y-2">
          <legend className="sr-only">{_("wallet.basket.address")}</legend>
          {data.addresses.map((address) => (
            <label
              key={address.id}
              className={cn(
                card,
                "flex cursor-pointer gap-3 has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:outline-2 has-focus-visible:outline-primary",
              )}
            >
              <input
                type="radio"
                name="delivery-address"
                className="mt-1 size-5 shrink-0 accent-primary"
                checked={selectedId === address.id}
                onChange={() => {
                  setPicked(address.id);
                  onChoose(address.id);
                }}
                aria-label={[
                  address.fullName ?? address.companyName ?? "",
                  address.county,
                  address.city,
                ]
                  .filter(Boolean)
                  .join(", ")}
              />
              <AddressSummary address={address} />
            </label>
          ))}
        </fieldset>
      )}
    </section>
  );
}

function Lines({
  basket,
  onQuantity,
  busy,
}: {
  basket: WalletBasket;
  onQuantity: (sku: string, quantity: number) => void;
  busy: boolean;
}) {
  const { _, i18n } = useLingui();
  const money = (n: number) => formatMoney(n, basket.currency, i18n.locale);
  return (
    <ul className="space-y-2">
      {basket.items.map((item, index) => {
        const name = item.name ?? _("wallet.item.unknown");
        const { sku, unitPrice, lineTotal } = item;
        return (
          <li
            key={sku ?? `line-${String(index)}`}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border pb-2"
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium text-text">{name}</p>
              <p className="price text-sm text-text-muted">
                {basket.type === "delivery" || unitPrice === null
                  ? _("wallet.basket.units", { count: item.quantity })
                  : _("wallet.basket.lineDetail", {
                      count: item.quantity,
                      price: money(unitPrice),
                    })}
              </p>
            </div>
            {basket.type === "delivery" || lineTotal === null ? null : (
              <span className="price font-semibold text-text">{money(lineTotal)}</span>
            )}
            {/* A line Minted names no product for cannot be changed: there is nothing to name. */}
            {sku === null ? null : (
              <div className="flex w-full justify-end gap-1">
                <Button
                  variant="quiet"
                  onClick={() => onQuantity(sku, item.quantity - 1)}
                  disabled={busy}
                  aria-label={
                    item.quantity > 1
                      ? _("wallet.basket.lessNamed", { name })
                      : _("wallet.basket.removeNamed", { name })
                  }
                >
                  {item.quantity > 1 ? "−1" : _("wallet.basket.remove")}
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
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
