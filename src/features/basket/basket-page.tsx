import { useLingui } from "@lingui/react";
import { useIsMutating, useQuery } from "@tanstack/react-query";
import { useRef } from "react";
import type { Basket, BasketItem } from "../../../contract/basket";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { EmptyState } from "../../components/empty-state";
import { FeeSummary } from "../../components/fee-summary";
import { AlertIcon, BagIcon } from "../../components/icons";
import { PageHeader } from "../../components/page-header";
import { Skeleton } from "../../components/skeleton";
import { formatGrams, formatMoney } from "../../i18n/format";
import { useDisplayMoney } from "../../domain/prices/display-currency";
import { ChargedMoney } from "../../domain/prices/money";
import { lineWithVat, unitWithVat } from "../../domain/prices/shelf-price";
import { PlusIcon, TrashIcon } from "../../components/action-icons";
import { MinusIcon } from "./basket-icons";
import {
  useBasketQuantity,
  useClearBasket,
  useRemoveFromBasket,
  useResumeBasket,
} from "./basket-mutations";
import { basketKeys, basketQueryOptions, incompleteBasketsQueryOptions } from "./basket-queries";
import { ProductThumb } from "../../components/product-thumb";

type Money = (amount: number) => string;

/** Line prices in the display currency (approximate when converted from the TRY charge). */
function useMoney(currency: string): Money {
  const { _, i18n } = useLingui();
  const display = useDisplayMoney();
  return (amount) =>
    currency === "TRY" && display.converted
      ? _("money.approx", { amount: display.format(amount) })
      : formatMoney(amount, currency, i18n.locale);
}

/** Beside the TRY breakdown: the total in the display currency and what is charged. */
function DisplayTotal({ basket }: { basket: Basket }) {
  const { _ } = useLingui();
  const display = useDisplayMoney();
  if (!display.converted) return null;
  return (
    <div className="mt-3 rounded-control bg-surface-sunken p-3 text-sm text-text-muted">
      <p className="flex items-baseline justify-between gap-4">
        <span>{_("basket.totals.displayTotal", { currency: display.currency })}</span>
        <span className="price font-semibold text-text" data-testid="display-total">
          {_("money.approx", { amount: display.format(basket.totals.total) })}
        </span>
      </p>
      <p className="mt-1">{_("money.chargeNotice", { currency: display.currency })}</p>
    </div>
  );
}

const stepButton =
  "grid size-12 place-items-center rounded-control text-primary transition-colors hover:bg-primary-soft active:bg-primary-soft disabled:text-border-strong disabled:hover:bg-transparent";

function QuantityStepper({
  item,
  onChange,
}: {
  item: BasketItem;
  onChange: (quantity: number) => void;
}) {
  const { _, i18n } = useLingui();
  const digital = item.type === "digital";
  const quantityText = digital ? formatGrams(item.quantity, i18n.locale) : String(item.quantity);
  return (
    <div
      role="group"
      aria-label={_("basket.line.quantityGroup", { name: item.name })}
      className="inline-flex items-center rounded-control border border-border bg-surface-raised"
    >
      <button
        type="button"
        className={stepButton}
        aria-label={_("basket.line.decrease", { name: item.name })}
        disabled={item.quantity <= 1}
        onClick={() => onChange(item.quantity - 1)}
      >
        <MinusIcon />
      </button>
      <span className="min-w-10 px-1 text-center price font-semibold text-text">
        <span className="sr-only">{_("basket.line.quantity")} </span>
        {quantityText}
      </span>
      <button
        type="button"
        className={stepButton}
        aria-label={_("basket.line.increase", { name: item.name })}
        disabled={item.quantity >= item.maxQuantity}
        onClick={() => onChange(item.quantity + 1)}
      >
        <PlusIcon />
      </button>
    </div>
  );
}

