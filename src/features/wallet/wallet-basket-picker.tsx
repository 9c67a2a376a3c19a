import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import type { WalletBasket, WalletBasketType } from "../../../contract/wallet";
import { Button } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { Skeleton } from "../../components/skeleton";
import { formatMoney } from "../../i18n/format";
import { productListQueryOptions } from "../catalog";
import { card } from "./wallet-basket-card";
import { walletQueryOptions } from "./wallet-queries";
import { ProductThumb } from "../../components/product-thumb";

interface Pickable {
  sku: string;
  name: string;
  image: string;
  detail: string;
  /** Units that can still be added (stock, or what the vault holds). */
  max: number;
}

/** What can be added: products in stock (buy), bars and coins the vault holds (sell, delivery). */
function usePickables(type: WalletBasketType, basket: WalletBasket | undefined) {
  const { _, i18n } = useLingui();
  const products = useQuery({ ...productListQueryOptions({ page: 1 }), enabled: type === "buy" });
  const wallet = useQuery({ ...walletQueryOptions(), enabled: type !== "buy" });
  const inBasket = (sku: string) => basket?.items.find((i) => i.sku === sku)?.quantity ?? 0;
  const source = type === "buy" ? products : wallet;
  const state = { isPending: source.isPending, isError: source.isError, refetch: source.refetch };
  if (type === "buy")
    return {
      ...state,
      items: (products.data?.items ?? [])
        .filter((p) => p.type !== "digital" && p.stock.available > 0)
        .map<Pickable>((p) => ({
          sku: p.sku,
          name: p.name,
          image: p.images[0] ?? "",
          detail: formatMoney(p.price.amount, p.price.currency, i18n.locale),
          max: p.stock.available - inBasket(p.sku),
        })),
    };
  return {
    ...state,
    items: (wallet.data?.holdings ?? [])
      .filter((h) => h.deliverable)
      .map<Pickable>((h) => ({
        sku: h.sku,
        name: h.name,
        image: h.image,
        detail: _("wallet.basket.held", { count: h.quantity }),
        max: h.quantity - inBasket(h.sku),
      })),
  };
}

export function ProductPicker({
  type,
  basket,
  onAdd,
  busy,
}: {
  type: WalletBasketType;
  basket: WalletBasket | undefined;
  onAdd: (sku: string) => void;
  busy: boolean;
}) {
  const { _ } = useLingui();
  const { items, isPending, isError, refetch } = usePickables(type, basket);
  return (
    <section aria-labelledby="wallet-pick" className="space-y-3">
      <h2 id="wallet-pick" className="text-lg font-semibold text-text">
        {type === "buy" ? _("wallet.basket.pickBuy") : _("wallet.basket.pickHeld")}
      </h2>
      {isPending ? (
        <div aria-hidden="true" className="space-y-2">
          {[0, 1, 2].map((n) => (
            <Skeleton key={n} className="h-16 w-full rounded-card" />
          ))}
        </div>
      ) : isError ? (
        <div role="alert" className={card}>
          <p>{_("wallet.basket.pickError")}</p>
          <Button variant="secondary" className="mt-3" onClick={() => void refetch()}>
            {_("error.retry")}
          </Button>
        </div>
      ) : items.length === 0 ? (
        <p className={cn(card, "text-text-muted")}>{_("wallet.basket.nothingHeld")}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item) => (
            <li key={item.sku} className={cn(card, "flex items-center gap-3 p-3 md:p-3")}>
              <ProductThumb src={item.image} size={48} />
              <div className="min-w-0 flex-1">
                <p className="font-medium text-text">{item.name}</p>
                <p className="price text-sm text-text-muted">{item.detail}</p>
              </div>
              <Button
                variant="secondary"
                className="shrink-0 px-4"
                onClick={() => onAdd(item.sku)}
                disabled={busy || item.max <= 0}
                aria-label={_("wallet.basket.addNamed", { name: item.name })}
              >
                {_("wallet.basket.add")}
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
