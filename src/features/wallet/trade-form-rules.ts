import { useLingui } from "@lingui/react";
import type { Resolver } from "react-hook-form";
import type { Metal } from "../../../contract/common";
import {
  digitalQuoteBodySchema,
  type DigitalQuoteBody,
  type DigitalSide,
} from "../../../contract/digital";
import { issueMessage } from "../../../contract/issue-messages";
import { round2 } from "../../../contract/money";
import { parseDecimal } from "./digital-quote";

/** The trade form's fields and its check: the text typed as the contract's quote request. */

export type Mode = "grams" | "amount";

export interface TradeForm {
  metal: Metal;
  side: DigitalSide;
  mode: Mode;
  value: string;
}

/** The fields in the order shown. */
export const TRADE_FIELDS = ["side", "metal", "mode", "value"] as const;

/** What the form knows of the customer and the market while they type (null: not known yet). */
export interface TradeHolding {
  /** Digital grams of the chosen metal held (what a digital sell can sell). */
  grams: number | null;
  /** Spendable TL in the wallet (what a digital buy is paid from). */
  cash: number | null;
  /** The live price per gram for the chosen side: the ask when buying, the bid when selling. */
  price: number | null;
}

/** What the typed request comes to at the live price, and whether the customer can afford it. */
export interface TradeCheck {
  grams: number | null;
  amount: number | null;
  /** `oversell`: more grams than held; `overspend`: more TL than the wallet holds. */
  problem: "oversell" | "overspend" | null;
}

const floor4 = (n: number) => Math.floor((n + 1e-9) * 10_000) / 10_000;

/**
 * The estimate and the holding check for a typed number. The grams an amount sells are the
 * proxy's rounding (down to 0.0001 g at the bid), so the estimate refuses what the quote would.
 */
export function checkTrade(
  side: DigitalSide,
  mode: Mode,
  value: number | undefined,
  holding: TradeHolding,
): TradeCheck {
  if (value === undefined || Number.isNaN(value) || value <= 0)
    return { grams: null, amount: null, problem: null };
  const { price } = holding;
  const grams = mode === "grams" ? value : price ? floor4(value / price) : null;
  const amount = mode === "amount" ? value : price ? round2(value * price) : null;
  let problem: TradeCheck["problem"] = null;
  if (side === "sell" && holding.grams !== null && grams !== null && grams > holding.grams)
    problem = "oversell";
  if (side === "buy" && holding.cash !== null && amount !== null && amount > holding.cash)
    problem = "overspend";
  return { grams, amount, problem };
}

function bodyOf(values: TradeForm, number: number) {
  return {
    metal: values.metal,
    side: values.side,
    currency: "TRY" as const,
    ...(values.mode === "grams" ? { grams: number } : { amount: number }),
  };
}

/**
 * The typed number when the contract would take it (undefined otherwise): the live estimate and
 * the holding check speak only of a request the form could send.
 */
export function typedNumber(values: TradeForm): number | undefined {
  const number = parseDecimal(values.value, values.mode === "amount");
  if (number === undefined || Number.isNaN(number)) return undefined;
  return digitalQuoteBodySchema.safeParse(bodyOf(values, number)).success ? number : undefined;
}

/** The value that trades everything held: all grams (sell) or the whole TL balance (buy). */
export function allOf(
  side: DigitalSide,
  holding: TradeHolding,
): { mode: Mode; value: number } | null {
  if (side === "sell") return holding.grams ? { mode: "grams", value: holding.grams } : null;
  return holding.cash ? { mode: "amount", value: Math.floor(holding.cash * 100) / 100 } : null;
}

/**
 * The form's text as the contract's quote request, checked by the contract's own schema and
 * the customer's holding (a sell of more than is held never reaches the proxy), worded in the
 * shop's language (as the address form does).
 */
export function useTradeResolver(
  holding: TradeHolding,
): Resolver<TradeForm, unknown, DigitalQuoteBody> {
  const { _, i18n } = useLingui();
  const lang = i18n.locale === "en" ? "en" : "tr";
  return (values) => {
    const number = parseDecimal(values.value, values.mode === "amount");
    const fail = (message: string) => ({
      values: {},
      errors: { value: { type: "validate", message } },
    });
    if (number === undefined)
      return fail(
        values.mode === "grams"
          ? _("wallet.trade.gramsRequired")
          : _("wallet.trade.amountRequired"),
      );
    if (Number.isNaN(number)) return fail(_("wallet.trade.notNumber"));
    const parsed = digitalQuoteBodySchema.safeParse(bodyOf(values, number), {
      error: (issue) => issueMessage(issue, lang),
    });
    if (parsed.success) {
      const { problem } = checkTrade(values.side, values.mode, number, holding);
      if (problem === "oversell") return fail(_("wallet.trade.oversell"));
      if (problem === "overspend") return fail(_("wallet.trade.overspend"));
      return { values: parsed.data, errors: {} };
    }
    const issue = parsed.error.issues[0];
    if (issue?.code === "too_small") return fail(_("wallet.trade.tooSmall"));
    return fail(issue?.message ?? _("wallet.trade.notNumber"));
  };
}
