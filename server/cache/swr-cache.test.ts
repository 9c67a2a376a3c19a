import { describe, expect, it } from "vitest";
import { createSwrCache } from "./swr-cache.ts";

function setup(options: { maxEntries?: number } = {}) {
  let time = 1_000_000;
  const errors: string[] = [];
  const cache = createSwrCache<string>({
    ttlMs: 30_000,
    staleMs: 300_000,
    now: () => time,
    onRefreshError: (key) => errors.push(key),
    ...options,
  });
  return {
    cache,
    errors,
    advance: (ms: number) => {
      time += ms;
    },
  };
}

/** A loader whose calls are counted and resolved by hand. */
function deferredLoader() {
  const pending: ((value: string) => void)[] = [];
  const rejects: ((error: Error) => void)[] = [];
  let calls = 0;
  return {
    load: () =>
      new Promise<string>((resolve, reject) => {
        calls++;
        pending.push(resolve);
        rejects.push(reject);
      }),
    resolve: (value: string) => pending.shift()?.(value),
    reject: (error: Error) => rejects.shift()?.(error),
    calls: () => calls,
  };
}

describe("swr cache", () => {
  it("serves a fresh value from memory within the TTL", async () => {
    const { cache, advance } = setup();
    let calls = 0;
    const load = () => Promise.resolve(`v${String(++calls)}`);
    expect(await cache.get("k", load)).toBe("v1");
    advance(29_999);
    for (let i = 0; i < 100; i++) expect(await cache.get("k", load)).toBe("v1");
    expect(calls).toBe(1);
    expect(cache.stats()).toMatchObject({ hits: 100, misses: 1, loads: 1, size: 1 });
  });

  it("shares one load between concurrent misses (single-flight)", async () => {
    const { cache } = setup();
    const loader = deferredLoader();
    const all = Promise.all(Array.from({ length: 50 }, () => cache.get("k", loader.load)));
    expect(loader.calls()).toBe(1);
    loader.resolve("shared");
    expect(new Set(await all)).toEqual(new Set(["shared"]));
  });

  it("serves the stale value at once while exactly one background refresh runs", async () => {
    const { cache, advance } = setup();
    const loader = deferredLoader();
    const first = cache.get("k", loader.load);
    loader.resolve("old");
    await first;
    advance(31_000);
    const during = await Promise.all([
      cache.get("k", loader.load),
      cache.get("k", loader.load),
      cache.get("k", loader.load),
    ]);
    expect(during).toEqual(["old", "old", "old"]);
    expect(loader.calls()).toBe(2);
    loader.resolve("new");
    await Promise.resolve();
    await Promise.resolve();
    expect(await cache.get("k", loader.load)).toBe("new");
    expect(loader.calls()).toBe(2);
  });

  it("keeps the stale value when the background refresh fails", async () => {
    const { cache, advance, errors } = setup();
    await cache.get("k", () => Promise.resolve("old"));
    advance(40_000);
    expect(await cache.get("k", () => Promise.reject(new Error("down")))).toBe("old");
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toEqual(["k"]);
    expect(cache.peek("k")).toBe("old");
  });

  it("loads again once the value is older than TTL + stale window", async () => {
    const { cache, advance } = setup();
    await cache.get("k", () => Promise.resolve("old"));
    advance(330_001);
    expect(cache.peek("k")).toBeUndefined();
    expect(await cache.get("k", () => Promise.resolve("new"))).toBe("new");
  });

  it("does not cache failures and lets the next caller retry", async () => {
    const { cache } = setup();
    await expect(cache.get("k", () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(cache.stats().size).toBe(0);
    expect(await cache.get("k", () => Promise.resolve("up"))).toBe("up");
  });

  it("turns a synchronous throw in the loader into a rejection", async () => {
    const { cache } = setup();
    const load = (): Promise<string> => {
      throw new Error("sync");
    };
    await expect(cache.get("k", load)).rejects.toThrow("sync");
  });

  it("keys are independent", async () => {
    const { cache } = setup();
    await cache.get("tr", () => Promise.resolve("Altın"));
    await cache.get("en", () => Promise.resolve("Gold"));
    expect(cache.peek("tr")).toBe("Altın");
    expect(cache.peek("en")).toBe("Gold");
    cache.delete("tr");
    expect(cache.peek("tr")).toBeUndefined();
    cache.clear();
    expect(cache.stats().size).toBe(0);
  });

  it("drops the least recently stored key beyond maxEntries", async () => {
    const { cache } = setup({ maxEntries: 2 });
    await cache.get("a", () => Promise.resolve("A"));
    await cache.get("b", () => Promise.resolve("B"));
    await cache.get("c", () => Promise.resolve("C"));
    expect(cache.peek("a")).toBeUndefined();
    expect(cache.peek("b")).toBe("B");
    expect(cache.peek("c")).toBe("C");
  });
});
