import type { WalletBasketType } from "../../../contract/wallet";
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
