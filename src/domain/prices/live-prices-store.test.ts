import { describe, expect, it, vi } from "vitest";
import type { Prices } from "../../../contract/prices";
import {
  backoffDelay,
  createLivePricesStore,
  type EventSourceLike,
  type LivePricesOptions,
} from "./live-prices-store";

class FakeEventSource implements EventSourceLike {
  static opened: FakeEventSource[] = [];
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  private listeners = new Map<string, ((event: MessageEvent<unknown>) => void)[]>();
  constructor(readonly url: string) {
    FakeEventSource.opened.push(this);
  }
  addEventListener(type: string, listener: (event: MessageEvent<unknown>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
  }
  emit(type: string, data: unknown) {
    const event = new MessageEvent(type, { data });
    for (const listener of this.listeners.get(type) ?? []) listener(event);
  }
  fail() {
    this.onerror?.(new Event("error"));
  }
}

function snapshot(goldAsk: number, silverAsk = 53.78): Prices {
  const at = "2026-01-01T10:00:00.000Z";
  return {
    currency: "TRY",
    updatedAt: at,
    metals: [
      { metal: "gold", bid: goldAsk - 30, ask: goldAsk, changePct: 0.1, updatedAt: at },
      { metal: "silver", bid: silverAsk - 1, ask: silverAsk, changePct: -0.2, updatedAt: at },
    ],
    products: [
      { sku: "GOLD-1", bid: goldAsk - 30, ask: goldAsk + 100 },
      { sku: "SILVER-1", bid: silverAsk - 1, ask: silverAsk + 2 },
    ],
  };
}

function setup(overrides: Partial<LivePricesOptions> = {}) {
  FakeEventSource.opened = [];
  let hidden = false;
  const visibilityListeners = new Set<() => void>();
  const timers: { callback: () => void; ms: number; id: number }[] = [];
  let nextId = 1;
  const store = createLivePricesStore({
    streamUrl: "/api/prices/stream",
    openStream: (url) => new FakeEventSource(url),
    fetchSnapshot: () => new Promise<Prices>(() => {}),
    visibility: {
      isHidden: () => hidden,
      onChange: (listener) => {
        visibilityListeners.add(listener);
        return () => visibilityListeners.delete(listener);
      },
    },
    random: () => 0.5,
    setTimer: (callback, ms) => {
      const id = nextId++;
      timers.push({ callback, ms, id });
      return id;
    },
    clearTimer: (id) => {
      const index = timers.findIndex((timer) => timer.id === id);
      if (index >= 0) timers.splice(index, 1);
    },
    ...overrides,
  });
  return {
    store,
    timers,
    sources: () => FakeEventSource.opened,
    last: () => FakeEventSource.opened.at(-1),
    setHidden(value: boolean) {
      hidden = value;
      for (const listener of visibilityListeners) listener();
    },
    runTimer() {
      const timer = timers.shift();
      timer?.callback();
      return timer;
    },
  };
}

describe("backoffDelay", () => {
  it("doubles per attempt, caps, and jitters within [half, full]", () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1_000);
    expect(backoffDelay(3, () => 0.5)).toBe(6_000);
    expect(backoffDelay(20, () => 1)).toBe(30_000);
    expect(backoffDelay(20, () => 0)).toBe(15_000);
  });
});

describe("live price store", () => {
  it("opens one stream on first subscriber and closes it after the last", () => {
    const t = setup();
    const a = t.store.subscribe(() => {});
    const b = t.store.subscribe(() => {});
    expect(t.sources()).toHaveLength(1);
    expect(t.last()?.url).toBe("/api/prices/stream");
    a();
    expect(t.last()?.closed).toBe(false);
    b();
    expect(t.last()?.closed).toBe(true);
    expect(t.store.getState().status).toBe("idle");
  });

  it("validates events with the contract and ignores invalid ones", () => {
    const t = setup();
    t.store.subscribe(() => {});
    t.last()?.emit("prices", "not json");
    t.last()?.emit("prices", JSON.stringify({ currency: "TRY", metals: "nope" }));
    expect(t.store.getState().receivedAt).toBeNull();
    t.last()?.emit("prices", JSON.stringify(snapshot(4300)));
    expect(t.store.getState().status).toBe("live");
    expect(t.store.getState().metals.gold?.ask).toBe(4300);
    expect(t.store.getState().products["GOLD-1"]?.ask).toBe(4400);
  });

  it("keeps unchanged quotes identical so per-SKU selectors do not notify", () => {
    const t = setup();
    t.store.subscribe(() => {});
    t.last()?.emit("prices", JSON.stringify(snapshot(4300)));
    const before = t.store.getState();
    t.last()?.emit("prices", JSON.stringify(snapshot(4310)));
    const after = t.store.getState();
    expect(after.products["SILVER-1"]).toBe(before.products["SILVER-1"]);
    expect(after.metals.silver).toBe(before.metals.silver);
    expect(after.products["GOLD-1"]).not.toBe(before.products["GOLD-1"]);
  });

  it("shows the GET snapshot until the stream's first event", async () => {
    let resolve: (value: Prices) => void = () => {};
    const t = setup({ fetchSnapshot: () => new Promise<Prices>((r) => (resolve = r)) });
    t.store.subscribe(() => {});
    resolve(snapshot(4200));
    await vi.waitFor(() => expect(t.store.getState().metals.gold?.ask).toBe(4200));
    t.last()?.emit("prices", JSON.stringify(snapshot(4250)));
    expect(t.store.getState().metals.gold?.ask).toBe(4250);
  });

  it("reconnects with exponential backoff and resets after a good event", () => {
    const t = setup();
    t.store.subscribe(() => {});
    t.last()?.fail();
    expect(t.last()?.closed).toBe(true);
    expect(t.store.getState().status).toBe("reconnecting");
    expect(t.timers.map((timer) => timer.ms)).toEqual([750]);
    t.runTimer();
    expect(t.sources()).toHaveLength(2);
    t.last()?.fail();
    expect(t.timers.map((timer) => timer.ms)).toEqual([1_500]);
    t.runTimer();
    t.last()?.fail();
    expect(t.timers.map((timer) => timer.ms)).toEqual([3_000]);
    t.runTimer();
    t.last()?.emit("prices", JSON.stringify(snapshot(4300)));
    t.last()?.fail();
    expect(t.timers.map((timer) => timer.ms)).toEqual([750]);
  });

  it("closes while the page is hidden and reopens when visible", () => {
    const t = setup();
    t.store.subscribe(() => {});
    const first = t.last();
    t.setHidden(true);
    expect(first?.closed).toBe(true);
    expect(t.store.getState().status).toBe("paused");
    expect(t.sources()).toHaveLength(1);
    t.setHidden(false);
    expect(t.sources()).toHaveLength(2);
    expect(t.last()?.closed).toBe(false);
  });

  it("does not reconnect while hidden, even when a retry was pending", () => {
    const t = setup();
    t.store.subscribe(() => {});
    t.last()?.fail();
    t.setHidden(true);
    expect(t.timers).toHaveLength(0);
    expect(t.sources()).toHaveLength(1);
    t.setHidden(false);
    expect(t.sources()).toHaveLength(2);
  });
});
