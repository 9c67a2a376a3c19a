import type { WalletBasketType } from "../../../contract/wallet";
import type { I18n } from "@lingui/core";
import { msg } from "../../i18n/i18n";

/** A wallet order's kind in words. */
export const walletTypeLabel: Record<WalletBasketType, ReturnType<typeof msg>> = {
  buy: msg("wallet.type.buy"),
  sell: msg("wallet.type.sell"),
  delivery: msg("wallet.type.delivery"),
};

/** A digital quick buy / sell (Partner API order) in the wallet history. */
export const digitalTypeLabel: Record<"buy" | "sell", ReturnType<typeof msg>> = {
  buy: msg("wallet.type.digitalBuy"),
  sell: msg("wallet.type.digitalSell"),
};

/**
 * The currency a wallet basket, order or receipt is charged in, in words with its code: the
 * catalog's wording for TRY and AED, the browser's name for any other code Minted sends.
 */
export function currencyLabel(code: string, i18n: I18n): string {
  if (code === "TRY") return i18n._("wallet.currency.try");
  if (code === "AED") return i18n._("wallet.currency.aed");
  let name: string | undefined;
  try {
    name = new Intl.DisplayNames([i18n.locale], { type: "currency" }).of(code);
  } catch {
    name = undefined;
  }
  return name && name !== code ? `${name} (${code})` : code;
}
