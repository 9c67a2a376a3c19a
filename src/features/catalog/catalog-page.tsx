import { useLingui } from "@lingui/react";
import { keepPreviousData, useQuery, type QueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { Link, useSearchParams, type LoaderFunctionArgs } from "react-router";
import { productSortSchema, type ProductSort } from "../../../contract/catalog";
import type { Metal, ProductType } from "../../../contract/common";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { EmptyState } from "../../components/empty-state";
import { AlertIcon, SearchIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Pagination } from "../../components/pagination";
import { Skeleton } from "../../components/skeleton";
import { msg } from "../../i18n/i18n";
import {
  catalogSearchString,
  parseCatalogSearch,
  productListQueryOptions,
  type CatalogSearch,
} from "./catalog-queries";
import { metalLabel, typeLabel } from "./product-badges";
import { ProductCard } from "./product-card";

/** Starts the catalog request without holding up navigation; the page shows skeletons. */
export function createCatalogLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseCatalogSearch(new URL(request.url).searchParams);
    void queryClient.query(productListQueryOptions(search)).catch(() => undefined);
    return null;
  };
}

const placeholderCards = [0, 1, 2, 3, 4, 5];

const sortLabel: Record<ProductSort | "", string> = {
  "": msg("catalog.sort.featured"),
  price_asc: msg("catalog.sort.priceAsc"),
  price_desc: msg("catalog.sort.priceDesc"),
  weight_asc: msg("catalog.sort.weightAsc"),
  weight_desc: msg("catalog.sort.weightDesc"),
};

const metals: Metal[] = ["gold", "silver", "platinum"];
const types: ProductType[] = ["bar", "coin", "digital"];

function ProductCardSkeleton() {
  return (
    <li className="flex gap-4 rounded-card border border-border bg-surface-raised p-3 shadow-card sm:flex-col sm:gap-0 sm:p-0">
      <Skeleton className="aspect-square w-24 shrink-0 rounded-[calc(var(--radius)-0.375rem)] sm:aspect-[4/3] sm:w-full sm:rounded-none sm:rounded-t-card" />
      <div className="flex min-w-0 flex-1 flex-col justify-center gap-2.5 sm:p-4">
        <Skeleton className="h-3 w-16" />
        <Skeleton className="h-4 w-4/5" />
        <Skeleton className="mt-1 h-6 w-28" />
      </div>
    </li>
  );
}

function Chip({ to, selected, children }: { to: string; selected: boolean; children: string }) {
  return (
    <li className="shrink-0">
      <Link
        to={to}
        preventScrollReset
        aria-current={selected ? "true" : undefined}
        className={cn(
          "inline-flex min-h-12 items-center rounded-full border px-4 text-sm font-medium whitespace-nowrap transition-colors",
          selected
            ? "border-primary bg-primary text-primary-contrast"
            : "border-border bg-surface-raised text-text hover:border-border-strong",
        )}
      >
        {children}
      </Link>
    </li>
  );
}

function Filters({ search }: { search: CatalogSearch }) {
  const { _ } = useLingui();
  const metalId = useId();
  const typeId = useId();
  const link = (change: Partial<CatalogSearch>) =>
    catalogSearchString({ ...search, ...change, page: 1 }) || "/";
  return (
    <div className="-mx-4 mb-4 space-y-2 px-4 md:mx-0 md:px-0">
      <div role="group" aria-labelledby={metalId}>
        <h2 id={metalId} className="sr-only">
          {_("catalog.filter.metal")}
        </h2>
        <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
          <Chip to={link({ metal: undefined })} selected={!search.metal}>
            {_("catalog.filter.allMetals")}
          </Chip>
          {metals.map((metal) => (
            <Chip key={metal} to={link({ metal })} selected={search.metal === metal}>
              {_(metalLabel[metal])}
            </Chip>
          ))}
        </ul>
      </div>
      <div role="group" aria-labelledby={typeId}>
        <h2 id={typeId} className="sr-only">
          {_("catalog.filter.type")}
        </h2>
        <ul className="-mx-4 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:px-0">
          <Chip to={link({ type: undefined })} selected={!search.type}>
            {_("catalog.filter.allTypes")}
          </Chip>
          {types.map((type) => (
            <Chip key={type} to={link({ type })} selected={search.type === type}>
              {_(typeLabel[type])}
            </Chip>
          ))}
        </ul>
      </div>
    </div>
  );
}

