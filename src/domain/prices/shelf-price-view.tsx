import { useLingui } from "@lingui/react";
import type { Product } from "../../../contract/catalog";
import { cn } from "../../components/class-names";
import { useSkuQuote } from "./live-prices";
import { Money } from "./money";
import { shelfPrice } from "./shelf-price";
import { flashClass, usePriceDirection } from "./use-price-direction";

/** A product's live shelf price (VAT included, see shelfPrice), flashing as the market moves. */
export function useShelfPrice(product: Product) {
  const quote = useSkuQuote(product.sku);
  const price = shelfPrice(product, quote);
  // No flash when the first quote replaces the catalog price: only a market move flashes.
  return { price, move: usePriceDirection(quote ? price.unit : undefined) };
}

/** The one price of a product, VAT included, as every page shows it. */
export function ShelfUnitPrice({ product, className }: { product: Product; className?: string }) {
  const { price, move } = useShelfPrice(product);
  return (
    <span
      key={move?.serial}
      data-testid="shelf-price"
      className={cn("-mx-1 rounded-md px-1 price", move && flashClass[move.direction], className)}
    >
      <Money amountTry={price.unit} />
    </span>
  );
}

/** "VAT included" or, for VAT-exempt investment gold, "VAT exempt". */
export function VatNote({ vatRate, className }: { vatRate: number; className?: string }) {
  const { _ } = useLingui();
  return (
    <span className={className}>
      {vatRate === 0 ? _("prices.vatExempt") : _("prices.vatIncluded")}
    </span>
  );
}

/** Per gram (VAT included) and the buy-back price, each when known. */
export function PerGramAndBuyBack({
  product,
  className,
}: {
  product: Product;
  className?: string;
}) {
  const { _ } = useLingui();
  const { price } = useShelfPrice(product);
  if (price.perGram === null && price.buyBack === null) return null;
  return (
    <span className={cn("flex flex-wrap gap-x-2 price text-sm text-text-muted", className)}>
      {price.perGram === null || product.type === "digital" ? null : (
        <span>
          {_("prices.perGramShort")} <Money amountTry={price.perGram} />
        </span>
      )}
      {price.buyBack === null ? null : (
        <span>
          {_("prices.buyBack")} <Money amountTry={price.buyBack} />
        </span>
      )}
    </span>
  );
}
