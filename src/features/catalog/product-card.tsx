import { useLingui } from "@lingui/react";
import { memo } from "react";
import { Link } from "react-router";
import type { Product } from "../../../contract/catalog";
import { formatNumber, formatWeight } from "../../i18n/format";
import { PerGramAndBuyBack, ShelfUnitPrice } from "../../domain/prices/shelf-price-view";
import { MetalBadge, StockBadge } from "./product-badges";

/**
 * The card's price: the product's shelf price (VAT included, live), its price per gram and the
 * buy-back price, in the display currency. Re-renders alone.
 */
function CardPrice({ product }: { product: Product }) {
  return (
    <span className="flex min-w-0 flex-col">
      <ShelfUnitPrice product={product} className="self-start text-xl font-semibold text-text" />
      <PerGramAndBuyBack product={product} className="text-xs" />
    </span>
  );
}

export const ProductCard = memo(function ProductCard({ product }: { product: Product }) {
  const { _, i18n } = useLingui();
  const [image] = product.images;
  return (
    <li className="relative flex gap-4 rounded-card border border-border bg-surface-raised p-3 shadow-card transition-shadow focus-within:ring-2 focus-within:ring-primary hover:border-border-strong sm:flex-col sm:gap-0 sm:p-0">
      <div className="aspect-square w-24 shrink-0 self-start overflow-hidden rounded-[calc(var(--radius)-0.375rem)] bg-surface-sunken sm:aspect-[4/3] sm:w-full sm:self-auto sm:rounded-none sm:rounded-t-card">
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
      <div className="flex min-w-0 flex-1 flex-col gap-1 sm:p-4">
        <MetalBadge metal={product.metal} type={product.type} />
        <h3 className="line-clamp-2 font-medium text-text">
          <Link
            to={`/products/${encodeURIComponent(product.sku)}`}
            className="outline-none after:absolute after:inset-0 after:rounded-card"
          >
            {product.name}
          </Link>
        </h3>
        <p className="text-sm text-text-muted">
          {[
            product.weightGrams === null ? null : formatWeight(product.weightGrams, i18n.locale),
            product.purity === null
              ? null
              : _("product.purityShort", {
                  purity: formatNumber(product.purity, i18n.locale, 1),
                }),
          ]
            .filter(Boolean)
            .join(" · ")}
        </p>
        <div className="mt-auto flex flex-wrap items-center justify-between gap-x-3 gap-y-1 pt-2">
          <CardPrice product={product} />
          <StockBadge stock={product.stock} />
        </div>
      </div>
    </li>
  );
});
