import { useLingui } from "@lingui/react";
import type { FeeLine } from "../../contract/common";
import type { OrderTotals } from "../../contract/orders";
import { formatMoney } from "../i18n/format";
import { cn } from "./class-names";

function TotalRow({
  label,
  value,
  strong = false,
}: {
  label: string;
  value: string;
  strong?: boolean;
}) {
  return (
    <div
      className={cn(
        "flex items-baseline justify-between gap-4",
        strong ? "pt-3 text-lg font-semibold text-text" : "text-text-muted",
      )}
    >
      <dt className="min-w-0">{label}</dt>
      <dd className="shrink-0 text-right price whitespace-nowrap text-text">{value}</dd>
    </div>
  );
}

export interface FeeSummaryProps {
  totals: OrderTotals;
  /** Every fee line upstream gave, in its order; `included` lines are part of the item prices. */
  fees: readonly FeeLine[];
  currency: string;
  /** Dims the figures while a change is on its way. */
  updating?: boolean;
  /** Label of the last row (defaults to "Total"). */
  totalLabel?: string;
  /** False where VAT is itself one of the fee lines (the metal wallet's "VAT on fees"). */
  showVat?: boolean;
  /** False where there is no subtotal to show (a wallet delivery: the metal is already paid for). */
  showSubtotal?: boolean;
}

/** Subtotal, VAT, every fee line and the total, as a description list. */
export function FeeSummary({
  totals,
  fees,
  currency,
  updating = false,
  totalLabel,
  showVat = true,
  showSubtotal = true,
}: FeeSummaryProps) {
  const { _, i18n } = useLingui();
  const money = (amount: number) => formatMoney(amount, currency, i18n.locale);
  return (
    <dl className={cn("space-y-2 transition-opacity", updating && "opacity-60")}>
      {showSubtotal ? (
        <TotalRow label={_("basket.totals.subtotal")} value={money(totals.subtotal)} />
      ) : null}
      {showVat ? <TotalRow label={_("basket.totals.vat")} value={money(totals.vat)} /> : null}
      {fees.map((fee) => (
        <TotalRow
          key={fee.kind}
          label={fee.label}
          value={
            fee.included
              ? _("basket.totals.included", { amount: money(fee.amount) })
              : money(fee.amount)
          }
        />
      ))}
      <div className="border-t border-border" />
      <TotalRow strong label={totalLabel ?? _("basket.totals.total")} value={money(totals.total)} />
    </dl>
  );
}
