import { readText, tabStorage, writeText, type KeyValueStorage } from "../../lib/tab-storage";
import { newIdempotencyKey } from "../../domain/change-once";

/**
 * One tap = one order for the wallet's completions and digital orders. The Idempotency-Key is
 * made once per accepted quote and kept in sessionStorage before the first request leaves, so
 * every send for that quote (a double tap, a retry after a lost answer, a reload) carries the
 * same key and the proxy places the order once. A new quote is a new intent and a new key.
 */

export type KeyStorage = Pick<KeyValueStorage, "getItem" | "setItem">;

const PREFIX = "minted:wallet-attempt:";
const KEY_PATTERN = /^[A-Za-z0-9-]{16,64}$/;

/** Memory for when a write is refused (storage full, locked-down webviews). */
const memory = new Map<string, string>();

/** The Idempotency-Key for completing `scope` (e.g. `basket:buy`) at `quoteId`. */
export function attemptKey(
  scope: string,
  quoteId: string,
  storage: KeyStorage | null = tabStorage(),
  makeKey: () => string = newIdempotencyKey,
): string {
  const slot = `${PREFIX}${scope}:${quoteId}`;
  const stored = readText(storage, slot) ?? memory.get(slot) ?? null;
  if (stored && KEY_PATTERN.test(stored)) return stored;
  const key = makeKey();
  memory.set(slot, key);
  // Full or refused: the memory copy still covers this page's life.
  writeText(storage, slot, key);
  return key;
}
