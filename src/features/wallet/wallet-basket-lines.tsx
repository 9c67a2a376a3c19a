import { useLingui } from "@lingui/react";
import type { WalletBasket } from "../../../contract/wallet";
import { Button } from "../../components/button-link";
import { formatMoney } from "../../i18n/format";

export function Lines({
  basket,
  onQuantity,
  busy,
}: {
  basket: WalletBasket;
  onQuantity: (sku: string, quantity: number) => void;
  busy: boolean;
}) {
  const { _, i18n } = useLingui();
  const money = (n: number) => formatMoney(n, basket.currency, i18n.locale);
  return (
    <ul className="space-y-2">
      {basket.items.map((item, index) => {
        const name = item.name ?? _("wallet.item.unknown");
        const { sku, unitPrice, lineTotal } = item;
        return (
          <li
            key={sku ?? `line-${String(index)}`}
            className="flex flex-wrap items-center gap-x-3 gap-y-1 border-b border-border pb-2"
          >
            <div className="min-w-0 flex-1">
              <p className="font-medium text-text">{name}</p>
              <p className="price text-sm text-text-muted">
                {basket.type === "delivery" || unitPrice === null
                  ? _("wallet.basket.units", { count: item.quantity })
                  : _("wallet.basket.lineDetail", {
                      count: item.quantity,
                      price: money(unitPrice),
                    })}
              </p>
            </div>
            {basket.type === "delivery" || lineTotal === null ? null : (
              <span className="price font-semibold text-text">{money(lineTotal)}</span>
            )}
            {/* A line Minted names no product for cannot be changed: there is nothing to name. */}
            {sku === null ? null : (
              <div className="flex w-full justify-end gap-1">
                <Button
                  variant="quiet"
                  onClick={() => onQuantity(sku, item.quantity - 1)}
                  disabled={busy}
                  aria-label={
                    item.quantity > 1
                      ? _("wallet.basket.lessNamed", { name })
                      : _("wallet.basket.removeNamed", { name })
                  }
                >
                  {item.quantity > 1 ? "−1" : _("wallet.basket.remove")}
                </Button>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
