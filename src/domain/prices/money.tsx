import { useLingui } from "@lingui/react";
import { cn } from "../../components/class-names";
import { chargeCurrency } from "./currency-conversion";
import { useDisplayCurrency, useDisplayMoney } from "./display-currency";

/**
 * A TRY amount in the display currency. Converted amounts are marked approximate ("≈ $102.34");
 * the currency is always named by its sign or code.
 */
export function Money({ amountTry, className }: { amountTry: number; className?: string }) {
  const { _ } = useLingui();
  const money = useDisplayMoney();
  const text = money.format(amountTry);
  return (
    <span className={className} data-currency={money.currency}>
      {money.converted ? _("money.approx", { amount: text }) : text}
    </span>
  );
}

/**
 * At a confirmation point: the display amount and, when it is converted, the TRY amount that
 * will be charged ("≈ $123.45 — charged in TRY: ₺4.000,00"). In TRY it is just the amount.
 */
export function ChargedMoney({
  amountTry,
  className,
  align = "end",
}: {
  amountTry: number;
  className?: string;
  align?: "start" | "end";
}) {
  const { _ } = useLingui();
  const money = useDisplayMoney();
  if (!money.converted) return <span className={className}>{money.formatCharge(amountTry)}</span>;
  return (
    <span className={cn("inline-flex flex-col", align === "start" ? "items-start" : "items-end")}>
      <span className={className} data-currency={money.currency}>
        {_("money.approx", { amount: money.format(amountTry) })}
      </span>
      <span className="text-xs font-normal text-text-muted">
        {_("money.chargedIn", { amount: money.formatCharge(amountTry) })}
      </span>
    </span>
  );
}

/**
 * At checkout (amounts in TRY): when the customer browses in another currency, says plainly that
 * the charge is in TRY, so the switch from the displayed currency is never silent.
 */
export function ChargeCurrencyNote({ className }: { className?: string }) {
  const { _ } = useLingui();
  const chosen = useDisplayCurrency();
  if (chosen === chargeCurrency) return null;
  return (
    <p className={cn("text-sm text-text-muted", className)}>
      {_("money.checkoutNotice", { currency: chosen })}
    </p>
  );
}
