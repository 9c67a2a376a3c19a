import { z } from "zod";
import { metalSchema, orderStatusSchema } from "../../contract/common.ts";
import { digitalCurrencySchema, digitalSideSchema } from "../../contract/digital.ts";
import type { AppDeps, KeyValueStore } from "../deps.ts";
import { UpstreamError } from "../upstream/types.ts";

/**
 * The digital (Partner API) orders the proxy placed for each customer. Minted has no endpoint
 * that lists a customer's partner orders (only "get order" by external id), so the proxy keeps
 * its own record to show them in the wallet history. It lives in the shared store: with the
 * memory store as long as the proxy process, with Redis as long as Redis keeps it.
 *
 * Per customer a ring of `DIGITAL_RECORD_LIMIT` slots: an atomic counter picks the slot (so two
 * orders placed at once never overwrite each other), a set-if-absent marker per external id
 * keeps a replayed order from being recorded twice.
 *
 * Each record also keeps what Minted answered when the order was placed (`trade`), so the wallet's
 * cost basis (wallet-cost.ts) is read from the store without asking Minted again.
 */

export const DIGITAL_RECORD_LIMIT = 50;
/** About a year; each new order renews its own slot. */
export const DIGITAL_RECORD_TTL_SECONDS = 366 * 24 * 3600;

export const digitalRecordSchema = z.object({
  externalId: z.string(),
  orderCode: z.string(),
  side: digitalSideSchema,
  currency: digitalCurrencySchema,
  /** ISO 8601; the order's time as Minted answered it (or when it was recorded). */
  createdAt: z.string(),
  /**
   * Minted's answer at placement: the metal, the grams (the item's `amount`), what was paid (buy)
   * or received (sell) for them (the item's `total`, in `currency`) and the order's status then.
   * Absent in records written before it was kept.
   */
  trade: z
    .object({
      metal: metalSchema,
      grams: z.number(),
      amount: z.number(),
      status: orderStatusSchema,
    })
    .optional(),
});
export type DigitalRecord = z.output<typeof digitalRecordSchema>;

/** A record with the slot it is kept in (to forget it). */
export interface StoredDigitalRecord extends DigitalRecord {
  slot: number;
}

const prefix = (customer: string) => `digital:orders:${encodeURIComponent(customer)}`;
const counterKey = (customer: string) => `${prefix(customer)}:count`;
const slotKey = (customer: string, slot: number) => `${prefix(customer)}:slot:${String(slot)}`;
const seenKey = (customer: string, externalId: string) =>
  `${prefix(customer)}:seen:${encodeURIComponent(externalId)}`;

/** Records an order once per (customer, external id); false when it was already recorded. */
export async function recordDigitalOrder(
  store: KeyValueStore,
  customer: string,
  record: DigitalRecord,
): Promise<boolean> {
  const ttl = DIGITAL_RECORD_TTL_SECONDS;
  if (!(await store.setIfAbsent(seenKey(customer, record.externalId), "1", ttl))) return false;
  const n = await store.increment(counterKey(customer), ttl);
  await store.set(slotKey(customer, (n - 1) % DIGITAL_RECORD_LIMIT), JSON.stringify(record), ttl);
  return true;
}

/** The customer's recorded digital orders, newest first (by `createdAt`, then by placement). */
export async function digitalRecordsOf(
  store: KeyValueStore,
  customer: string,
): Promise<StoredDigitalRecord[]> {
  const count = Number((await store.get(counterKey(customer))) ?? "0");
  if (!Number.isInteger(count) || count <= 0) return [];
  const slots = Array.from({ length: Math.min(count, DIGITAL_RECORD_LIMIT) }, (_, i) => i);
  const raws = await Promise.all(slots.map((slot) => store.get(slotKey(customer, slot))));
  const records = raws.flatMap((raw, slot) => {
    if (raw === null) return [];
    const parsed = digitalRecordSchema.safeParse(JSON.parse(raw));
    return parsed.success ? [{ ...parsed.data, slot }] : [];
  });
  // Slots are reused in a ring, so placement order is (slot - count) mod limit.
  const newest = (count - 1) % DIGITAL_RECORD_LIMIT;
  const age = (slot: number) => (newest - slot + DIGITAL_RECORD_LIMIT) % DIGITAL_RECORD_LIMIT;
  return records.sort((a, b) =>
    a.createdAt === b.createdAt ? age(a.slot) - age(b.slot) : a.createdAt < b.createdAt ? 1 : -1,
  );
}

/** Forgets a record Minted no longer knows (e.g. a reset sandbox). */
export async function forgetDigitalRecord(
  store: KeyValueStore,
  customer: string,
  record: StoredDigitalRecord,
): Promise<void> {
  const key = slotKey(customer, record.slot);
  const raw = await store.get(key);
  const current = raw === null ? null : digitalRecordSchema.safeParse(JSON.parse(raw));
  // The slot may hold a newer order by now: only this record is forgotten.
  if (current?.success && current.data.externalId === record.externalId) await store.delete(key);
}

/**
 * A recorded order as Minted answers it now (`orderGet`), or null when Minted does not know it,
 * or not as this customer's order under this external id.
 */
export async function readRecordedOrder(deps: AppDeps, customer: string, record: DigitalRecord) {
  let o;
  try {
    o = await deps.upstream.call({
      op: "orderGet",
      params: { external_order_id: record.externalId },
    });
  } catch (error) {
    if (error instanceof UpstreamError && error.details.status === 404) return null;
    throw error;
  }
  return o.customer?.external_id === customer && o.external_id === record.externalId ? o : null;
}
