import { useLingui } from "@lingui/react";
import { memo } from "react";
import { Link } from "react-router";
import type { Product } from "../../../contract/catalog";
import { formatNumber, formatWeight } from "../../i18n/format";
import { PerGramAndBuyBack, ShelfUnitPrice } from "../../domain/prices/shelf-price-view";
import { MetalBadge, StockBadge } from "./product-badges";
import { QuickAdd } from "./quick-add";

/**
 * The card's price: the product's shelf price (VAT included, live), its price per gram and the
 * buy-back price, in the display currency. Re-renders alone.
 */
function CardPrice({ product }: { product: Product }) {
  return (
    <span className="flex min-w-0 flex-col">
      <ShelfUnitPrice
        product={product}
        className="self-start text-lg font-semibold text-text sm:text-xl"
      />
      <PerGramAndBuyBack product={product} className="text-xs" />
    </span>
  );
}

/**
 * A product in the list: a compact row on phones (thumbnail, name, facts, price, add button; five
 * and more to a screen), a card from `sm` up. The whole row opens the product page.
 */
export const ProductCard = memo(function ProductCard({ product }: { product: Product }) {
  const { _, i18n } = useLingui();
  const [image] = product.images;
  const facts = [
    product.weightGrams === null ? null : formatWeight(product.weightGrams, i18n.locale),
    product.purity === null
      ? null
      : _("product.purityShort", {
          purity: formatNumber(product.purity, i18n.locale, 1),
        }),
  ].filter(Boolean);
  return (
    <li className="relative flex items-center gap-3 px-3 py-2 transition-shadow focus-within:ring-2 focus-within:ring-primary focus-within:ring-inset sm:flex-col sm:items-stretch sm:gap-0 sm:rounded-card sm:border sm:border-border sm:bg-surface-raised sm:p-0 sm:shadow-card sm:focus-within:ring-offset-0 sm:hover:border-border-strong">
      <div className="size-16 shrink-0 overflow-hidden rounded-[calc(var(--radius)-0.375rem)] bg-surface-sunken sm:aspect-[4/3] sm:size-auto sm:w-full sm:rounded-none sm:rounded-t-card">
        {image ? (
          <img
            src={image}
            alt=""
            width={800}
            height={800}
            loading="lazy"
            decoding="async"
            className="size-full object-contain"
          />
        ) : null}
      </div>
      <div className="flex min-w-0 flex-1 flex-col sm:gap-1 sm:p-4">
        <h3 className="line-clamp-2 text-sm leading-5 font-medium text-text sm:order-2 sm:text-base">
          <Link
            to={`/products/${encodeURIComponent(product.sku)}`}
            className="outline-none after:absolute after:inset-0 sm:after:rounded-card"
          >
            {product.name}
          </Link>
        </h3>
        <p className="flex min-w-0 items-center gap-1 truncate text-xs text-text-muted sm:order-1">
          <MetalBadge metal={product.metal} type={product.type} />
          {facts.length > 0 ? <span className="truncate">· {facts.join(" · ")}</span> : null}
        </p>
        <div className="flex flex-wrap items-center gap-x-3 sm:order-3 sm:mt-auto sm:justify-between sm:pt-2 sm:pr-14">
          <CardPrice product={product} />
          <StockBadge stock={product.stock} />
        </div>
      </div>
      <QuickAdd product={product} className="sm:absolute sm:right-3 sm:bottom-3" />
    </li>
  );
});
