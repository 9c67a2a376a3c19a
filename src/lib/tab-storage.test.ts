import { describe, expect, it } from "vitest";
import { z } from "zod/mini";
import {
  SessionSlot,
  memoryStorage,
  readStored,
  removeStored,
  tabDraft,
  writeStored,
  type KeyValueStorage,
} from "./tab-storage";

const schema = z.object({ n: z.number() });

/** Storage that refuses everything (private modes, locked-down webviews, a full quota). */
const refuse = (): never => {
  throw new Error("SecurityError");
};
const refusing: KeyValueStorage = { getItem: refuse, setItem: refuse, removeItem: refuse };

describe("tab storage", () => {
  it("reads back only what parses, and drops what the schema does not keep", () => {
    const storage = memoryStorage();
    writeStored(storage, "k", schema, { n: 1, extra: true });
    expect(storage.getItem("k")).toBe('{"n":1}');
    expect(readStored(storage, "k", schema)).toEqual({ n: 1 });
    for (const bad of ["{not json", "", "null", '{"n":"1"}']) {
      storage.setItem("k", bad);
      expect(readStored(storage, "k", schema), bad).toBeNull();
    }
    writeStored(storage, "k", schema, { n: "not a number" });
    expect(storage.getItem("k")).toBe('{"n":"1"}');
    removeStored(storage, "k");
    expect(readStored(storage, "k", schema)).toBeNull();
  });

  it("never throws when storage refuses, or is missing", () => {
    expect(readStored(refusing, "k", schema)).toBeNull();
    expect(() => {
      writeStored(refusing, "k", schema, { n: 1 });
      removeStored(refusing, "k");
      writeStored(null, "k", schema, { n: 1 });
    }).not.toThrow();
    const draft = tabDraft("d", schema, refusing);
    expect(() => draft.write({ n: 2 })).not.toThrow();
    expect(draft.read()).toBeNull();
  });

  it("a slot holds its value in memory when the write is refused, and tells its listeners", () => {
    const slot = new SessionSlot(refusing, "slot", schema);
    let calls = 0;
    const stop = slot.subscribe(() => calls++);
    slot.set({ n: 3 });
    expect(slot.get()).toEqual({ n: 3 });
    slot.set(null);
    expect(slot.get()).toBeNull();
    stop();
    slot.set({ n: 4 });
    expect(calls).toBe(2);
  });
});
