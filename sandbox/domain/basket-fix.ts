import { isoIstanbul } from "./clock.ts";
import { PRODUCTS } from "./catalog.ts";
import type { SandboxContext } from "../context.ts";
import { unitPrice } from "./pricing.ts";
import { token } from "./random.ts";
import type { BasketFix, FixedUnit } from "./state.ts";

/** Fix every product's unit price for `pricefixTtl` seconds under a new price token. */
export function newFix(ctx: SandboxContext, updated = false): BasketFix {
  const now = ctx.clock.now();
  const units = new Map<string, FixedUnit>();
  for (const p of PRODUCTS) {
    const u = unitPrice(p, ctx.prices);
    units.set(p.sku, {
      spot: u.spot,
      markup: u.markup,
      minting: u.minting,
      price: u.price,
      bid: u.bid,
    });
  }
  return {
    priceToken: token(32),
    fixedAt: now,
    expiresAt: now + ctx.config.pricefixTtl * 1000,
    updated,
    units,
  };
}

/**
 * What every basket call does first: a basket with items whose fix has expired is re-priced
 * under a new token (`updated: true`); otherwise the fix stands (`updated: false`). An empty
 * basket keeps its expired fix, so `remaining` can be negative, as in Minted's examples.
 */
export function refreshFix(ctx: SandboxContext, fix: BasketFix, hasItems: boolean): BasketFix {
  if (hasItems && ctx.clock.now() > fix.expiresAt) return newFix(ctx, true);
  return { ...fix, updated: false };
}

export function isFixValid(ctx: SandboxContext, fix: BasketFix): boolean {
  return ctx.clock.now() <= fix.expiresAt;
}

/** The `pricefix` object of an Ecom Order / walletable basket. */
export function pricefixJson(ctx: SandboxContext, fix: BasketFix, frozenAt?: number) {
  const now = frozenAt ?? ctx.clock.now();
  return {
    remaining: Math.floor((fix.expiresAt - now) / 1000),
    nextUpdate: isoIstanbul(fix.expiresAt),
    updated: fix.updated,
    token: fix.priceToken,
  };
}