function BasketLine({
  item,
  money,
  onQuantity,
  onRemove,
}: {
  item: BasketItem;
  money: Money;
  onQuantity: (quantity: number) => void;
  onRemove: () => void;
}) {
  const { _ } = useLingui();
  return (
    <li className="flex gap-3 py-4 first:pt-0 last:pb-0 md:gap-4">
      <ProductThumb src={item.image} size={80} />
      <div className="flex min-w-0 flex-1 flex-col gap-2">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <h2 className="leading-snug font-semibold text-text">{item.name}</h2>
            <p className="mt-0.5 text-sm text-text-muted">
              {_("basket.line.unitPrice", { price: money(unitWithVat(item)) })}
            </p>
          </div>
          <button
            type="button"
            onClick={onRemove}
            aria-label={_("basket.line.remove", { name: item.name })}
            className="-mt-2 -mr-2 grid size-12 shrink-0 place-items-center rounded-control text-text-muted hover:bg-surface-sunken hover:text-danger"
          >
            <TrashIcon />
          </button>
        </div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <QuantityStepper item={item} onChange={onQuantity} />
          <p className="text-right price font-semibold text-text">
            <span className="sr-only">{_("basket.line.total")} </span>
            {money(lineWithVat(item))}
          </p>
        </div>
      </div>
    </li>
  );
}

function Totals({ basket, updating }: { basket: Basket; updating: boolean }) {
  const { _ } = useLingui();
  return (
    <section
      aria-labelledby="basket-totals"
      aria-busy={updating}
      className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-6"
    >
      <div className="flex items-baseline justify-between gap-2">
        <h2 id="basket-totals" className="font-semibold text-text">
          {_("basket.totals.title")}
        </h2>
        {updating ? (
          <span className="text-sm text-text-muted">{_("basket.totals.updating")}</span>
        ) : null}
      </div>
      <div className="mt-3">
        <FeeSummary
          totals={basket.totals}
          fees={basket.fees}
          currency={basket.currency}
          updating={updating}
        />
      </div>
      <DisplayTotal basket={basket} />
      {basket.estimated ? (
        <p className="mt-3 text-sm text-text-muted">{_("basket.totals.estimated")}</p>
      ) : null}
    </section>
  );
}

function ClearBasket({ onConfirm }: { onConfirm: () => void }) {
  const { _ } = useLingui();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <Button variant="quiet" className="text-danger" onClick={() => dialog.current?.showModal()}>
        {_("basket.clear.action")}
      </Button>
      <dialog
        ref={dialog}
        aria-labelledby="basket-clear-title"
        aria-describedby="basket-clear-body"
        className="backdrop:bg-black/50 m-auto w-[min(24rem,calc(100vw-2rem))] rounded-card border border-border bg-surface-raised p-6 text-text shadow-card"
      >
        <h2 id="basket-clear-title" className="text-lg font-semibold">
          {_("basket.clear.title")}
        </h2>
        <p id="basket-clear-body" className="mt-2 text-text-muted">
          {_("basket.clear.body")}
        </p>
        <form
          method="dialog"
          className="mt-6 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end"
        >
          <Button variant="secondary" type="submit">
            {_("basket.clear.cancel")}
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              dialog.current?.close();
              onConfirm();
            }}
          >
            {_("basket.clear.confirm")}
          </Button>
        </form>
      </dialog>
    </>
  );
}

function ResumeOffer() {
  const { _, i18n } = useLingui();
  const { data } = useQuery(incompleteBasketsQueryOptions());
  const resume = useResumeBasket();
  const offer = data?.baskets[0];
  if (!offer) return null;
  return (
    <section
      aria-labelledby="basket-resume"
      className="mb-4 rounded-card border border-primary/30 bg-primary-soft p-4 text-text"
    >
      <h2 id="basket-resume" className="font-semibold">
        {_("basket.resume.title")}
      </h2>
      <p className="mt-1 text-sm text-text-muted">
        {_("basket.resume.body", {
          count: offer.itemCount,
          names: offer.preview.join(", "),
          total: formatMoney(offer.total, offer.currency, i18n.locale),
        })}
      </p>
      <Button
        className="mt-3 w-full sm:w-auto"
        disabled={resume.isPending}
        onClick={() => resume.mutate(offer.id)}
      >
        {_("basket.resume.action")}
      </Button>
    </section>
  );
}

