import { AsyncLocalStorage } from "node:async_hooks";

interface Timing {
  upstreamMs: number;
  upstreamCalls: number;
}

const current = new AsyncLocalStorage<Timing>();

/** Run a request with a timing record; the upstream client adds its waits to it. */
export function withTiming<T>(fn: () => Promise<T>): { timing: Timing; done: Promise<T> } {
  const timing: Timing = { upstreamMs: 0, upstreamCalls: 0 };
  return { timing, done: current.run(timing, fn) };
}

/** Called by the upstream client around each request it sends. */
export function recordUpstream(ms: number): void {
  const timing = current.getStore();
  if (!timing) return;
  timing.upstreamMs += ms;
  timing.upstreamCalls += 1;
}

/**
 * `Server-Timing` for one request: `app` is the proxy's own time (total minus time waiting on
 * Minted), `upstream` the wait. Durations only: no URLs, nothing about the customer.
 */
export function serverTiming(totalMs: number, timing: Timing): string {
  const app = Math.max(0, totalMs - timing.upstreamMs);
  return `app;dur=${app.toFixed(2)}, upstream;dur=${timing.upstreamMs.toFixed(2)};desc="${String(timing.upstreamCalls)}"`;
}
