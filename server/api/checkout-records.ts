import { z } from "zod";
import type { KeyValueStore } from "../deps.ts";

/**
 * What the proxy keeps about a checkout, keyed by order code (Minted's increment_id), for a year:
 * whose order it is, its cart token (Minted's Get Order needs it; the browser never sees it) and
 * the legal documents the customer accepted, as the proxy recorded them before the completion
 * (./consent.ts: upstream's versions, the proxy's clock; shown again on the receipt).
 */

export const CHECKOUT_RECORD_TTL_SECONDS = 365 * 24 * 3600;

const recordSchema = z.object({
  customer: z.string(),
  cartToken: z.string(),
  paymentType: z.enum(["card", "wallet"]),
  /** Card only; Minted's order does not say it (records older than this field have none). */
  installments: z.number().int().positive().optional(),
  legalAcceptances: z.array(
    z.object({ type: z.string(), version: z.string(), acceptedAt: z.string() }),
  ),
  savedAt: z.string(),
});
export type CheckoutRecord = z.output<typeof recordSchema>;

const keyOf = (orderCode: string) => `checkout:order:${orderCode}`;

export async function saveCheckoutRecord(
  store: KeyValueStore,
  orderCode: string,
  record: CheckoutRecord,
): Promise<void> {
  await store.set(keyOf(orderCode), JSON.stringify(record), CHECKOUT_RECORD_TTL_SECONDS);
}

/** The record of order `orderCode` if it belongs to `customer`; null otherwise. */
export async function readCheckoutRecord(
  store: KeyValueStore,
  orderCode: string,
  customer: string,
): Promise<CheckoutRecord | null> {
  const raw = await store.get(keyOf(orderCode));
  if (raw === null) return null;
  const parsed = recordSchema.safeParse(JSON.parse(raw));
  return parsed.success && parsed.data.customer === customer ? parsed.data : null;
}