function BasketSkeleton() {
  const { _ } = useLingui();
  return (
    <div
      role="status"
      aria-label={_("basket.loading")}
      className="grid gap-4 md:grid-cols-[1fr_22rem]"
    >
      <div className="space-y-4 rounded-card border border-border bg-surface-raised p-4">
        {[0, 1].map((i) => (
          <div key={i} className="flex gap-3">
            <Skeleton className="size-20 rounded-control" />
            <div className="flex-1 space-y-2">
              <Skeleton className="h-5 w-3/4 rounded" />
              <Skeleton className="h-4 w-1/3 rounded" />
              <Skeleton className="h-12 w-36 rounded-control" />
            </div>
          </div>
        ))}
      </div>
      <Skeleton className="h-56 rounded-card" />
    </div>
  );
}

function BasketError({ onRetry, retrying }: { onRetry: () => void; retrying: boolean }) {
  const { _ } = useLingui();
  return (
    <EmptyState
      icon={<AlertIcon />}
      title={_("basket.error.loadTitle")}
      body={_("basket.error.loadBody")}
      actions={
        <Button onClick={onRetry} disabled={retrying}>
          {_("error.retry")}
        </Button>
      }
    />
  );
}

function FilledBasket({ basket }: { basket: Basket }) {
  const { _ } = useLingui();
  const money = useMoney(basket.currency);
  const { setQuantity, forget, pending } = useBasketQuantity();
  const remove = useRemoveFromBasket();
  const clear = useClearBasket();
  const mutating = useIsMutating({ mutationKey: basketKeys.all }) > 0;
  const updating = pending || mutating;

  return (
    <div className="grid gap-4 md:grid-cols-[1fr_22rem] md:items-start md:gap-6">
      <div className="rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-6">
        <ul aria-label={_("basket.lines")} className="divide-y divide-border">
          {basket.items.map((item) => (
            <BasketLine
              key={item.sku}
              item={item}
              money={money}
              onQuantity={(quantity) => setQuantity(item.sku, quantity)}
              onRemove={() => {
                forget(item.sku);
                remove.mutate(item.sku);
              }}
            />
          ))}
        </ul>
        <div className="mt-4 flex justify-end border-t border-border pt-2">
          <ClearBasket
            onConfirm={() => {
              forget();
              clear.mutate();
            }}
          />
        </div>
      </div>
      <div className="space-y-4 md:sticky md:top-24">
        <Totals basket={basket} updating={updating} />
        {/* Phones: the action sits above the tab bar, within thumb reach. */}
        <div className="fixed inset-x-0 bottom-[calc(var(--nav-height)+var(--safe-bottom))] z-20 keyboard-hide border-t border-border bg-surface-raised/95 px-4 py-3 backdrop-blur md:static md:border-0 md:bg-transparent md:p-0 md:backdrop-blur-none">
          <div className="mx-auto flex max-w-lg items-center gap-4 md:max-w-none">
            <div className="min-w-0 md:hidden">
              <p className="text-xs text-text-muted">{_("basket.totals.total")}</p>
              <p className={cn("price font-semibold text-text", updating && "opacity-60")}>
                <ChargedMoney amountTry={basket.totals.total} align="start" />
              </p>
            </div>
            <ButtonLink to="/checkout" className="flex-1 md:w-full">
              {_("basket.checkout")}
            </ButtonLink>
          </div>
        </div>
      </div>
      {/* Room for the fixed action bar on phones. */}
      <div aria-hidden="true" className="h-16 md:hidden" />
    </div>
  );
}

export function BasketPage() {
  const { _ } = useLingui();
  const basket = useQuery(basketQueryOptions());

  let content;
  if (basket.data) {
    content =
      basket.data.items.length > 0 ? (
        <FilledBasket basket={basket.data} />
      ) : (
        <EmptyState
          icon={<BagIcon />}
          title={_("basket.empty.title")}
          body={_("basket.empty.body")}
          actions={<ButtonLink to="/">{_("basket.empty.browse")}</ButtonLink>}
        />
      );
  } else if (basket.isError) {
    content = <BasketError onRetry={() => void basket.refetch()} retrying={basket.isFetching} />;
  } else {
    content = <BasketSkeleton />;
  }

  return (
    <>
      <PageHeader title={_("basket.title")} />
      <ResumeOffer />
      {content}
    </>
  );
}
