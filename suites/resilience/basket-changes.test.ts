import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type Answer } from "../stack.ts";
import { useFaultStack } from "./fault-stack.ts";

/**
 * Basket changes whose answer is late, cut or repeated, through the real proxy and sandbox: a
 * change is applied once per Idempotency-Key, and a late first attempt cannot double a line.
 */

const TIMEOUT_MS = 1500;
const LATE_MS = TIMEOUT_MS * 2;
const run = useFaultStack(TIMEOUT_MS);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let seq = 0;
const newKey = () => `tap-${String(++seq)}-${String(Date.now())}`;

const linesSchema = z.object({
  items: z.array(z.object({ sku: z.string(), quantity: z.number() })),
});

async function quantityOf(path: string, sku: string): Promise<number> {
  const res = await run.client.call("GET", path);
  expect(res.status, res.text).toBe(200);
  const lines = linesSchema.parse(res.json).items.filter((i) => i.sku === sku);
  expect(lines.length, `one line of ${sku}`).toBeLessThanOrEqual(1);
  return lines[0]?.quantity ?? 0;
}

/** The physical basket and the wallet's buy basket, each with its upstream path. */
const BASKETS = [
  {
    name: "basket",
    read: "/api/basket",
    add: "/api/basket/items",
    upstream: "/partner/ecom/basket",
  },
  {
    name: "wallet basket",
    read: "/api/wallet/baskets/buy",
    add: "/api/wallet/baskets/buy/items",
    upstream: "/partner/walletable/basket",
  },
] as const;

const SKU = "MNTGB00010";

async function faultOnChanges(upstream: string, spec: Record<string, unknown>): Promise<void> {
  for (const method of ["POST", "PATCH"])
    await run.stack.control.faults.add({ method, path: upstream, ...spec });
}

function add(path: string, quantity: number, key: string): Promise<Answer> {
  return run.client.call("POST", path, { sku: SKU, quantity }, { "idempotency-key": key });
}

describe("basket changes are applied once", () => {
  for (const b of BASKETS) {
    it(`${b.name}: a repeat with the same key is replayed, not applied again`, async () => {
      expect((await add(b.add, 2, newKey())).status).toBe(200);
      const key = newKey();
      const first = await add(b.add, 1, key);
      expect(first.status, first.text).toBe(200);
      const repeat = await add(b.add, 1, key);
      expect(repeat.status, repeat.text).toBe(200);
      expect(repeat.headers.get("idempotent-replayed")).toBe("true");
      expect(repeat.text).toBe(first.text);
      expect(await quantityOf(b.read, SKU)).toBe(3);
    });

    it(`${b.name}: a late add and the shop's retry with its key land as one`, async () => {
      expect((await add(b.add, 2, newKey())).status).toBe(200);
      await faultOnChanges(b.upstream, { latency_ms: LATE_MS });
      const key = newKey();
      const first = await add(b.add, 1, key);
      expect(first.status, first.text).toBeGreaterThanOrEqual(500);
      await run.stack.control.faults.clear();
      const retry = await add(b.add, 1, key);
      expect(retry.status, retry.text).toBe(200);
      await sleep(LATE_MS);
      expect(await quantityOf(b.read, SKU)).toBe(3);
    });

    it(`${b.name}: after a cut answer the retry does not double the line`, async () => {
      expect((await add(b.add, 2, newKey())).status).toBe(200);
      await faultOnChanges(b.upstream, { malformed: true, count: 1 });
      const key = newKey();
      const first = await add(b.add, 1, key);
      expect(first.status, first.text).toBeGreaterThanOrEqual(500);
      await run.stack.control.faults.clear();
      const retry = await add(b.add, 1, key);
      expect(retry.status, retry.text).toBe(200);
      expect(await quantityOf(b.read, SKU)).toBe(3);
    });

    it(`${b.name}: a late first add of a new line and its retry leave one unit`, async () => {
      // The basket exists (a cart token), with another line.
      const other = await run.client.call("POST", b.add, { sku: "MNTSB00050", quantity: 1 });
      expect(other.status, other.text).toBe(200);
      await faultOnChanges(b.upstream, { latency_ms: LATE_MS });
      const key = newKey();
      const first = await add(b.add, 1, key);
      expect(first.status, first.text).toBeGreaterThanOrEqual(500);
      await run.stack.control.faults.clear();
      const retry = await add(b.add, 1, key);
      // Not confirmed yet (503) or already there (200): never added a second time.
      expect([200, 503], retry.text).toContain(retry.status);
      await sleep(LATE_MS);
      expect(await quantityOf(b.read, SKU)).toBe(1);
    });
  }

  it("a key reused for another change is a conflict, never a second change", async () => {
    expect((await add("/api/basket/items", 1, newKey())).status).toBe(200);
    const path = `/api/basket/items/${SKU}`;
    const key = newKey();
    const set = await run.client.call("PATCH", path, { quantity: 2 }, { "idempotency-key": key });
    expect(set.status, set.text).toBe(200);
    const clash = await run.client.call("PATCH", path, { quantity: 3 }, { "idempotency-key": key });
    expect(clash.status, clash.text).toBe(409);
    expect(await quantityOf("/api/basket", SKU)).toBe(2);
  });
});
