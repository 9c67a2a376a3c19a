import { useLingui } from "@lingui/react";
import { useEffect, useState } from "react";
import type { Product } from "../../../contract/catalog";
import { CheckIcon, PlusIcon } from "../../components/action-icons";
import { cn } from "../../components/class-names";
import { showToast } from "../../components/toasts";
import { useSkuQuote } from "../../domain/prices/live-prices";
import { useAddToBasket } from "../basket";

/** How long the button shows a tick after an add. */
const ADDED_MS = 2000;

/**
 * One unit into the basket from the list, with the basket's own mutation (the badge changes at
 * once). A toast names what was added once the proxy confirms; a failure says why (the mutation's
 * own error toast). Disabled when the product is out of stock.
 */
export function QuickAdd({ product, className }: { product: Product; className?: string }) {
  const { _ } = useLingui();
  const addToBasket = useAddToBasket();
  const quote = useSkuQuote(product.sku);
  const [added, setAdded] = useState(false);
  const out = product.stock.state === "out" || product.stock.available < 1;
  useEffect(() => {
    if (!added) return;
    const id = window.setTimeout(() => setAdded(false), ADDED_MS);
    return () => window.clearTimeout(id);
  }, [added]);
  return (
    <button
      type="button"
      disabled={out}
      aria-label={
        out
          ? _("catalog.quickAdd.out", { name: product.name })
          : _("catalog.quickAdd.label", { name: product.name })
      }
      className={cn(
        "relative z-10 grid size-12 shrink-0 place-items-center rounded-full border transition-colors",
        out
          ? "cursor-not-allowed border-border bg-surface-sunken text-text-muted"
          : "border-primary bg-primary text-primary-contrast hover:bg-primary/90 active:bg-primary/85",
        className,
      )}
      onClick={() => {
        setAdded(true);
        addToBasket.mutate(
          {
            sku: product.sku,
            quantity: 1,
            preview: {
              name: product.name,
              unitPrice: quote?.ask ?? product.price.amount,
              type: product.type,
              metal: product.metal,
              maxQuantity: product.stock.available,
            },
          },
          {
            onSuccess: () => showToast("success", _("catalog.quickAdd.added"), product.name),
          },
        );
      }}
    >
      {added ? <CheckIcon className="size-6" /> : <PlusIcon className="size-6" />}
    </button>
  );
}
