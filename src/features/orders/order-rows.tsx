import { useLingui } from "@lingui/react";
import { Link } from "react-router";
import type { OrderSummary } from "../../../contract/orders";
import { Skeleton } from "../../components/skeleton";
import { formatMoney, formatNumber } from "../../i18n/format";
import { summarizeItems } from "./items-summary";
import { ChevronRightIcon } from "./order-icons";
import { formatOrderTime } from "./order-format";
import { OrderStatusBadge } from "./order-status-badge";
import { ProductThumb } from "../../components/product-thumb";

/** One order in the history (what it holds, its state, its total), and its placeholder. */

function ItemsLine({ order }: { order: OrderSummary }) {
  const { _, i18n } = useLingui();
  const summary = summarizeItems(order);
  if (!summary) return null;
  const quantity = summary.grams
    ? _("orders.row.grams", { grams: formatNumber(summary.quantity, i18n.locale, 3) })
    : String(summary.quantity);
  return (
    <p className="mt-1 line-clamp-2 text-sm text-text-muted">
      {_("orders.row.items", { quantity, name: summary.name, more: summary.more })}
    </p>
  );
}

export function OrderRow({ order }: { order: OrderSummary }) {
  const { _, i18n } = useLingui();
  const image = order.items[0]?.image;
  return (
    <li className="relative flex gap-3 rounded-card border border-border bg-surface-raised p-4 shadow-card transition-colors has-[a:hover]:border-border-strong">
      {image ? (
        <ProductThumb src={image} size={48} />
      ) : (
        <div
          aria-hidden="true"
          className="size-12 shrink-0 rounded-control border border-border bg-surface-sunken"
        />
      )}
      <div className="min-w-0 flex-1">
        <h3 className="price font-semibold break-all text-text">
          {/* The whole card is the link's target; its name stays the order code. */}
          <Link
            to={`/orders/${encodeURIComponent(order.code)}`}
            className="outline-none after:absolute after:inset-0 after:rounded-card focus-visible:after:outline-2 focus-visible:after:outline-offset-2 focus-visible:after:outline-primary"
          >
            {order.code}
          </Link>
        </h3>
        {order.orderedAt ? (
          <p className="text-sm text-text-muted">
            <time dateTime={order.orderedAt}>{formatOrderTime(order.orderedAt, i18n.locale)}</time>
          </p>
        ) : null}
        <ItemsLine order={order} />
        <div className="mt-2.5 flex flex-wrap items-center justify-between gap-x-3 gap-y-1">
          <OrderStatusBadge status={order.status} />
          <p className="price text-lg font-semibold text-text">
            <span className="sr-only">{_("orders.row.total")} </span>
            {formatMoney(order.total, order.currency, i18n.locale)}
          </p>
        </div>
      </div>
      <ChevronRightIcon className="-mr-1 size-5 shrink-0 self-center text-text-muted" />
    </li>
  );
}

export function RowSkeleton() {
  return (
    <li className="flex gap-3 rounded-card border border-border bg-surface-raised p-4 shadow-card">
      <Skeleton className="size-12 shrink-0 rounded-control" />
      <div className="flex-1 space-y-2">
        <div className="flex justify-between gap-2">
          <Skeleton className="h-4 w-36" />
          <Skeleton className="h-4 w-20" />
        </div>
        <Skeleton className="h-3 w-28" />
        <Skeleton className="h-3.5 w-44" />
        <Skeleton className="mt-3 h-7 w-28 rounded-full" />
      </div>
    </li>
  );
}
