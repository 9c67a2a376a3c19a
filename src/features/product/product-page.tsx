import { useLingui } from "@lingui/react";
import { useQuery, type QueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Link, useParams, type LoaderFunctionArgs } from "react-router";
import type { Product } from "../../../contract/catalog";
import { BackLink } from "../../components/back-link";
import { Button, ButtonLink } from "../../components/button-link";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, CompassIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { formatNumber, formatWeight } from "../../i18n/format";
import { ApiProblem } from "../../lib/api";
import { useAddToBasket } from "../basket";
import {
  catalogKeys,
  findCachedProduct,
  productQueryOptions,
  MetalBadge,
  StockBadge,
} from "../catalog";
import { useDisplayCurrency, useDisplayMoney } from "../../domain/prices/display-currency";
import { usePricesReceivedAt, useSkuQuote } from "../../domain/prices/live-prices";
import { RateChart } from "../../domain/prices/rate-chart";
import {
  PerGramAndBuyBack,
  ShelfUnitPrice,
  useShelfPrice,
  VatNote,
} from "../../domain/prices/shelf-price-view";
import { ProductGallery } from "./product-gallery";
import { QuantityStepper } from "./quantity-stepper";

const maxPerAdd = 10;

/** Seeds the product from a cached catalog page (instant from a card), else starts loading. */
export function createProductLoader(queryClient: QueryClient) {
  return ({ params }: LoaderFunctionArgs) => {
    const sku = params.sku ?? "";
    const key = catalogKeys.detail(sku);
    if (queryClient.getQueryData(key) === undefined) {
      const cached = findCachedProduct(queryClient, sku);
      if (cached) queryClient.setQueryData(key, cached.product, { updatedAt: cached.updatedAt });
    }
    void queryClient.query(productQueryOptions(sku)).catch(() => undefined);
    return null;
  };
}

/** "Updated n s ago", ticking every second from when the last price snapshot arrived. */
function UpdatedAgo() {
  const { _ } = useLingui();
  const receivedAt = usePricesReceivedAt();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  if (receivedAt === null) return <span className="inline-block h-5" />;
  const seconds = Math.max(0, Math.floor((now - receivedAt) / 1_000));
  return (
    <span className="price text-sm text-text-muted">
      {seconds < 60
        ? _("price.updatedSeconds", { seconds })
        : _("price.updatedMinutes", { minutes: Math.floor(seconds / 60) })}
    </span>
  );
}

function LivePrice({ product }: { product: Product }) {
  const { _ } = useLingui();
  const { price } = useShelfPrice(product);
  const money = useDisplayMoney();
  // The TRY line's room is kept while a chosen currency's rate loads: nothing shifts.
  const foreign = useDisplayCurrency() !== "TRY";
  return (
    <div>
      <p className="sr-only">{_("price.unitPrice")}</p>
      <p className="flex flex-wrap items-baseline gap-x-3">
        <ShelfUnitPrice
          product={product}
          className="inline-block text-3xl font-semibold tracking-tight text-text md:text-4xl"
        />
        <VatNote vatRate={price.vatRate} className="text-sm text-text-muted" />
      </p>
      {foreign ? (
        <p className="min-h-5 price text-sm text-text-muted">
          {money.converted
            ? _("money.chargedIn", { amount: money.formatCharge(price.unit) })
            : null}
        </p>
      ) : null}
      <p className="mt-1 flex flex-wrap items-center gap-x-2">
        <PerGramAndBuyBack product={product} />
        <UpdatedAgo />
      </p>
      <CheckoutExtras product={product} />
    </div>
  );
}

/**
 * What the basket adds to the price, named before the customer taps "add". inferred: Minted's
 * documentation gives no amounts or rules for these fees (minted-api.md §9.1 names the fields
 * only); Minted prices them on the basket, where each amount is shown before paying.
 */
function CheckoutExtras({ product }: { product: Product }) {
  const { _ } = useLingui();
  return (
    <p className="mt-2 text-sm text-text-muted" data-testid="checkout-extras">
      {product.type === "digital" ? _("price.extras.digital") : _("price.extras.physical")}
    </p>
  );
}

function AddToBasket({ product }: { product: Product }) {
  const { _ } = useLingui();
  const addToBasket = useAddToBasket();
  const quote = useSkuQuote(product.sku);
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState<number | null>(null);
  const out = product.stock.state === "out" || product.stock.available < 1;
  const max = Math.max(1, Math.min(product.stock.available, maxPerAdd));
  return (
    <div className="sticky bottom-[calc(var(--nav-height)+var(--safe-bottom)+0.5rem)] z-10 -mx-1 rounded-card border border-border bg-surface-raised/95 p-3 shadow-card backdrop-blur max-md:order-2 md:static md:mx-0 md:border-0 md:bg-transparent md:p-0 md:shadow-none">
      <div className="flex gap-3">
        <QuantityStepper value={quantity} max={max} onChange={setQuantity} disabled={out} />
        <Button
          className="flex-1"
          disabled={out}
          onClick={() => {
            addToBasket.mutate({
              sku: product.sku,
              quantity,
              preview: {
                name: product.name,
                unitPrice: quote?.ask ?? product.price.amount,
                vatRate: product.vatRate,
                type: product.type,
                metal: product.metal,
                maxQuantity: product.stock.available,
              },
            });
            setAdded(quantity);
          }}
        >
          {out ? _("stock.out") : _("product.add")}
        </Button>
      </div>
      {/* Not a live region: the basket badge announces the change once, for every page. */}
      <p className="text-sm text-text-muted empty:hidden">
        {added !== null ? (
          <span className="mt-2 flex items-center justify-between gap-2">
            {_("product.added", { count: added })}
            <Link
              to="/basket"
              className="inline-flex min-h-12 items-center font-medium text-primary"
            >
              {_("product.toBasket")}
            </Link>
          </span>
        ) : null}
      </p>
    </div>
  );
}

