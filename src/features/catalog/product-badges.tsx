import { useLingui } from "@lingui/react";
import type { Metal } from "../../../contract/common";
import type { Product } from "../../../contract/catalog";
import { cn } from "../../components/class-names";
import { msg } from "../../i18n/i18n";

export const metalLabel = {
  gold: msg("metal.gold"),
  silver: msg("metal.silver"),
  platinum: msg("metal.platinum"),
} as const;

export const typeLabel = {
  bar: msg("productType.bar"),
  coin: msg("productType.coin"),
  digital: msg("productType.digital"),
} as const;

const metalDot: Record<Metal, string> = {
  gold: "bg-gold",
  silver: "bg-silver",
  platinum: "bg-platinum",
};

/** Metal and type as one small neutral badge with the metal's colour dot. */
export function MetalBadge({ metal, type }: { metal: Metal; type: Product["type"] }) {
  const { _ } = useLingui();
  return (
    <span className="inline-flex items-center gap-1.5 text-xs font-medium text-text-muted">
      <span aria-hidden="true" className={cn("size-2 shrink-0 rounded-full", metalDot[metal])} />
      {_(metalLabel[metal])} · {_(typeLabel[type])}
    </span>
  );
}

export function StockBadge({ stock }: { stock: Product["stock"] }) {
  const { _ } = useLingui();
  const text =
    stock.state === "out"
      ? _("stock.out")
      : stock.state === "low"
        ? _("stock.low", { count: stock.available })
        : _("stock.inStock");
  return (
    <span
      className={cn(
        "inline-flex h-6 items-center rounded-full border px-2 text-xs font-semibold whitespace-nowrap",
        stock.state === "out" && "border-danger/50 text-danger",
        stock.state === "low" && "border-gold text-text",
        stock.state === "in_stock" && "border-success/50 text-success",
      )}
    >
      {text}
    </span>
  );
}
