import { useLingui } from "@lingui/react";
import { useId } from "react";
import { Link } from "react-router";
import type { ProductFacets } from "../../../contract/catalog";
import type { Metal, ProductType } from "../../../contract/common";
import { cn } from "../../components/class-names";
import { formatNumber } from "../../i18n/format";
import { catalogSearchString, type CatalogSearch } from "./catalog-queries";
import { metalLabel, typeLabel } from "./product-badges";

const metals: Metal[] = ["gold", "silver", "platinum"];
const types: ProductType[] = ["bar", "coin", "digital"];

const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** A filter as a link (Back and shared links work), with how many products it opens. */
function Chip({
  to,
  selected,
  label,
  count,
}: {
  to: string;
  selected: boolean;
  label: string;
  count: number | undefined;
}) {
  const { i18n } = useLingui();
  return (
    <li className="shrink-0">
      <Link
        to={to}
        preventScrollReset
        aria-current={selected ? "true" : undefined}
        className={cn(
          "inline-flex min-h-12 items-center gap-1.5 rounded-full border px-4 text-sm font-medium whitespace-nowrap transition-colors",
          selected
            ? "border-primary bg-primary text-primary-contrast"
            : "border-border bg-surface-raised text-text hover:border-border-strong",
          count === 0 && !selected && "text-text-muted",
        )}
      >
        {label}
        {count === undefined ? null : (
          <span className="price text-xs font-semibold">
            {" "}
            {formatNumber(count, i18n.locale, 0)}
          </span>
        )}
      </Link>
    </li>
  );
}

/**
 * Metal and type chips in one row that scrolls sideways on phones (one line of height), each
 * with the count the proxy computed over the search and the other filter.
 */
export function Filters({
  search,
  facets,
}: {
  search: CatalogSearch;
  facets: ProductFacets | undefined;
}) {
  const { _ } = useLingui();
  const metalId = useId();
  const typeId = useId();
  const link = (change: Partial<CatalogSearch>) =>
    catalogSearchString({ ...search, ...change, page: 1 }) || "/";
  return (
    <div className="relative -mx-4 mb-3 flex gap-2 overflow-x-auto px-4 pb-1 md:mx-0 md:flex-col md:overflow-visible md:px-0">
      <div role="group" aria-labelledby={metalId} className="shrink-0">
        <h2 id={metalId} className="sr-only">
          {_("catalog.filter.metal")}
        </h2>
        <ul className="flex gap-2 md:flex-wrap">
          <Chip
            to={link({ metal: undefined })}
            selected={!search.metal}
            label={_("catalog.filter.allMetals")}
            count={facets && sum(facets.metal)}
          />
          {metals.map((metal) => (
            <Chip
              key={metal}
              to={link({ metal })}
              selected={search.metal === metal}
              label={_(metalLabel[metal])}
              count={facets?.metal[metal]}
            />
          ))}
        </ul>
      </div>
      <span aria-hidden="true" className="my-2 w-px shrink-0 bg-border md:hidden" />
      <div role="group" aria-labelledby={typeId} className="shrink-0">
        <h2 id={typeId} className="sr-only">
          {_("catalog.filter.type")}
        </h2>
        <ul className="flex gap-2 md:flex-wrap">
          <Chip
            to={link({ type: undefined })}
            selected={!search.type}
            label={_("catalog.filter.allTypes")}
            count={facets && sum(facets.type)}
          />
          {types.map((type) => (
            <Chip
              key={type}
              to={link({ type })}
              selected={search.type === type}
              label={_(typeLabel[type])}
              count={facets?.type[type]}
            />
          ))}
        </ul>
      </div>
    </div>
  );
}
