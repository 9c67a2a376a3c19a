import { afterEach, describe, expect, it } from "vitest";
import type { KeyValueStore } from "../deps.ts";
import { createMemoryStore } from "./memory-store.ts";

describe("memory store", () => {
  let clock = 1_000_000;
  let store: KeyValueStore;
  const make = () => (store = createMemoryStore({ now: () => clock }));
  afterEach(() => store.close());

  it("gets, sets, deletes", async () => {
    make();
    expect(await store.get("a")).toBeNull();
    await store.set("a", "1", 10);
    expect(await store.get("a")).toBe("1");
    await store.delete("a");
    expect(await store.get("a")).toBeNull();
  });

  it("expires keys lazily", async () => {
    make();
    await store.set("a", "1", 10);
    clock += 9_999;
    expect(await store.get("a")).toBe("1");
    clock += 1;
    expect(await store.get("a")).toBeNull();
  });

  it("setIfAbsent sets once until the key expires", async () => {
    make();
    expect(await store.setIfAbsent("jti:1", "1", 5)).toBe(true);
    expect(await store.setIfAbsent("jti:1", "2", 5)).toBe(false);
    expect(await store.get("jti:1")).toBe("1");
    clock += 5_000;
    expect(await store.setIfAbsent("jti:1", "3", 5)).toBe(true);
  });

  it("increments a counter whose TTL starts at creation (fixed window)", async () => {
    make();
    expect(await store.increment("c", 60)).toBe(1);
    clock += 30_000;
    expect(await store.increment("c", 60)).toBe(2);
    clock += 30_000;
    expect(await store.increment("c", 60)).toBe(1);
  });

  it("sweeps expired keys periodically", async () => {
    let now = 0;
    store = createMemoryStore({ now: () => now, sweepIntervalMs: 10 });
    await store.set("a", "1", 1);
    now = 5_000;
    await new Promise((resolve) => setTimeout(resolve, 40));
    // Still answers correctly, whether swept or lazily expired.
    expect(await store.get("a")).toBeNull();
  });

  it("appends to a bounded stream and reads it back oldest first", async () => {
    make();
    expect(await store.readStream("audit")).toEqual([]);
    for (let i = 1; i <= 5; i++) await store.append("audit", { n: String(i) }, 3);
    expect(await store.readStream("audit")).toEqual([{ n: "3" }, { n: "4" }, { n: "5" }]);
    expect(await store.readStream("other")).toEqual([]);
  });
});
