/**
 * The sandbox clock: wall time plus an offset that the control API can advance.
 * Price fixes, nonces, bearer tokens, payment pages and order status all read it,
 * so a test can jump minutes or days ahead without waiting.
 */
export class SandboxClock {
  #offsetMs = 0;

  now(): number {
    return Date.now() + this.#offsetMs;
  }

  advance(seconds: number): number {
    this.#offsetMs += seconds * 1000;
    return this.now();
  }

  reset(): void {
    this.#offsetMs = 0;
  }
}

/** ISO 8601 with the Istanbul offset, as Minted prints `expires_at` / `nextUpdate`. */
export function isoIstanbul(ms: number): string {
  const shifted = new Date(ms + 3 * 3600_000);
  return `${shifted.toISOString().slice(0, 19)}+03:00`;
}

/** Laravel's ISO form with microseconds, as Minted prints `order_at`. */
export function isoMicros(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 19)}.000000Z`;
}

/** `YYYY-MM-DD` in Istanbul time. */
export function dateIstanbul(ms: number): string {
  return new Date(ms + 3 * 3600_000).toISOString().slice(0, 10);
}

/** Partner API order date format: `dd-mm-YYYY HH:MM` (Istanbul time). */
export function partnerDate(ms: number): string {
  const iso = new Date(ms + 3 * 3600_000).toISOString();
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)} ${iso.slice(11, 16)}`;
}
