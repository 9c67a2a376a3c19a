import { useLingui } from "@lingui/react";
import type { OrderItem } from "../../../contract/orders";
import { formatMoney, formatNumber, formatWeight } from "../../i18n/format";
import { ProductThumb } from "../../components/product-thumb";

const digitalSkus = new Set(["GAU", "GAG", "GPT"]);

/** The lines of an order: picture, name, how many (units or grams), weight and line total. */
export function OrderItems({
  items,
  currency,
  label,
}: {
  items: readonly OrderItem[];
  currency: string;
  label: string;
}) {
  const { _, i18n } = useLingui();
  return (
    <ul aria-label={label} className="divide-y divide-border">
      {items.map((item) => {
        const grams = digitalSkus.has(item.sku);
        const quantity = grams
          ? _("order.item.grams", { grams: formatNumber(item.quantity, i18n.locale, 3) })
          : _("order.item.units", { count: item.quantity });
        return (
          <li key={item.sku} className="flex gap-3 py-3 first:pt-0 last:pb-0">
            {item.image ? (
              <ProductThumb src={item.image} size={56} />
            ) : (
              <div
                aria-hidden="true"
                className="size-14 shrink-0 rounded-control border border-border bg-surface-sunken"
              />
            )}
            <div className="flex min-w-0 flex-1 items-start justify-between gap-3">
              <div className="min-w-0">
                <p className="leading-snug font-medium text-text">{item.name}</p>
                <p className="mt-0.5 text-sm text-text-muted">
                  {quantity}
                  {item.weightGrams !== null && !grams ? (
                    <> · {formatWeight(item.weightGrams, i18n.locale)}</>
                  ) : null}
                </p>
              </div>
              <p className="shrink-0 text-right price font-semibold text-text">
                <span className="sr-only">{_("order.item.total")} </span>
                {formatMoney(item.total, currency, i18n.locale)}
              </p>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
