import { useLingui } from "@lingui/react";
import type { Resolver } from "react-hook-form";
import type { Metal } from "../../../contract/common";
import {
  digitalQuoteBodySchema,
  type DigitalQuoteBody,
  type DigitalSide,
} from "../../../contract/digital";
import { issueMessage } from "../../../contract/issue-messages";
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

/**
 * The form's text as the contract's quote request, checked by the contract's own schema and
 * worded in the shop's language (as the address form does).
 */
export function useTradeResolver(): Resolver<TradeForm, unknown, DigitalQuoteBody> {
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
    const body = {
      metal: values.metal,
      side: values.side,
      currency: "TRY" as const,
      ...(values.mode === "grams" ? { grams: number } : { amount: number }),
    };
    const parsed = digitalQuoteBodySchema.safeParse(body, {
      error: (issue) => issueMessage(issue, lang),
    });
    if (parsed.success) return { values: parsed.data, errors: {} };
    const issue = parsed.error.issues[0];
    if (issue?.code === "too_small") return fail(_("wallet.trade.tooSmall"));
    return fail(issue?.message ?? _("wallet.trade.notNumber"));
  };
}
