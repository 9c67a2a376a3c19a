import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createCoalescer } from "./basket-taps";

describe("createCoalescer", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("sends one call with the final value once the taps pause", () => {
    const send = vi.fn();
    const taps = createCoalescer<number>(send, 400);
    for (const q of [2, 3, 4, 5, 6]) {
      taps.push("A", q);
      vi.advanceTimersByTime(150);
    }
    expect(send).not.toHaveBeenCalled();
    expect(taps.isPending("A")).toBe(true);
    vi.advanceTimersByTime(400);
    expect(send).toHaveBeenCalledTimes(1);
    expect(send).toHaveBeenCalledWith("A", 6);
    expect(taps.isPending()).toBe(false);
  });

  it("keeps keys apart and flushes everything on demand (unmount, navigation)", () => {
    const send = vi.fn();
    const taps = createCoalescer<number>(send, 400);
    taps.push("A", 2);
    taps.push("B", 7);
    taps.flush();
    expect(send.mock.calls).toEqual([
      ["A", 2],
      ["B", 7],
    ]);
    vi.advanceTimersByTime(1000);
    expect(send).toHaveBeenCalledTimes(2);
  });

  it("forgets a cancelled key and tells subscribers about pending changes", () => {
    const send = vi.fn();
    const listener = vi.fn();
    const taps = createCoalescer<number>(send, 400);
    const unsubscribe = taps.subscribe(listener);
    taps.push("A", 2);
    taps.push("A", 3);
    expect(listener).toHaveBeenCalledTimes(1);
    taps.cancel("A");
    expect(listener).toHaveBeenCalledTimes(2);
    vi.advanceTimersByTime(1000);
    expect(send).not.toHaveBeenCalled();
    unsubscribe();
  });
});
