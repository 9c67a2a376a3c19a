import { useLingui } from "@lingui/react";
import { useEffect, useRef } from "react";
import type { DigitalOrder, DigitalQuote } from "../../../contract/digital";
import { Button, ButtonLink } from "../../components/button-link";
import { cn } from "../../components/class-names";
import { CheckIcon } from "../../components/action-icons";
import { formatMoney, formatNumber } from "../../i18n/format";
import { metalLabel } from "../catalog";
import { round2 } from "../../../contract/money";

/** The trade page's parts: a choice of options, the quote's facts, and the placed order. */

export function Choice<T extends string>({
  legend,
  name,
  options,
  value,
  onChange,
}: {
  legend: string;
  name: string;
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="min-w-0">
      <legend className="text-sm font-medium text-text-muted">{legend}</legend>
      <div className="mt-1.5 flex flex-wrap gap-2">
        {options.map((option) => {
          const checked = option.value === value;
          return (
            <label
              key={option.value}
              className={cn(
                "relative inline-flex min-h-12 flex-1 cursor-pointer items-center justify-center gap-2 rounded-control border px-3 text-sm font-semibold whitespace-nowrap has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-primary",
                checked
                  ? "border-primary bg-primary-soft text-primary"
                  : "border-border bg-surface-raised text-text hover:border-border-strong",
              )}
            >
              <input
                type="radio"
                name={name}
                value={option.value}
                checked={checked}
                onChange={() => onChange(option.value)}
                className="absolute inset-0 cursor-pointer appearance-none rounded-control outline-none"
              />
              {checked ? <CheckIcon aria-hidden="true" className="size-4" /> : null}
              {option.label}
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}

export function useMoney() {
  const { i18n } = useLingui();
  return (amount: number) => formatMoney(amount, "TRY", i18n.locale);
}

export function useGrams() {
  const { _, i18n } = useLingui();
  return (grams: number) => _("wallet.grams", { grams: formatNumber(grams, i18n.locale, 4) });
}

/**
 * Where the money of a digital trade comes from and goes to, and the TL balance after it. The
 * Partner API's buy without a card is paid from the customer's cash (TL) balance and a sell is
 * paid into it (inferred from minted-api.md §3.2: a card-less Buy is `payment_type: "cash"`).
 */
export function cashAfter(
  side: DigitalQuote["side"],
  amount: number,
  cash: number | null,
): number | null {
  return cash === null ? null : round2(cash + (side === "buy" ? -amount : amount));
}

export function QuoteFacts({ quote, cash }: { quote: DigitalQuote; cash: number | null }) {
  const { _ } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  const after = cashAfter(quote.side, quote.amount, cash);
  const rows: [string, string][] = [
    [_("wallet.trade.quantity"), grams(quote.grams)],
    [_("wallet.trade.unitPrice"), _("wallet.trade.perGram", { price: money(quote.unitPrice) })],
    [
      quote.side === "buy" ? _("wallet.trade.youPay") : _("wallet.trade.youGet"),
      money(quote.amount),
    ],
    [_("wallet.chargedCurrency"), _("wallet.currency.try")],
    quote.side === "buy"
      ? [_("wallet.trade.paidFrom"), _("wallet.trade.cashWallet")]
      : [_("wallet.trade.paidInto"), _("wallet.trade.cashWallet")],
    ...(after === null ? [] : [[_("wallet.trade.cashAfter"), money(after)] as [string, string]]),
  ];
  return (
    <dl className="space-y-2">
      {rows.map(([label, value], index) => (
        <div
          key={label}
          className={cn(
            "flex items-baseline justify-between gap-4",
            index === 2 ? "text-lg font-semibold text-text" : "text-text-muted",
          )}
        >
          <dt>{label}</dt>
          <dd className="text-right price text-text">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The placed order; `cash` is the TL balance read after it (undefined while it is read again). */
export function TradeResult({
  order,
  cash,
  onAgain,
}: {
  order: DigitalOrder;
  cash: number | null | undefined;
  onAgain: () => void;
}) {
  const { _, i18n } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const metal = _(metalLabel[order.metal]);
  return (
    <section
      aria-labelledby="trade-result"
      className="rounded-card border-2 border-success bg-surface-raised p-5 shadow-card"
    >
      <h2
        id="trade-result"
        ref={heading}
        tabIndex={-1}
        className="text-lg font-semibold text-text outline-none"
      >
        {order.side === "buy"
          ? _("wallet.trade.bought", { grams: grams(order.grams), metal })
          : _("wallet.trade.sold", { grams: grams(order.grams), metal })}
      </h2>
      <dl className="mt-4 space-y-2 text-text-muted">
        <div className="flex justify-between gap-4">
          <dt>{_("wallet.trade.orderCode")}</dt>
          <dd className="price break-all text-text">{order.orderCode}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt>{order.side === "buy" ? _("wallet.trade.paid") : _("wallet.trade.received")}</dt>
          <dd className="price text-text">{money(order.amount)}</dd>
        </div>
        <div className="flex justify-between gap-4">
          <dt>{order.side === "buy" ? _("wallet.trade.paidFrom") : _("wallet.trade.paidInto")}</dt>
          <dd className="text-right text-text">{_("wallet.trade.cashWallet")}</dd>
        </div>
        {cash !== null ? (
          <div className="flex justify-between gap-4">
            <dt>{_("wallet.trade.cashNow")}</dt>
            <dd className="price text-text" aria-busy={cash === undefined || undefined}>
              {cash === undefined ? _("wallet.trade.cashUpdating") : money(cash)}
            </dd>
          </div>
        ) : null}
        <div className="flex justify-between gap-4">
          <dt>{_("wallet.trade.unitPrice")}</dt>
          <dd className="price text-text">
            {_("wallet.trade.perGram", {
              price: formatMoney(order.unitPrice, order.currency, i18n.locale),
            })}
          </dd>
        </div>
      </dl>
      <div className="mt-5 flex flex-col gap-2">
        <ButtonLink to={`/orders/${encodeURIComponent(order.orderCode)}/invoice`}>
          {_("wallet.trade.invoice")}
        </ButtonLink>
        <ButtonLink to="/wallet" variant="secondary">
          {_("wallet.trade.toWallet")}
        </ButtonLink>
        <Button variant="quiet" onClick={onAgain}>
          {_("wallet.trade.again")}
        </Button>
      </div>
    </section>
  );
}
