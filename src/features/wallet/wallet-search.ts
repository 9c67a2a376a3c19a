import { walletBasketTypeSchema, type WalletBasketType } from "../../../contract/wallet";

/** What the wallet history's URL can say: `?tx=sell&page=2`. */
export interface WalletSearch {
  txType?: WalletBasketType;
  page: number;
}

/** Reads the history's search params; anything the contract does not allow is ignored. */
export function parseWalletSearch(params: URLSearchParams): WalletSearch {
  const txType = walletBasketTypeSchema.safeParse(params.get("tx"));
  const page = Number(params.get("page") ?? "1");
  return {
    ...(txType.success ? { txType: txType.data } : {}),
    page: Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1,
  };
}

/** The search string for a history state (defaults left out, so URLs stay short). */
export function walletSearchString(search: WalletSearch): string {
  const params = new URLSearchParams();
  if (search.txType) params.set("tx", search.txType);
  if (search.page > 1) params.set("page", String(search.page));
  const text = params.toString();
  return text ? `?${text}` : "";
}