function ProductDetails({ product }: { product: Product }) {
  const { _, i18n } = useLingui();
  // Weight and fineness come from fields Minted has not published: shown when its answer has them.
  const known = (row: [string, string | null]): row is [string, string] => row[1] !== null;
  const rows: [string, string][] = [
    ...[
      [
        _("product.weight"),
        product.weightGrams === null ? null : formatWeight(product.weightGrams, i18n.locale),
      ] satisfies [string, string | null],
      [
        _("product.purity"),
        product.purity === null ? null : formatNumber(product.purity, i18n.locale, 1),
      ] satisfies [string, string | null],
    ].filter(known),
    [_("product.sku"), product.sku],
    ...(product.barcode
      ? [[_("product.barcode"), product.barcode] satisfies [string, string]]
      : []),
    [
      _("product.stock"),
      product.stock.state === "out"
        ? _("stock.out")
        : _("product.available", { count: product.stock.available }),
    ],
  ];
  return (
    <dl className="grid grid-cols-2 gap-px overflow-hidden rounded-card border border-border bg-border">
      {rows.map(([term, value]) => (
        <div
          key={term}
          className="bg-surface-raised px-4 py-3 [&:last-child:nth-child(odd)]:col-span-2"
        >
          <dt className="text-xs text-text-muted">{term}</dt>
          <dd className="mt-0.5 price font-medium break-all text-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function ProductSkeleton() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader
        title={_("product.title")}
        hideTitle
        before={<BackLink to="/">{_("product.back")}</BackLink>}
      />
      <div aria-busy="true" className="grid gap-6 md:grid-cols-2 md:gap-10">
        <p role="status" className="sr-only">
          {_("product.loading")}
        </p>
        <Skeleton className="aspect-square w-full rounded-card" />
        <div aria-hidden="true" className="space-y-4">
          <Skeleton className="h-3.5 w-24" />
          <Skeleton className="h-8 w-4/5" />
          <Skeleton className="h-10 w-40" />
          <Skeleton className="h-3 w-32" />
          <div className="grid grid-cols-2 gap-3 pt-4">
            <Skeleton className="h-16 rounded-card" />
            <Skeleton className="h-16 rounded-card" />
          </div>
          <Skeleton className="h-12 w-full" />
        </div>
      </div>
    </>
  );
}

export function ProductPage() {
  const { _ } = useLingui();
  const { sku = "" } = useParams();
  const { data: product, error, refetch, isFetching } = useQuery(productQueryOptions(sku));

  if (!product && error) {
    const notFound = error instanceof ApiProblem && (error.status === 404 || error.status === 400);
    return (
      <>
        <PageHeader
          title={notFound ? _("product.notFound.title") : _("error.title")}
          hideTitle
          before={<BackLink to="/">{_("product.back")}</BackLink>}
        />
        {notFound ? (
          <EmptyState
            icon={<CompassIcon />}
            title={_("product.notFound.title")}
            body={_("product.notFound.body")}
            actions={<ButtonLink to="/">{_("product.notFound.browse")}</ButtonLink>}
          />
        ) : (
          <EmptyState
            icon={<AlertIcon />}
            title={_("error.title")}
            body={_("error.body")}
            actions={
              <Button onClick={() => void refetch()} disabled={isFetching}>
                {_("error.retry")}
              </Button>
            }
          />
        )}
      </>
    );
  }
  if (!product) return <ProductSkeleton />;

  return (
    <>
      {/* Phones: name and price come first, above the gallery, so the first screen shows the
          price above the sticky "add" bar; the columns dissolve (`contents`) to reorder. */}
      <div className="grid gap-5 md:grid-cols-2 md:gap-10">
        <div className="contents min-w-0 md:block">
          <BackLink to="/">{_("product.back")}</BackLink>
          <div className="max-md:order-1">
            <ProductGallery images={product.images} name={product.name} />
          </div>
        </div>
        <div className="contents min-w-0 md:flex md:flex-col md:gap-5 md:pt-14">
          <div>
            <div className="mb-2 flex items-center justify-between gap-2">
              <MetalBadge metal={product.metal} type={product.type} />
              <StockBadge stock={product.stock} />
            </div>
            <PageHeader title={product.name} />
          </div>
          <LivePrice product={product} />
          <AddToBasket product={product} />
          <div className="max-md:order-2">
            <ProductDetails product={product} />
          </div>
          <div className="max-md:order-2">
            <h2 className="mb-1 font-semibold text-text">{_("product.description")}</h2>
            <p className="text-text-muted">{product.description}</p>
          </div>
        </div>
      </div>
      <div className="mt-8">
        <RateChart metal={product.metal} />
      </div>
    </>
  );
}
