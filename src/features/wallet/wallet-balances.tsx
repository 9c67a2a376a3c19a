import { useLingui } from "@lingui/react";
import type { Wallet } from "../../../contract/wallet";
import { cn } from "../../components/class-names";
import { ProductThumb } from "../../components/product-thumb";
import { formatMoney, formatNumber } from "../../i18n/format";
import { metalLabel } from "../catalog";

/** The wallet's balances: the total with the TL cash, and each metal with its holdings. */

export const card = "rounded-card border border-border bg-surface-raised p-4 shadow-card md:p-5";

function useFormat() {
  const { _, i18n } = useLingui();
  return {
    money: (amount: number) => formatMoney(amount, "TRY", i18n.locale),
    grams: (grams: number) => _("wallet.grams", { grams: formatNumber(grams, i18n.locale, 4) }),
  };
}

/** "+₺1.200,00 (+%3,1)" / "−₺200,00 (−%5)": a signed amount and percent. */
function useProfit() {
  const { i18n } = useLingui();
  return (profit: number, pct: number | null) => {
    const sign = profit > 0 ? "+" : profit < 0 ? "−" : "";
    const amount = formatMoney(Math.abs(profit), "TRY", i18n.locale);
    if (pct === null) return `${sign}${amount}`;
    const n = formatNumber(Math.abs(pct), i18n.locale, 2);
    return `${sign}${amount} (${sign}${i18n.locale === "tr" ? `%${n}` : `${n}%`})`;
  };
}

/** One list: the total, the TL cash, then each metal with its holdings inside it. */
export function Balances({ wallet }: { wallet: Wallet }) {
  const { _ } = useLingui();
  const { money, grams } = useFormat();
  const profit = useProfit();
  return (
    <section aria-labelledby="wallet-balances" className="space-y-3">
      <h2 id="wallet-balances" className="text-lg font-semibold text-text">
        {_("wallet.balances.title")}
      </h2>
      <div className={card}>
        <p className="text-sm text-text-muted">{_("wallet.balances.totalValue")}</p>
        <p className="price text-2xl font-semibold text-text">{money(wallet.totalValue)}</p>
        <dl className="mt-3 grid grid-cols-2 gap-3 border-t border-border pt-3 text-sm">
          <div>
            <dt className="text-text-muted">{_("wallet.balances.metals")}</dt>
            <dd className="price font-semibold text-text">{money(wallet.metalsValue)}</dd>
          </div>
          {wallet.cash !== null ? (
            <div>
              <dt className="text-text-muted">{_("wallet.balances.cash")}</dt>
              <dd className="price font-semibold text-text">{money(wallet.cash)}</dd>
            </div>
          ) : null}
        </dl>
        <p className="mt-3 text-xs text-text-muted">{_("wallet.balances.valueNote")}</p>
      </div>
      <ul className="grid gap-3 md:grid-cols-2">
        {wallet.metals.map((m) => {
          const holdings = wallet.holdings.filter((h) => h.metal === m.metal);
          return (
            <li key={m.metal} className={card}>
              <div className="flex items-baseline justify-between gap-3">
                <h3 className="font-semibold text-text">{_(metalLabel[m.metal])}</h3>
                <p className="price text-xl font-semibold text-text">{money(m.value)}</p>
              </div>
              <p className="price text-text-muted">{grams(m.grams)}</p>
              {m.averageCost !== null ? (
                <div className="mt-3 space-y-1 text-sm">
                  <dl className="space-y-1">
                    <div className="flex justify-between gap-3">
                      <dt className="text-text-muted">{_("wallet.balances.averageCost")}</dt>
                      <dd className="price text-text">
                        {_("wallet.trade.perGram", { price: money(m.averageCost) })}
                      </dd>
                    </div>
                    {m.profit !== null ? (
                      <div className="flex justify-between gap-3">
                        <dt className="text-text-muted">{_("wallet.balances.profit")}</dt>
                        <dd
                          className={cn(
                            "price font-semibold",
                            m.profit > 0
                              ? "text-success"
                              : m.profit < 0
                                ? "text-danger"
                                : "text-text",
                          )}
                        >
                          {profit(m.profit, m.profitPct)}
                        </dd>
                      </div>
                    ) : null}
                  </dl>
                  <p className="text-xs text-text-muted">
                    {_("wallet.balances.costNote", { grams: grams(m.costGrams) })}
                  </p>
                </div>
              ) : (
                <p className="mt-3 text-xs text-text-muted">{_("wallet.balances.noCost")}</p>
              )}
              <ul className="mt-3 space-y-3 border-t border-border pt-3">
                {holdings.map((h) => (
                  <li key={h.sku} className="flex items-center gap-3">
                    <ProductThumb src={h.image} size={48} />
                    <div className="min-w-0 flex-1">
                      <p className="text-sm font-medium text-text">{h.name}</p>
                      <p className="text-xs text-text-muted">
                        {h.deliverable
                          ? _("wallet.holdings.units", { count: h.quantity, grams: grams(h.grams) })
                          : grams(h.grams)}
                        {" · "}
                        {h.deliverable
                          ? _("wallet.holdings.deliverable")
                          : _("wallet.holdings.digital")}
                      </p>
                    </div>
                    <span className="price text-sm font-semibold text-text">{money(h.value)}</span>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
