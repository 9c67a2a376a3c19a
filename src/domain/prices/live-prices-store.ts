import type { Metal } from "../../../contract/common";
import {
  pricesSchema,
  type MetalQuote,
  type Prices,
  type SkuQuote,
} from "../../../contract/prices";

/** The parts of EventSource the store uses (a fake one stands in for it in tests). */
export interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void): void;
  onerror: ((event: Event) => void) | null;
  close(): void;
}

export interface VisibilitySource {
  isHidden(): boolean;
  /** Calls back on every visibility change; returns the unsubscribe. */
  onChange(listener: () => void): () => void;
}

export interface LivePricesOptions {
  streamUrl: string;
  openStream: (url: string) => EventSourceLike;
  /** The last snapshot (GET /api/prices), shown until the stream's first event. */
  fetchSnapshot: () => Promise<Prices>;
  visibility: VisibilitySource;
  random?: () => number;
  now?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  baseDelayMs?: number;
  maxDelayMs?: number;
}

export type StreamStatus = "idle" | "connecting" | "live" | "reconnecting" | "paused";

export interface LivePricesState {
  status: StreamStatus;
  currency: Prices["currency"] | null;
  /** Local time (ms) the last snapshot arrived; null before the first. */
  receivedAt: number | null;
  metals: Partial<Record<Metal, MetalQuote>>;
  products: Readonly<Record<string, SkuQuote>>;
}

export const initialLivePricesState: LivePricesState = {
  status: "idle",
  currency: null,
  receivedAt: null,
  metals: {},
  products: {},
};

/**
 * Exponential backoff with "equal jitter": half of the capped delay is fixed, half random, so
 * clients that lost the stream together do not all come back in the same instant.
 */
export function backoffDelay(
  attempt: number,
  random: () => number,
  baseMs = 1_000,
  maxMs = 30_000,
): number {
  const capped = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(capped / 2 + (capped / 2) * random());
}

function sameMetal(a: MetalQuote | undefined, b: MetalQuote): boolean {
  return a !== undefined && a.bid === b.bid && a.ask === b.ask && a.changePct === b.changePct;
}

function sameSku(a: SkuQuote | undefined, b: SkuQuote): boolean {
  return a !== undefined && a.bid === b.bid && a.ask === b.ask;
}

/**
 * Merges a snapshot, keeping the previous object for every quote that did not change so that
 * per-metal and per-SKU selectors only notify the components whose price moved.
 */
export function mergeSnapshot(
  state: LivePricesState,
  snapshot: Prices,
  receivedAt: number,
): LivePricesState {
  const metals: Partial<Record<Metal, MetalQuote>> = { ...state.metals };
  for (const quote of snapshot.metals) {
    if (!sameMetal(metals[quote.metal], quote)) metals[quote.metal] = quote;
  }
  const products: Record<string, SkuQuote> = { ...state.products };
  for (const quote of snapshot.products) {
    if (!sameSku(products[quote.sku], quote)) products[quote.sku] = quote;
  }
  return { ...state, currency: snapshot.currency, receivedAt, metals, products };
}

export interface LivePricesStore {
  subscribe(listener: () => void): () => void;
  getState(): LivePricesState;
}

/**
 * One price stream for the whole app. The EventSource is open only while something is
 * subscribed and the page is visible; after an error it is closed and reopened with backoff.
 */
export function createLivePricesStore(options: LivePricesOptions): LivePricesStore {
  const random = options.random ?? Math.random;
  const now = options.now ?? Date.now;
  const setTimer = options.setTimer ?? ((callback, ms) => setTimeout(callback, ms));
  const clearTimer =
    options.clearTimer ??
    ((timer) => {
      if (typeof timer === "number" || timer === undefined) clearTimeout(timer);
    });
  const listeners = new Set<() => void>();
  let state = initialLivePricesState;
  let source: EventSourceLike | null = null;
  let retryTimer: unknown = null;
  let attempt = 0;
  let stopVisibility: (() => void) | null = null;
  let snapshotRequested = false;

  function set(next: LivePricesState) {
    if (next === state) return;
    state = next;
    for (const listener of listeners) listener();
  }

  function setStatus(status: StreamStatus) {
    if (state.status !== status) set({ ...state, status });
  }

  function accept(snapshot: Prices) {
    set(mergeSnapshot(state, snapshot, now()));
  }

  function cancelRetry() {
    if (retryTimer !== null) clearTimer(retryTimer);
    retryTimer = null;
  }

  function closeSource() {
    if (!source) return;
    source.onerror = null;
    source.close();
    source = null;
  }

  function open() {
    cancelRetry();
    closeSource();
    setStatus(attempt === 0 ? "connecting" : "reconnecting");
    const opened = options.openStream(options.streamUrl);
    source = opened;
    opened.addEventListener("prices", (event) => {
      if (source !== opened || typeof event.data !== "string") return;
      let json: unknown;
      try {
        json = JSON.parse(event.data);
      } catch {
        return;
      }
      const parsed = pricesSchema.safeParse(json);
      if (!parsed.success) return;
      attempt = 0;
      accept(parsed.data);
      setStatus("live");
    });
    opened.onerror = () => {
      if (source !== opened) return;
      // Take over from the browser's fixed retry: close, then come back with backoff.
      closeSource();
      const delay = backoffDelay(attempt, random, options.baseDelayMs, options.maxDelayMs);
      attempt += 1;
      setStatus("reconnecting");
      retryTimer = setTimer(() => {
        retryTimer = null;
        if (listeners.size > 0 && !options.visibility.isHidden()) open();
      }, delay);
    };
  }

  function pause() {
    cancelRetry();
    closeSource();
    setStatus("paused");
  }

  function onVisibilityChange() {
    if (options.visibility.isHidden()) pause();
    else if (!source && retryTimer === null) {
      attempt = 0;
      open();
    }
  }

  function start() {
    stopVisibility = options.visibility.onChange(onVisibilityChange);
    if (!snapshotRequested) {
      snapshotRequested = true;
      options.fetchSnapshot().then(
        (snapshot) => {
          // The stream's first event is as fresh or fresher; only fill in if it has not come.
          if (state.receivedAt === null) accept(snapshot);
        },
        () => {
          snapshotRequested = false;
        },
      );
    }
    if (options.visibility.isHidden()) setStatus("paused");
    else open();
  }

  function stop() {
    stopVisibility?.();
    stopVisibility = null;
    cancelRetry();
    closeSource();
    attempt = 0;
    setStatus("idle");
  }

  return {
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) start();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) stop();
      };
    },
    getState: () => state,
  };
}
