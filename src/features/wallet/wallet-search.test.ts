import { describe, expect, it } from "vitest";
import { parseWalletSearch, walletSearchString } from "./wallet-search";

describe("wallet history search", () => {
  it("reads the tx type and page, ignoring what the contract does not allow", () => {
    expect(parseWalletSearch(new URLSearchParams("tx=sell&page=3"))).toEqual({
      txType: "sell",
      page: 3,
    });
    expect(parseWalletSearch(new URLSearchParams("tx=refund&page=-2"))).toEqual({ page: 1 });
    expect(parseWalletSearch(new URLSearchParams("page=1.5"))).toEqual({ page: 1 });
  });

  it("writes short canonical URLs that read back the same", () => {
    expect(walletSearchString({ page: 1 })).toBe("");
    expect(walletSearchString({ txType: "delivery", page: 2 })).toBe("?tx=delivery&page=2");
    const search = { txType: "buy" as const, page: 4 };
    expect(parseWalletSearch(new URLSearchParams(walletSearchString(search)))).toEqual(search);
  });
});
