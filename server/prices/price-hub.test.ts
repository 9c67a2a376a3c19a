import { afterEach, describe, expect, it, vi } from "vitest";
import type { Logger } from "../deps.ts";
import { proxyEnvSchema } from "../env.ts";
import type { Upstream, UpstreamCall } from "../upstream/types.ts";
import { MINTED_OPERATIONS, type OperationName, type ResponseOf } from "../../minted/operations.ts";
import { createPriceHub, pricesView } from "./price-hub.ts";

const logger: Logger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => logger,
};

function row(sku: string, ask: number) {
  return {
    sku,
    metal: "gold",
    currency: "TRY",
    bid: ask - 1,
    ask,
    change_pct: 0.5,
    updated_at: "2026-01-02T10:00:00.000Z",
  };
}

/** An upstream whose `prices` answer is settable; counts calls. */
function fakeUpstream() {
  let ask = 4000;
  let calls = 0;
  let fail = false;
  const upstream: Upstream = {
    call: <N extends OperationName>(c: UpstreamCall<N>) => {
      calls++;
      if (fail) return Promise.reject(new Error("down"));
      const rows = [row("GAU", ask), row("GAG", 50), row("MNTGB00010", ask + 100)];
      return Promise.resolve(MINTED_OPERATIONS[c.op].response.parse(rows) as ResponseOf<N>);
    },
    stats: () => ({ requests: calls, challenges: 0, retries: 0 }),
    close: () => Promise.resolve(),
  };
  return {
    upstream,
    calls: () => calls,
    setAsk: (n: number) => {
      ask = n;
    },
    setFail: (f: boolean) => {
      fail = f;
    },
  };
}

const env = proxyEnvSchema.parse({ NODE_ENV: "test" });

afterEach(() => {
  vi.useRealTimers();
});

describe("price hub", () => {
  it("maps upstream rows to metals (digital SKUs) and per-SKU quotes", () => {
    const view = pricesView([row("GAU", 4000), row("GPT", 1500), row("MNTGB00010", 4100)]);
    expect(view.currency).toBe("TRY");
    expect(view.metals.map((m) => m.metal)).toEqual(["gold", "platinum"]);
    expect(view.metals[0]).toEqual({
      metal: "gold",
      bid: 3999,
      ask: 4000,
      changePct: 0.5,
      updatedAt: "2026-01-02T10:00:00.000Z",
    });
    expect(view.products).toHaveLength(3);
  });

  it("does not poll without subscribers; snapshot() is cached for the interval and single-flight", async () => {
    vi.useFakeTimers();
    const up = fakeUpstream();
    const hub = createPriceHub({ env, logger, upstream: up.upstream, now: () => Date.now() });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(up.calls()).toBe(0);
    await Promise.all([hub.snapshot(), hub.snapshot(), hub.snapshot()]);
    expect(up.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    await hub.snapshot();
    expect(up.calls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1500);
    await hub.snapshot();
    expect(up.calls()).toBe(2);
    await hub.close();
  });

  it("runs one poller for all subscribers, notifies on change only, stops when the last leaves", async () => {
    vi.useFakeTimers();
    const up = fakeUpstream();
    const hub = createPriceHub({ env, logger, upstream: up.upstream, now: () => Date.now() });
    const a: number[] = [];
    const b: number[] = [];
    await hub.snapshot();
    const offA = hub.subscribe((s) => a.push(s.metals[0]?.ask ?? 0));
    const offB = hub.subscribe((s) => b.push(s.metals[0]?.ask ?? 0));
    expect(hub.stats().subscribers).toBe(2);

    await vi.advanceTimersByTimeAsync(2000);
    expect(up.calls()).toBe(2);
    expect(a).toEqual([]); // unchanged prices are not sent again
    up.setAsk(4010);
    await vi.advanceTimersByTimeAsync(2000);
    expect(up.calls()).toBe(3);
    expect(a).toEqual([4010]);
    expect(b).toEqual([4010]);

    await vi.advanceTimersByTimeAsync(6000);
    expect(up.calls()).toBe(6);
    offA();
    offB();
    expect(hub.stats()).toEqual({ subscribers: 0, upstreamPolls: 6 });
    await vi.advanceTimersByTimeAsync(20_000);
    expect(up.calls()).toBe(6);
    await hub.close();
  });

  it("keeps polling through upstream failures", async () => {
    vi.useFakeTimers();
    const up = fakeUpstream();
    const hub = createPriceHub({ env, logger, upstream: up.upstream, now: () => Date.now() });
    const seen: number[] = [];
    hub.subscribe((s) => seen.push(s.metals[0]?.ask ?? 0));
    up.setFail(true);
    await vi.advanceTimersByTimeAsync(4000);
    expect(up.calls()).toBe(2);
    up.setFail(false);
    await vi.advanceTimersByTimeAsync(2000);
    expect(seen).toEqual([4000]);
    await hub.close();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(up.calls()).toBe(3);
  });
});

describe("prices Minted has not documented", () => {
  it("uses the rows that name a SKU and both prices, and says nothing it was not told", () => {
    const view = pricesView(
      [
        { sku: "GAU", bid: 4000, ask: 4100 },
        { sku: "GAG", bid: 50 },
        { bid: 1, ask: 2 },
      ],
      Date.parse("2026-12-07T10:00:00Z"),
    );
    expect(view.metals).toEqual([
      {
        metal: "gold",
        bid: 4000,
        ask: 4100,
        changePct: null,
        updatedAt: "2026-12-07T10:00:00.000Z",
      },
    ]);
    expect(view.products).toEqual([{ sku: "GAU", bid: 4000, ask: 4100 }]);
  });
});
