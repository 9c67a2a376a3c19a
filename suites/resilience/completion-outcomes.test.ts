import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { AUDIT_STREAM } from "../../server/audit.ts";
import type { KeyValueStore } from "../../server/deps.ts";
import { createRedisStore } from "../../server/store/redis-store.ts";
import { readyCheckout, type Answer } from "../stack.ts";
import { useFaultStack } from "./fault-stack.ts";

/**
 * "Minted completed it but the answer never arrived", through the real proxy, Redis and sandbox
 * processes: sandbox faults applied AFTER the completion ran (late past UPSTREAM_TIMEOUT_MS, cut,
 * dropped, 5xx) on the card and the wallet-balance checkout. The customer's next requests — the
 * same key, the return page, a new key — all show the real result; Minted holds exactly one
 * order, the balance is debited once. A fault BEFORE the completion ran is safe to retry.
 */

const TIMEOUT_MS = 1500;
const COMPLETE = "/partner/ecom/basket/complete";
const run = useFaultStack(TIMEOUT_MS, "DEMO-IND-001", { redis: true });
let audit: KeyValueStore;

beforeAll(async () => {
  audit = await createRedisStore(run.stack.redisUrl ?? "");
});
afterAll(() => audit.close());

const resultSchema = z.object({
  orderCode: z.string(),
  status: z.string(),
  payment: z.object({ redirectUrl: z.string().optional() }),
});
const cash = async () =>
  z.object({ cash: z.number() }).parse((await run.client.call("GET", "/api/wallet")).json).cash;
const orderCodes = async () =>
  z
    .object({ items: z.array(z.object({ code: z.string() })) })
    .parse((await run.client.call("GET", "/api/orders")).json)
    .items.map((o) => o.code);
const completeWith = (body: unknown, key: string): Promise<Answer> =>
  run.client.call("POST", "/api/checkout/complete", body, { "idempotency-key": key });
let keys = 0;
const newKey = () => `suite-outcome-${String(++keys)}-${String(Date.now())}`;

const AFTER = {
  "late past the timeout": { latency_ms: TIMEOUT_MS * 2 },
  cut: { malformed: true },
  dropped: { drop: true },
  "5xx": { status: 502 },
} as const;

describe("completion answer lost after Minted completed it", () => {
  for (const paymentType of ["card", "wallet"] as const)
    for (const [kind, fault] of Object.entries(AFTER))
      it(`${paymentType}, ${kind}: every next request shows the one real order`, async () => {
        const body = await readyCheckout(run.client, paymentType);
        const [cashBefore, ordersBefore] = [await cash(), await orderCodes()];
        await run.stack.control.faults.add({
          method: "PUT",
          path: COMPLETE,
          after: true,
          count: 1,
          ...fault,
        });
        const key = newKey();
        const first = await completeWith(body, key);
        expect(first.status, `${kind}: ${first.text}`).toBe(200);
        const result = resultSchema.parse(first.json);
        const expected = paymentType === "wallet" ? "paid" : "pending";
        expect(result.status).toBe(expected);
        if (paymentType === "card") expect(result.payment.redirectUrl).toContain("/pay/");
        // The late answer is still on its way: let it land before counting.
        if ("latency_ms" in fault) await new Promise((r) => setTimeout(r, fault.latency_ms));

        const repeat = await completeWith(body, key);
        expect(repeat.status).toBe(200);
        expect(resultSchema.parse(repeat.json)).toEqual(result);
        const back = await run.client.call("GET", `/api/checkout/return?order=${result.orderCode}`);
        expect(back.json).toMatchObject({ orderCode: result.orderCode, status: expected });
        const fresh = await completeWith(body, newKey());
        expect(fresh.status, fresh.text).toBe(200);
        expect(resultSchema.parse(fresh.json)).toEqual(result);

        expect(await run.stack.control.requests.count("PUT", COMPLETE)).toBe(1);
        const orders = await orderCodes();
        expect(orders.filter((code) => !ordersBefore.includes(code))).toEqual([result.orderCode]);
        const debited = Math.round((cashBefore - (await cash())) * 100) / 100;
        if (paymentType === "wallet") expect(debited).toBeGreaterThan(0);
        else expect(debited).toBe(0);

        // The audit trail (Redis stream): one record per answer, none of them uncertain.
        const records = (await audit.readStream(AUDIT_STREAM)).filter(
          (r) => r.orderCode === result.orderCode,
        );
        expect(records.map((r) => r.outcome)).toEqual(
          Array(3).fill(paymentType === "wallet" ? "completed" : "payment_pending"),
        );
        expect(records.map((r) => r.idempotencyKey)).toContain(key);
      });
});

describe("completion fault before Minted ran it", () => {
  for (const [kind, fault] of Object.entries({ "5xx": { status: 503 }, dropped: { drop: true } }))
    it(`${kind}: retrying with the same key completes once`, async () => {
      const body = await readyCheckout(run.client, "wallet");
      const cashBefore = await cash();
      await run.stack.control.faults.add({
        method: "PUT",
        path: COMPLETE,
        count: 1,
        ...fault,
      });
      const key = newKey();
      const first = await completeWith(body, key);
      expect(first.status, first.text).toBe(503);
      expect(first.headers.get("content-type")).toContain("application/problem+json");
      expect(["upstream_unavailable", "outcome_unknown"]).toContain(
        z.object({ code: z.string() }).parse(first.json).code,
      );
      const retry = await completeWith(body, key);
      expect(retry.status, retry.text).toBe(200);
      const result = resultSchema.parse(retry.json);
      expect(result.status).toBe("paid");
      expect((await completeWith(body, newKey())).json).toEqual(result);
      const debited = Math.round((cashBefore - (await cash())) * 100) / 100;
      const paid = z
        .object({ total: z.number() })
        .safeParse((await run.client.call("GET", `/api/orders/${result.orderCode}`)).json);
      if (paid.success) expect(debited).toBe(paid.data.total);
      expect(debited).toBeGreaterThan(0);
      const completedOrders = await run.stack.control.requests.list({
        method: "PUT",
        path: COMPLETE,
        status: 200,
        limit: 100,
      });
      expect(completedOrders).toHaveLength(1);
    });
});
