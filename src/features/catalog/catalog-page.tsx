import { useLingui } from "@lingui/react";
import { keepPreviousData, useInfiniteQuery, type QueryClient } from "@tanstack/react-query";
import { useId, useRef } from "react";
import { useSearchParams, type LoaderFunctionArgs } from "react-router";
import { productSortSchema, type ProductSort } from "../../../contract/catalog";
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
  productPagesQueryOptions,
  type CatalogSearch,
} from "./catalog-queries";
import { Filters } from "./catalog-filters";
import { LoadMore } from "./catalog-load-more";
import { SearchForm } from "./catalog-search";
import { ProductCard } from "./product-card";

/** Starts the catalog request without holding up navigation; the page shows skeletons. */
export function createCatalogLoader(queryClient: QueryClient) {
  return ({ request }: LoaderFunctionArgs) => {
    const search = parseCatalogSearch(new URL(request.url).searchParams);
    void queryClient.infiniteQuery(productPagesQueryOptions(search)).catch(() => undefined);
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

/** Phones: one bordered list of compact rows; from `sm` up: a grid of cards. */
const listClass =
  "divide-y divide-border overflow-hidden rounded-card border border-border bg-surface-raised shadow-card sm:grid sm:grid-cols-2 sm:gap-4 sm:divide-y-0 sm:overflow-visible sm:rounded-none sm:border-0 sm:bg-transparent sm:shadow-none lg:grid-cols-3";

function ProductCardSkeleton() {
  return (
    <li className="flex items-center gap-3 px-3 py-2 sm:flex-col sm:items-stretch sm:gap-0 sm:rounded-card sm:border sm:border-border sm:bg-surface-raised sm:p-0 sm:shadow-card">
      <Skeleton className="size-16 shrink-0 rounded-[calc(var(--radius)-0.375rem)] sm:aspect-[4/3] sm:size-auto sm:w-full sm:rounded-none sm:rounded-t-card" />
      <div className="flex min-w-0 flex-1 flex-col justify-center gap-2 sm:gap-2.5 sm:p-4">
        <Skeleton className="h-4 w-4/5" />
        <Skeleton className="h-3 w-24" />
        <Skeleton className="h-6 w-28" />
      </div>
      <Skeleton className="size-12 shrink-0 rounded-full sm:hidden" />
    </li>
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

/** Nothing found: for a search, say what was searched and offer to clear it; else the filters. */
function NoProducts({ search }: { search: CatalogSearch }) {
  const { _ } = useLingui();
  if (!search.q) {
    return (
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
  }
  const filtered = Boolean(search.metal || search.type);
  return (
    <EmptyState
      icon={<SearchIcon />}
      title={_("catalog.search.empty.title", { q: search.q })}
      body={_("catalog.search.empty.body")}
      actions={
        <ButtonLink
          to={catalogSearchString({ ...search, q: undefined, page: 1 }) || "/"}
          variant="secondary"
        >
          {filtered ? _("catalog.search.clear") : _("catalog.search.showAll")}
        </ButtonLink>
      }
    />
  );
}

export function CatalogPage() {
  const { _ } = useLingui();
  const [searchParams] = useSearchParams();
  const search = parseCatalogSearch(searchParams);
  const list = useRef<HTMLUListElement>(null);
  const {
    data,
    isError,
    isPlaceholderData,
    refetch,
    isFetching,
    hasNextPage,
    isFetchingNextPage,
    fetchNextPage,
  } = useInfiniteQuery({
    ...productPagesQueryOptions(search),
    placeholderData: keepPreviousData,
  });
  const first = data?.pages[0];
  const items = data?.pages.flatMap((page) => page.items) ?? [];
  const countText = first
    ? search.q
      ? _("catalog.search.count", { count: first.pageInfo.total, q: search.q })
      : _("catalog.count", { count: first.pageInfo.total })
    : _("catalog.products");

  let content;
  if (!first && !isError) {
    content = (
      <>
        <p role="status" className="sr-only">
          {_("catalog.loading")}
        </p>
        <ul className={listClass}>
          {placeholderCards.map((n) => (
            <ProductCardSkeleton key={n} />
          ))}
        </ul>
      </>
    );
  } else if (!first) {
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
  } else if (items.length === 0) {
    content = <NoProducts search={search} />;
  } else {
    content = (
      <>
        <ul
          ref={list}
          className={cn(listClass, "transition-opacity", isPlaceholderData && "opacity-60")}
        >
          {items.map((product) => (
            <ProductCard key={product.sku} product={product} />
          ))}
        </ul>
        <LoadMore
          key={catalogSearchString(search)}
          list={list}
          shown={items.length}
          total={first.pageInfo.total}
          hasNextPage={hasNextPage && !isPlaceholderData}
          isFetchingNextPage={isFetchingNextPage}
          fetchNextPage={fetchNextPage}
        />
        {/* Page links stay in the page for crawlers and wider screens; phones load more. */}
        <div className="hidden sm:block">
          <CatalogPagination search={search} totalPages={first.pageInfo.totalPages} />
        </div>
      </>
    );
  }

  return (
    <>
      {/* Phones go straight to the products: the tagline shows from `sm` up. */}
      <PageHeader
        title={_("catalog.title")}
        description={<span className="hidden sm:inline">{_("catalog.description")}</span>}
      />
      <SearchForm search={search} />
      <Filters search={search} facets={first?.facets} />
      <section aria-labelledby="catalog-products" aria-busy={!first || isPlaceholderData}>
        <div className="mb-3 flex min-h-12 flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <h2 id="catalog-products" className="text-sm font-medium text-text-muted">
            {countText}
          </h2>
          {/* A search's outcome is announced; the heading itself is not a live region. */}
          <p role="status" className="sr-only">
            {search.q && first && !isPlaceholderData ? countText : ""}
          </p>
          <SortSelect search={search} />
        </div>
        {content}
      </section>
    </>
  );
}
