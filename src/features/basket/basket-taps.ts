/**
 * Rapid taps on one basket line coalesce: every tap updates the screen at once, and the proxy
 * hears only the final quantity once the taps pause (or the page is left).
 */

export interface Coalescer<V> {
  /** Remember the latest value for `key` and (re)start its quiet-period timer. */
  push: (key: string, value: V) => void;
  /** Send what is waiting now: one key, or every key. */
  flush: (key?: string) => void;
  /** Forget what is waiting without sending it. */
  cancel: (key: string) => void;
  isPending: (key?: string) => boolean;
  subscribe: (listener: () => void) => () => void;
}

export function createCoalescer<V>(
  send: (key: string, value: V) => void,
  delayMs = 400,
): Coalescer<V> {
  const waiting = new Map<string, { value: V; timer: ReturnType<typeof setTimeout> }>();
  const listeners = new Set<() => void>();
  const notify = () => listeners.forEach((l) => l());

  const flushOne = (key: string) => {
    const entry = waiting.get(key);
    if (!entry) return;
    clearTimeout(entry.timer);
    waiting.delete(key);
    send(key, entry.value);
    notify();
  };

  return {
    push(key, value) {
      const entry = waiting.get(key);
      if (entry) clearTimeout(entry.timer);
      waiting.set(key, { value, timer: setTimeout(() => flushOne(key), delayMs) });
      if (!entry) notify();
    },
    flush(key) {
      if (key !== undefined) flushOne(key);
      else for (const k of [...waiting.keys()]) flushOne(k);
    },
    cancel(key) {
      const entry = waiting.get(key);
      if (!entry) return;
      clearTimeout(entry.timer);
      waiting.delete(key);
      notify();
    },
    isPending(key) {
      return key === undefined ? waiting.size > 0 : waiting.has(key);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** Any basket line with taps not yet sent (then a settling mutation must not refetch over them). */
let pendingProbe: () => boolean = () => false;

export function hasPendingTaps(): boolean {
  return pendingProbe();
}

export function setPendingTapsProbe(probe: () => boolean): void {
  pendingProbe = probe;
}
