import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomInt, randomUUID } from "node:crypto";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KeyValueStore } from "./deps.ts";
import { ApiError } from "./problem.ts";
import {
  fingerprint,
  runIdempotent,
  stableStringify,
  type IdempotencyOptions,
} from "./idempotency.ts";
import { createMemoryStore } from "./store/memory-store.ts";
import { createRedisStore } from "./store/redis-store.ts";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

let redis: ChildProcess | null = null;
let redisUrl = "";
beforeAll(async () => {
  if (!hasRedis) return;
  const port = randomInt(20_000, 60_000);
  redis = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
    stdio: "ignore",
  });
  redisUrl = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (
      spawnSync("redis-cli", ["-p", String(port), "ping"])
        .stdout.toString()
        .includes("PONG")
    )
      return;
    await wait(50);
  }
  throw new Error("redis-server did not start");
});
afterAll(() => {
  redis?.kill();
});

const stores: KeyValueStore[] = [];
afterEach(async () => {
  await Promise.all(stores.map((s) => s.close()));
  stores.length = 0;
});

const factories: [string, () => Promise<KeyValueStore>][] = [
  ["memory", () => Promise.resolve(createMemoryStore())],
  ...(hasRedis
    ? ([["redis", () => createRedisStore(redisUrl, { keyPrefix: `test-${randomUUID()}:` })]] as [
        string,
        () => Promise<KeyValueStore>,
      ][])
    : []),
];

describe.each(factories)("runIdempotent (%s store)", (_name, makeStore) => {
  const setup = async (
    overrides: Partial<IdempotencyOptions> = {},
  ): Promise<IdempotencyOptions> => {
    const store = await makeStore();
    stores.push(store);
    return { store, owner: "DEMO-IND-001", key: "key-12345678", fingerprint: "f1", ...overrides };
  };

  it("runs once and replays the stored answer for a repeat", async () => {
    const options = await setup();
    let runs = 0;
    const work = () => {
      runs++;
      return Promise.resolve({ status: 201, body: { order: runs } });
    };
    const first = await runIdempotent(options, work);
    const second = await runIdempotent(options, work);
    expect(runs).toBe(1);
    expect(first).toEqual({ response: { status: 201, body: { order: 1 } }, replayed: false });
    expect(second).toEqual({ response: { status: 201, body: { order: 1 } }, replayed: true });
  });

  it("makes concurrent repeats wait for the first and answers them all alike", async () => {
    const options = await setup({ pollMs: 5 });
    let runs = 0;
    const work = async () => {
      runs++;
      await wait(60);
      return { status: 200, body: { code: "MC_1" } };
    };
    const results = await Promise.all(
      Array.from({ length: 20 }, () => runIdempotent(options, work)),
    );
    expect(runs).toBe(1);
    expect(new Set(results.map((r) => JSON.stringify(r.response))).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
  });

  it("answers 409 conflict for the same key with another body, pending or done", async () => {
    const options = await setup({ pollMs: 5 });
    const slow = runIdempotent(options, async () => {
      await wait(40);
      return { status: 200, body: {} };
    });
    await expect(
      runIdempotent({ ...options, fingerprint: "f2" }, () =>
        Promise.resolve({ status: 200, body: {} }),
      ),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await slow;
    await expect(
      runIdempotent({ ...options, fingerprint: "f2" }, () =>
        Promise.resolve({ status: 200, body: {} }),
      ),
    ).rejects.toBeInstanceOf(ApiError);
  });

  it("forgets an attempt that failed before reaching upstream, so the key can be used again", async () => {
    const options = await setup();
    await expect(
      runIdempotent(options, () => Promise.reject(new ApiError("price_expired"))),
    ).rejects.toMatchObject({ code: "price_expired" });
    const retry = await runIdempotent(options, () =>
      Promise.resolve({ status: 200, body: { ok: true } }),
    );
    expect(retry).toEqual({ response: { status: 200, body: { ok: true } }, replayed: false });
  });

  it("a waiting repeat takes over when the first attempt is forgotten", async () => {
    const options = await setup({ pollMs: 5 });
    let runs = 0;
    const first = runIdempotent(options, async () => {
      runs++;
      await wait(30);
      throw new ApiError("validation_failed");
    });
    const second = runIdempotent(options, () => {
      runs++;
      return Promise.resolve({ status: 200, body: { second: true } });
    });
    await expect(first).rejects.toMatchObject({ code: "validation_failed" });
    await expect(second).resolves.toMatchObject({
      response: { body: { second: true } },
      replayed: false,
    });
    expect(runs).toBe(2);
  });

  it("never keeps an uncertain outcome: after a timeout the same key runs again", async () => {
    const options = await setup();
    let runs = 0;
    const work = () => {
      runs++;
      return runs === 1
        ? Promise.reject(new Error("timeout"))
        : Promise.resolve({ status: 200, body: { orderCode: "A1" } });
    };
    await expect(runIdempotent(options, work)).rejects.toThrow("timeout");
    await expect(runIdempotent(options, work)).resolves.toEqual({
      response: { status: 200, body: { orderCode: "A1" } },
      replayed: false,
    });
    await expect(runIdempotent(options, work)).resolves.toMatchObject({ replayed: true });
    expect(runs).toBe(2);
  });

  it("gives up waiting after waitMs with a conflict", async () => {
    const options = await setup({ pollMs: 5, waitMs: 30 });
    const slow = runIdempotent(options, async () => {
      await wait(120);
      return { status: 200, body: {} };
    });
    await expect(
      runIdempotent(options, () => Promise.resolve({ status: 200, body: {} })),
    ).rejects.toMatchObject({
      code: "conflict",
    });
    await slow;
  });

  it("keeps the keys of different owners apart", async () => {
    const options = await setup();
    await runIdempotent(options, () => Promise.resolve({ status: 200, body: { owner: 1 } }));
    const other = await runIdempotent(
      { ...options, owner: "DEMO-CORP-001", fingerprint: "f9" },
      () =>
        Promise.resolve({
          status: 200,
          body: { owner: 2 },
        }),
    );
    expect(other).toEqual({ response: { status: 200, body: { owner: 2 } }, replayed: false });
  });
});

describe("fingerprint", () => {
  it("ignores key order and undefined members, not values or the operation", () => {
    expect(stableStringify({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe(
      '{"a":[1,{"d":2}],"b":1}',
    );
    expect(fingerprint("op", { a: 1, b: 2 })).toBe(fingerprint("op", { b: 2, a: 1 }));
    expect(fingerprint("op", { a: 1 })).not.toBe(fingerprint("op", { a: 2 }));
    expect(fingerprint("op", { a: 1 })).not.toBe(fingerprint("other", { a: 1 }));
  });
});
