import { isTransient } from "../lib/api";

/** A random key for a new change or attempt (crypto.randomUUID where the context allows it). */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * One tap on a basket (add, a quantity, remove; physical or wallet) = one change. The tap gets
 * its own `Idempotency-Key`; when no clear answer comes back (no connection, a timeout, a 5xx)
 * the change is sent once more with the same key, and the proxy applies it at most once.
 */
export async function sendChangeOnce<T>(
  send: (headers: Record<string, string>) => Promise<T>,
  makeKey: () => string = newIdempotencyKey,
): Promise<T> {
  const headers = { "Idempotency-Key": makeKey() };
  try {
    return await send(headers);
  } catch (error) {
    if (!isTransient(error)) throw error;
    return send(headers);
  }
}

/**
 * Whether a failed change may still have been applied (no clear answer): the shop then reads the
 * basket again and shows what is true, rather than undoing what it showed.
 */
export const mayHaveApplied = isTransient;
