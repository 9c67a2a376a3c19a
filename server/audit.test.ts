import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { AUDIT_STREAM, auditMoney, hashSessionId } from "./audit.ts";
import type { AppEnv, KeyValueStore, Session } from "./deps.ts";
import { createLogger } from "./log.ts";
import { createMemoryStore } from "./store/memory-store.ts";

const session: Session = {
  sid: "sid-secret-1",
  kind: "launch",
  customer: "cust-7",
  locale: "tr",
  currency: "TRY",
  theme: null,
  guestBasket: [],
  exp: 0,
};

function appWith(store: KeyValueStore, lines: string[]) {
  const logger = createLogger({ LOG_LEVEL: "info" }, { write: (line) => lines.push(line) });
  const deps = { store, logger, now: () => Date.UTC(2026, 0, 2, 3, 4, 5) };
  const app = new Hono<AppEnv>();
  app.use(async (c, next) => {
    c.set("session", session);
    c.set("requestId", "req-1");
    await next();
  });
  app.post("/", async (c) => {
    await auditMoney(deps, c, {
      kind: "checkout",
      idempotencyKey: "key-1",
      outcome: "completed",
      amount: { value: 1234.5, currency: "TRY" },
      orderCode: "100000123",
      replayed: true,
    });
    return c.body(null, 204);
  });
  return app;
}

describe("auditMoney", () => {
  it("appends one record to the store stream and the JSON log, session id hashed", async () => {
    const store = createMemoryStore();
    const lines: string[] = [];
    await appWith(store, lines).request("/", { method: "POST" });
    const expected = {
      time: "2026-01-02T03:04:05.000Z",
      kind: "checkout",
      customer: "cust-7",
      session: hashSessionId("sid-secret-1"),
      requestId: "req-1",
      idempotencyKey: "key-1",
      amount: "1234.5",
      currency: "TRY",
      outcome: "completed",
      orderCode: "100000123",
      replayed: "true",
    };
    expect(await store.readStream(AUDIT_STREAM)).toEqual([expected]);
    const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(logged.filter((l) => l.msg === "money audit")).toHaveLength(1);
    expect(JSON.stringify(logged)).not.toContain("sid-secret-1");
    expect(expected.session).not.toContain("sid-secret-1");
    await store.close();
  });

  it("still answers (and logs the record) when the store cannot append", async () => {
    const broken: KeyValueStore = {
      ...createMemoryStore(),
      append: () => Promise.reject(new Error("redis down")),
    };
    const lines: string[] = [];
    const res = await appWith(broken, lines).request("/", { method: "POST" });
    expect(res.status).toBe(204);
    expect(lines.some((l) => l.includes("money audit not stored"))).toBe(true);
    await broken.close();
  });
});
