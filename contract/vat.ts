import { round2 } from "./money.ts";

/**
 * VAT on the shop's products: the one home of the rule, for the proxy, the shop and the sandbox.
 *
 * inferred: Minted's Product (minted-api.md §6.2) carries no tax rate; only a basket line does
 * (`tax_rate`, `tax`), and that line is the truth once a product is in a basket. Before that the
 * shop applies Turkish VAT as it reads the law: investment gold of 995‰ fineness and above is
 * exempt; everything else (coins under 995‰, silver, platinum, palladium) pays 20 %. Gold whose
 * fineness Minted's answer does not give pays 20 % (the shelf errs high, never low).
 */
export function inferredVatRate(metal: string, purity: number | null): number {
  return metal === "gold" && purity !== null && purity >= 995 ? 0 : 20;
}

/** The VAT on a net amount at `rate` percent, to the cent as Minted rounds a basket line. */
export function vatOf(net: number, rate: number): number {
  return round2((net * rate) / 100);
}

/** A net amount with its VAT: what a basket line of that net amount costs (Minted's row total). */
export function withVat(net: number, rate: number): number {
  return round2(net + vatOf(net, rate));
}
