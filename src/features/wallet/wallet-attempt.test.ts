import { describe, expect, it } from "vitest";
import { attemptKey, type KeyStorage } from "./wallet-attempt";

function memoryStorage(): KeyStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
  };
}

describe("attemptKey", () => {
  it("gives every send for one quote the same key, and a new quote a new key", () => {
    const storage = memoryStorage();
    let n = 0;
    const make = () => `key-${String(++n).padStart(16, "0")}`;
    const first = attemptKey("basket:buy", "q1", storage, make);
    expect(attemptKey("basket:buy", "q1", storage, make)).toBe(first);
    expect(attemptKey("basket:buy", "q2", storage, make)).not.toBe(first);
    expect(attemptKey("basket:sell", "q1", storage, make)).not.toBe(first);
    expect(n).toBe(3);
  });

  it("survives a reload (the key is in storage before the request leaves)", () => {
    const storage = memoryStorage();
    const key = attemptKey("digital:buy", "q9", storage, () => "k".repeat(20));
    expect([...storage.data.values()]).toContain(key);
    expect(attemptKey("digital:buy", "q9", storage, () => "other-key-000000000")).toBe(key);
  });

  it("replaces a tampered stored value", () => {
    const storage = memoryStorage();
    storage.setItem("minted:wallet-attempt:basket:buy:q5", "<script>");
    expect(attemptKey("basket:buy", "q5", storage, () => "fresh-key-00000000")).toBe(
      "fresh-key-00000000",
    );
  });
});
