import { useLingui } from "@lingui/react";
import type { FeeLine } from "../../contract/common";
import type { OrderTotals } from "../../contract/orders";
import { round2 } from "../../contract/money";
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

/**
 * What a customer pays, as they read it: the items with their VAT, the VAT inside them, what is
 * added on top (shipping, insurance, …) and the total. Fees Minted has priced into the items
 * (`included`, e.g. its markup) are part of the item prices the customer already sees, so they are
 * not listed as if they were charged again.
 */
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
  const items = showVat ? round2(totals.subtotal + totals.vat) : totals.subtotal;
  return (
    <dl className={cn("space-y-2 transition-opacity", updating && "opacity-60")}>
      {showSubtotal ? (
        <TotalRow
          label={showVat ? _("basket.totals.subtotal") : _("basket.totals.items")}
          value={money(items)}
        />
      ) : null}
      {showVat ? (
        <div className="flex items-baseline justify-between gap-4 text-sm text-text-muted">
          <dt className="min-w-0 ps-3">{_("basket.totals.vat")}</dt>
          <dd className="shrink-0 text-right price whitespace-nowrap">{money(totals.vat)}</dd>
        </div>
      ) : null}
      {fees
        .filter((fee) => !fee.included)
        .map((fee) => (
          <TotalRow key={fee.kind} label={fee.label} value={money(fee.amount)} />
        ))}
      <div className="border-t border-border" />
      <TotalRow strong label={totalLabel ?? _("basket.totals.total")} value={money(totals.total)} />
    </dl>
  );
}