function SortSelect({ search }: { search: CatalogSearch }) {
  const { _ } = useLingui();
  const [, setSearchParams] = useSearchParams();
  const id = useId();
  return (
    <div className="flex items-center gap-2">
      <label htmlFor={id} className="text-sm text-text-muted">
        {_("catalog.sort.label")}
      </label>
      <select
        id={id}
        value={search.sort ?? ""}
        onChange={(event) => {
          const sort = productSortSchema.safeParse(event.target.value);
          const next = { ...search, sort: sort.success ? sort.data : undefined, page: 1 };
          setSearchParams(new URLSearchParams(catalogSearchString(next)), {
            preventScrollReset: true,
          });
        }}
        className="min-h-12 rounded-control border border-border-strong bg-surface-raised px-3 text-sm font-medium text-text"
      >
        {(["", ...productSortSchema.options] as const).map((value) => (
          <option key={value} value={value}>
            {_(sortLabel[value])}
          </option>
        ))}
      </select>
    </div>
  );
}

function CatalogPagination({ search, totalPages }: { search: CatalogSearch; totalPages: number }) {
  const { _ } = useLingui();
  return (
    <Pagination
      page={search.page}
      totalPages={totalPages}
      to={(page) => catalogSearchString({ ...search, page }) || "/"}
      labels={{
        nav: _("catalog.pages"),
        page: (page) => _("catalog.page", { page }),
        previous: _("catalog.previous"),
        next: _("catalog.next"),
      }}
    />
  );
}

export function CatalogPage() {
  const { _ } = useLingui();
  const [searchParams] = useSearchParams();
  const search = parseCatalogSearch(searchParams);
  const { data, isError, isPlaceholderData, refetch, isFetching } = useQuery({
    ...productListQueryOptions(search),
    placeholderData: keepPreviousData,
  });

  let content;
  if (!data && !isError) {
    content = (
      <>
        <p role="status" className="sr-only">
          {_("catalog.loading")}
        </p>
        <ul className="grid gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-3">
          {placeholderCards.map((n) => (
            <ProductCardSkeleton key={n} />
          ))}
        </ul>
      </>
    );
  } else if (!data) {
    content = (
      <EmptyState
        icon={<AlertIcon />}
        title={_("catalog.error.title")}
        body={_("catalog.error.body")}
        actions={
          <Button onClick={() => void refetch()} disabled={isFetching}>
            {_("error.retry")}
          </Button>
        }
      />
    );
  } else if (data.items.length === 0) {
    content = (
      <EmptyState
        icon={<SearchIcon />}
        title={_("catalog.empty.title")}
        body={_("catalog.empty.body")}
        actions={
          <ButtonLink to="/" variant="secondary">
            {_("catalog.empty.clear")}
          </ButtonLink>
        }
      />
    );
  } else {
    content = (
      <>
        <ul
          className={cn(
            "grid gap-3 transition-opacity sm:grid-cols-2 sm:gap-4 lg:grid-cols-3",
            isPlaceholderData && "opacity-60",
          )}
        >
          {data.items.map((product) => (
            <ProductCard key={product.sku} product={product} />
          ))}
        </ul>
        <CatalogPagination search={search} totalPages={data.pageInfo.totalPages} />
      </>
    );
  }

  return (
    <>
      <PageHeader title={_("catalog.title")} description={_("catalog.description")} />
      <Filters search={search} />
      <section aria-labelledby="catalog-products" aria-busy={!data || isPlaceholderData}>
        <div className="mb-4 flex min-h-12 flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <h2 id="catalog-products" className="text-sm font-medium text-text-muted">
            {data ? _("catalog.count", { count: data.pageInfo.total }) : _("catalog.products")}
          </h2>
          <SortSelect search={search} />
        </div>
        {content}
      </section>
    </>
  );
}
