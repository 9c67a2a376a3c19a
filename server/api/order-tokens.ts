import { z } from "zod";
import type { KeyValueStore, Logger } from "../deps.ts";
import type { UpstreamEcomOrder } from "../../minted/schemas/orders.ts";

/**
 * Order code (Minted's increment_id) → cart token, per customer, in the shared store. Minted reads
 * one order only by its cart token (Get Order (E-Com)); by code it can only be searched for in the
 * customer's Get Orders pages, which grow with the history. So the proxy keeps every token it
 * learns (checkout, the orders list, the checkout return page, a fallback scan) and an order view
 * costs one upstream call instead of a scan.
 *
 * The entry is a hint, never an authority: whoever reads it still checks the order Minted returns
 * (its customer and its code), so a stale or wrong entry costs a call, never a leak.
 */

/**
 * 400 days: longer than a year, so that last year's order looked up again around its anniversary
 * (the yearly tax return, a warranty claim) is still a hit, and longer than the checkout record's
 * year. Every listing writes the entries again, so a customer who opens the orders page keeps them
 * alive; a missing entry only costs the bounded fallback scan.
 */
export const ORDER_TOKEN_TTL_SECONDS = 400 * 24 * 3600;

/** What the store holds is read back as untrusted text (Redis may hold anything). */
const tokenSchema = z.string().min(1).max(256);

/** The store key of `customer`'s order `code` (exported for tests that plant a wrong entry). */
export const orderTokenKey = (customer: string, code: string): string =>
  // Encoded so that no pair of customer id and code can spell another pair's key.
  `order-token:${encodeURIComponent(customer)}:${encodeURIComponent(code)}`;
const keyOf = orderTokenKey;

/** The remembered cart token of `customer`'s order `code`, or null. */
export async function readOrderToken(
  store: KeyValueStore,
  customer: string,
  code: string,
): Promise<string | null> {
  const raw = await store.get(keyOf(customer, code));
  if (raw === null) return null;
  const parsed = tokenSchema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export async function forgetOrderToken(
  store: KeyValueStore,
  customer: string,
  code: string,
): Promise<void> {
  await store.delete(keyOf(customer, code));
}

/**
 * Remembers the tokens of `orders` that are `customer`'s (rows of someone else are skipped, so a
 * token is only ever filed under its own customer). The writes run in parallel (node-redis
 * pipelines commands issued together, so a page of 30 rows is one round trip) and never fail the
 * caller: a lost entry only means a scan later, so failures are logged, not thrown.
 */
export async function rememberOrderTokens(
  store: KeyValueStore,
  logger: Logger,
  customer: string,
  orders: readonly Pick<UpstreamEcomOrder, "increment_id" | "token" | "customer">[],
): Promise<void> {
  const own = orders.filter((o) => o.customer?.external_id === customer && o.token);
  if (own.length === 0) return;
  const results = await Promise.allSettled(
    own.map((o) => store.set(keyOf(customer, o.increment_id), o.token, ORDER_TOKEN_TTL_SECONDS)),
  );
  const errors = results.flatMap((r): unknown[] => (r.status === "rejected" ? [r.reason] : []));
  if (errors.length > 0)
    logger.warn("order tokens: store write failed", {
      failed: errors.length,
      of: own.length,
      err: errors[0] instanceof Error ? errors[0].message : String(errors[0]),
    });
}
