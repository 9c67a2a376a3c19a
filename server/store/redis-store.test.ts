import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyValueStore } from "../deps.ts";
import { createRedisStore } from "./redis-store.ts";

const hasRedis = spawnSync("redis-server", ["--version"]).status === 0;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

describe.skipIf(!hasRedis)(
  hasRedis
    ? "redis store (real redis-server)"
    : "redis store — skipped: redis-server is not installed (apt-get install -y redis-server)",
  () => {
    let child: ChildProcess;
    let store: KeyValueStore;
    let url: string;

    beforeAll(async () => {
      const port = await freePort();
      url = `redis://127.0.0.1:${String(port)}`;
      child = spawn("redis-server", ["--port", String(port), "--save", "", "--appendonly", "no"], {
        stdio: "ignore",
      });
      for (let attempt = 0; ; attempt++) {
        try {
          store = await createRedisStore(url, { keyPrefix: `test-${String(process.pid)}:` });
          break;
        } catch (error) {
          if (attempt > 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
    });
    afterAll(async () => {
      await store.close();
      child.kill("SIGTERM");
    });

    it("gets, sets with a TTL, deletes", async () => {
      expect(await store.get("a")).toBeNull();
      await store.set("a", "1", 1);
      expect(await store.get("a")).toBe("1");
      await store.delete("a");
      expect(await store.get("a")).toBeNull();
      await store.set("b", "1", 1);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await store.get("b")).toBeNull();
    });

    it("setIfAbsent is SET NX", async () => {
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) => store.setIfAbsent("jti:x", String(i), 60)),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it("increment counts atomically and keeps the creation TTL", async () => {
      const counts = await Promise.all(Array.from({ length: 20 }, () => store.increment("c", 1)));
      expect([...counts].sort((a, b) => a - b)).toEqual(
        Array.from({ length: 20 }, (_, i) => i + 1),
      );
      await new Promise((resolve) => setTimeout(resolve, 1100));
      expect(await store.increment("c", 1)).toBe(1);
    });

    it("appends to a stream (XADD MAXLEN ~) that another client reads back", async () => {
      for (let i = 1; i <= 3; i++)
        await store.append("audit", { n: String(i), kind: "checkout" }, 100);
      const other = await createRedisStore(url, { keyPrefix: `test-${String(process.pid)}:` });
      expect(await other.readStream("audit")).toEqual([
        { n: "1", kind: "checkout" },
        { n: "2", kind: "checkout" },
        { n: "3", kind: "checkout" },
      ]);
      await other.close();
      // Trimmed approximately: far more appends than the bound leave about the bound.
      for (let i = 0; i < 500; i++) await store.append("bounded", { n: String(i) }, 100);
      const kept = await store.readStream("bounded");
      expect(kept.length).toBeLessThan(500);
      expect(kept.at(-1)).toEqual({ n: "499" });
    });

    it("two clients see the same counters (several proxy instances)", async () => {
      const other = await createRedisStore(url, { keyPrefix: `test-${String(process.pid)}:` });
      await store.increment("shared", 60);
      expect(await other.increment("shared", 60)).toBe(2);
      await other.close();
    });
  },
);
