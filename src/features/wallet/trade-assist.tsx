import { useLingui } from "@lingui/react";
import { useQuery } from "@tanstack/react-query";
import type { Metal } from "../../../contract/common";
import type { DigitalSide } from "../../../contract/digital";
import { Button } from "../../components/button-link";
import { useMetalQuote, usePricesCurrency } from "../../domain/prices/live-prices";
import { metalLabel } from "../catalog";
import { allOf, type Mode, type TradeCheck, type TradeHolding } from "./trade-form-rules";
import { useGrams, useMoney } from "./trade-views";
import { walletQueryOptions } from "./wallet-queries";

/**
 * What the trade form knows while the customer types: the grams and TL they hold, amount
 * shortcuts, the live estimate at the current price, and the refusal of a sell they cannot make.
 */

/** The customer's holding of `metal` and the live price per gram for `side`. */
export function useTradeHolding(metal: Metal, side: DigitalSide) {
  const wallet = useQuery(walletQueryOptions());
  const quote = useMetalQuote(metal);
  const currency = usePricesCurrency();
  const data = wallet.data;
  const holding: TradeHolding = {
    grams: data ? (data.metals.find((m) => m.metal === metal)?.digitalGrams ?? 0) : null,
    cash: data ? data.cash : null,
    // Live prices in another display currency cannot estimate a TL trade.
    price: quote && currency === "TRY" ? (side === "buy" ? quote.ask : quote.bid) : null,
  };
  return { holding, wallet };
}

export function HoldingFacts({ metal, holding }: { metal: Metal; holding: TradeHolding }) {
  const { _ } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  if (holding.grams === null) return null;
  return (
    <dl className="grid grid-cols-2 gap-3 rounded-control bg-surface-sunken p-3 text-sm">
      <div>
        <dt className="text-text-muted">
          {_("wallet.trade.heldMetal", { metal: _(metalLabel[metal]) })}
        </dt>
        <dd className="price font-semibold text-text">{grams(holding.grams)}</dd>
      </div>
      {holding.cash !== null ? (
        <div>
          <dt className="text-text-muted">{_("wallet.trade.heldCash")}</dt>
          <dd className="price font-semibold text-text">{money(holding.cash)}</dd>
        </div>
      ) : null}
    </dl>
  );
}

const SHORTCUTS = [500, 1000, 5000] as const;

export function AmountShortcuts({
  side,
  holding,
  onPick,
}: {
  side: DigitalSide;
  holding: TradeHolding;
  onPick: (mode: Mode, value: number) => void;
}) {
  const { _ } = useLingui();
  const money = useMoney();
  const all = allOf(side, holding);
  return (
    <div role="group" aria-label={_("wallet.trade.shortcuts")} className="flex flex-wrap gap-2">
      {SHORTCUTS.map((amount) => (
        <Button
          key={amount}
          variant="secondary"
          className="min-h-11 flex-1 px-2 text-sm"
          onClick={() => onPick("amount", amount)}
        >
          {money(amount).replace(/[,.]00$/, "")}
        </Button>
      ))}
      <Button
        variant="secondary"
        className="min-h-11 flex-1 px-2 text-sm"
        disabled={all === null}
        onClick={() => all && onPick(all.mode, all.value)}
      >
        {side === "sell" ? _("wallet.trade.sellAll") : _("wallet.trade.buyAll")}
      </Button>
    </div>
  );
}

/** The live estimate, or the refusal with the way out ("sell all"). */
export function TradeEstimate({
  id,
  side,
  check,
  holding,
  onSellAll,
}: {
  id: string;
  side: DigitalSide;
  check: TradeCheck;
  holding: TradeHolding;
  onSellAll: () => void;
}) {
  const { _ } = useLingui();
  const money = useMoney();
  const grams = useGrams();
  if (check.problem === "oversell" && holding.grams !== null)
    return (
      <div id={id} role="alert" className="mt-2 space-y-2 text-sm text-danger">
        <p>{_("wallet.trade.oversellHeld", { grams: grams(holding.grams) })}</p>
        {holding.grams > 0 ? (
          <Button variant="secondary" className="w-full" onClick={onSellAll}>
            {_("wallet.trade.sellAllOf", { grams: grams(holding.grams) })}
          </Button>
        ) : null}
      </div>
    );
  if (check.problem === "overspend" && holding.cash !== null)
    return (
      <p id={id} role="alert" className="mt-2 text-sm text-danger">
        {_("wallet.trade.overspendHeld", { cash: money(holding.cash) })}
      </p>
    );
  if (check.grams === null || check.amount === null)
    return <p id={id} aria-live="polite" className="sr-only" />;
  return (
    <p id={id} aria-live="polite" className="mt-2 text-sm text-text-muted">
      {side === "buy"
        ? _("wallet.trade.estimateBuy", { grams: grams(check.grams), total: money(check.amount) })
        : _("wallet.trade.estimateSell", { grams: grams(check.grams), total: money(check.amount) })}
    </p>
  );
}
