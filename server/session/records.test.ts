import { afterEach, describe, expect, it } from "vitest";
import type { KeyValueStore, Session } from "../deps.ts";
import { createMemoryStore } from "../store/memory-store.ts";
import { createSessionRecords, touchSecondsFor, type SessionPolicy } from "./records.ts";

const MINUTE = 60_000;
const policy: SessionPolicy = { maxAgeSeconds: 12 * 3600, idleSeconds: 30 * 60, touchSeconds: 60 };

let clock = Date.UTC(2026, 0, 1);
let store: KeyValueStore;
let writes: string[];

function setup() {
  clock = Date.UTC(2026, 0, 1);
  writes = [];
  const memory = createMemoryStore({ now: () => clock });
  store = {
    ...memory,
    set: (key, value, ttl) => {
      writes.push(key);
      return memory.set(key, value, ttl);
    },
  };
  return createSessionRecords({ store, now: () => clock }, policy);
}
afterEach(() => store.close());

const session = (customer: string | null, sid = crypto.randomUUID()): Session => ({
  sid,
  kind: customer ? "launch" : "guest",
  customer,
  locale: "tr",
  currency: "TRY",
  theme: null,
  guestBasket: [],
  exp: Math.floor(clock / 1000) + policy.maxAgeSeconds,
});

describe("session records", () => {
  it("a cookie whose session was never recorded is not alive", async () => {
    const records = setup();
    expect(await records.isAlive(session("C-1"))).toBe(false);
  });

  it("idle timeout: alive while used, over after 30 minutes without a request (injected clock)", async () => {
    const records = setup();
    const s = session("C-1");
    await records.saved(s, null);
    // Used every 20 minutes for two hours: never idle for 30.
    for (let i = 0; i < 6; i++) {
      clock += 20 * MINUTE;
      expect(await records.isAlive(s)).toBe(true);
    }
    clock += 30 * MINUTE;
    expect(await records.isAlive(s)).toBe(false);
  });

  it("the idle clock is written at most once per touch interval, not on every request", async () => {
    const records = setup();
    const s = session("C-1");
    await records.saved(s, null);
    writes = [];
    for (let i = 0; i < 50; i++) {
      clock += 1000;
      expect(await records.isAlive(s)).toBe(true);
    }
    // 50 requests over 50 s: no write yet (touch interval 60 s); the next minute writes once.
    expect(writes).toEqual([]);
    clock += 10_000;
    await records.isAlive(s);
    await records.isAlive(s);
    expect(writes).toEqual([`session-seen:${s.sid}`]);
  });

  it("ends early by at most the touch interval, never late", async () => {
    const records = setup();
    const s = session("C-1");
    await records.saved(s, null);
    clock += 59_000; // not written (under a minute since the last write)
    expect(await records.isAlive(s)).toBe(true);
    clock += 30 * MINUTE - 59_000;
    expect(await records.isAlive(s)).toBe(false);
  });

  it("absolute lifetime: over after 12 h however active", async () => {
    const records = setup();
    const s = session("C-1");
    await records.saved(s, null);
    for (let elapsed = 0; elapsed < 12 * 60 - 10; elapsed += 10) {
      clock += 10 * MINUTE;
      expect(await records.isAlive(s)).toBe(true);
    }
    clock += 10 * MINUTE;
    expect(await records.isAlive(s)).toBe(false);
  });

  it("revocation: an ended session stays ended, even if an idle-clock write lands late", async () => {
    const records = setup();
    const s = session("C-1");
    await records.saved(s, null);
    await records.end(s.sid);
    expect(await records.isAlive(s)).toBe(false);
    // A request that read the session before the logout now writes its idle clock.
    await store.set(`session-seen:${s.sid}`, String(clock), 1800);
    expect(await records.isAlive(s)).toBe(false);
  });

  it("a replaced session (new launch) ends the previous one", async () => {
    const records = setup();
    const before = session("C-1");
    await records.saved(before, null);
    const after = session("C-2");
    await records.saved(after, before);
    expect(await records.isAlive(before)).toBe(false);
    expect(await records.isAlive(after)).toBe(true);
  });

  it("log out everywhere (epoch): every session of the customer ends, others' do not, later ones live", async () => {
    const records = setup();
    const phone = session("C-1");
    const laptop = session("C-1");
    const other = session("C-2");
    const guest = session(null);
    for (const s of [phone, laptop, other, guest]) await records.saved(s, null);
    clock += 1000;
    await records.endAll("C-1");
    expect(await records.isAlive(phone)).toBe(false);
    expect(await records.isAlive(laptop)).toBe(false);
    expect(await records.isAlive(other)).toBe(true);
    expect(await records.isAlive(guest)).toBe(true);
    clock += 1000;
    const again = session("C-1");
    await records.saved(again, null);
    expect(await records.isAlive(again)).toBe(true);
  });

  it("a guest bound to the customer after a log-out-everywhere lives; one bound before does not", async () => {
    const records = setup();
    const early = session(null);
    const late = session(null);
    await records.saved(early, null);
    await records.saved(late, null);
    const boundEarly = { ...early, customer: "C-1" };
    await records.saved(boundEarly, early);
    clock += 1000;
    await records.endAll("C-1");
    clock += 1000;
    const boundLate = { ...late, customer: "C-1" };
    await records.saved(boundLate, late);
    expect(await records.isAlive(boundEarly)).toBe(false);
    expect(await records.isAlive(boundLate)).toBe(true);
    // The cookie of before the binding no longer matches its record.
    expect(await records.isAlive(late)).toBe(false);
  });

  it("touch resolution: a tenth of the idle timeout, at most a minute", () => {
    expect(touchSecondsFor(1800)).toBe(60);
    expect(touchSecondsFor(300)).toBe(30);
    expect(touchSecondsFor(60)).toBe(6);
  });
});
