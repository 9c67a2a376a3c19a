import { useLingui } from "@lingui/react";
import { cn } from "../../components/class-names";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";

const placeholderCards = [0, 1, 2, 3, 4, 5];
// Metal and type filters arrive with the catalog data; their space is reserved meanwhile.
const filterChipWidths = ["w-20", "w-16", "w-24", "w-[4.5rem]"];

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

export function CatalogPage() {
  const { _ } = useLingui();
  return (
    <>
      <PageHeader title={_("catalog.title")} description={_("catalog.description")} />
      <div aria-hidden="true" className="mb-6 flex gap-2 overflow-hidden">
        {filterChipWidths.map((width) => (
          <Skeleton key={width} className={cn("h-10 shrink-0 rounded-full", width)} />
        ))}
      </div>
      <section aria-labelledby="catalog-products" aria-busy="true">
        <h2 id="catalog-products" className="sr-only">
          {_("catalog.products")}
        </h2>
        <p role="status" className="sr-only">
          {_("catalog.loading")}
        </p>
        <ul className="grid gap-3 sm:grid-cols-2 sm:gap-4 lg:grid-cols-3">
          {placeholderCards.map((n) => (
            <ProductCardSkeleton key={n} />
          ))}
        </ul>
      </section>
    </>
  );
}
