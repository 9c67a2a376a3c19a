import { beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { AUDIT_STREAM } from "../audit.ts";
import {
  acceptLegalDocuments,
  apiClient,
  resetSandbox,
  upstreamCalls,
  useTestProxy,
  type ApiClient,
} from "./api-test-client.ts";
import { controlClient } from "../../sandbox/control-client.ts";

/**
 * A completion whose answer never arrives although Minted ran it (sandbox faults applied after
 * the handler): the proxy settles it by reading the basket back, answers the real result, keeps
 * no uncertain outcome, and never completes the basket a second time — with the same key or a
 * new one. Real sandbox over a socket; the proxy in-process.
 */

const TIMEOUT_MS = 700;
const proxy = useTestProxy({ env: { UPSTREAM_TIMEOUT_MS: String(TIMEOUT_MS) } });
const IND = "DEMO-IND-001";
const COMPLETE_PATH = "/partner/ecom/basket/complete";

let keys = 0;
const newKey = () => `outcome-test-${String(++keys).padStart(4, "0")}-${String(Date.now())}`;

async function readyBody(api: ApiClient, paymentType: "card" | "wallet") {
  expect(
    (await api.call("POST", "/api/basket/items", { sku: "MNTGB00010", quantity: 1 })).status,
  ).toBe(200);
  const set = await api.call("PUT", "/api/checkout/addresses", {
    shippingAddressId: 1931,
    billingAddressId: 1932,
  });
  expect(set.status, set.text).toBe(200);
  const { legalAcceptances } = await acceptLegalDocuments(api);
  const quote = z
    .object({ quoteId: z.string() })
    .parse((await api.call("GET", "/api/checkout/quote")).json);
  return { quoteId: quote.quoteId, paymentType, legalAcceptances };
}

const complete = (api: ApiClient, body: unknown, key: string) =>
  api.call("POST", "/api/checkout/complete", body, { "idempotency-key": key });

const cashOf = async (api: ApiClient) =>
  z.object({ cash: z.number() }).parse((await api.call("GET", "/api/wallet")).json).cash;
const orderCodes = async (api: ApiClient) =>
  z
    .object({ items: z.array(z.object({ code: z.string() })) })
    .parse((await api.call("GET", "/api/orders")).json)
    .items.map((o) => o.code);
const resultSchema = z.object({
  orderCode: z.string(),
  status: z.string(),
  payment: z.object({ redirectUrl: z.string().optional() }),
});

const FAULTS = {
  "late (past the timeout)": { latency_ms: TIMEOUT_MS * 2 },
  "5xx": { status: 503 },
  dropped: { drop: true },
  cut: { malformed: true },
} as const;

beforeEach(() => resetSandbox(proxy()));

describe("a completion Minted ran but whose answer was lost", () => {
  for (const paymentType of ["wallet", "card"] as const)
    for (const [kind, fault] of Object.entries(FAULTS))
      it(`${paymentType}, answer ${kind}: the real result, once, for every next request`, async () => {
        const api = await apiClient(proxy(), IND);
        const body = await readyBody(api, paymentType);
        const [cashBefore, ordersBefore] = [await cashOf(api), await orderCodes(api)];
        const completionsBefore = await upstreamCalls(proxy(), "PUT", COMPLETE_PATH);
        await controlClient(proxy().sandbox.url).faults.add({
          method: "PUT",
          path: COMPLETE_PATH,
          after: true,
          count: 1,
          ...fault,
        });
        const key = newKey();
        const first = await complete(api, body, key);
        expect(first.status, first.text).toBe(200);
        const result = resultSchema.parse(first.json);
        if (paymentType === "wallet")
          expect(result).toEqual({ orderCode: result.orderCode, status: "paid", payment: {} });
        else {
          expect(result.status).toBe("pending");
          expect(result.payment.redirectUrl).toMatch(/\/pay\//);
        }

        // The fault really hit the completion Minted ran (its answer is what we lost).
        const log = (
          await controlClient(proxy().sandbox.url).requests.list({
            method: "PUT",
            path: COMPLETE_PATH,
            limit: 5000,
          })
        ).filter((r) => r.status !== 401);
        if ("latency_ms" in fault) {
          // Minted answers late: the log entry comes when it finally does.
          await new Promise((resolve) => setTimeout(resolve, fault.latency_ms));
        }
        if ("status" in fault) expect(log.at(-1)?.status).toBe(fault.status);
        if ("drop" in fault) expect(log.at(-1)?.status).toBe(499);

        const repeat = await complete(api, body, key);
        expect(repeat.text).toBe(first.text);
        // A new key (a reload, a second tap): the same order, not "your basket is empty".
        const fresh = await complete(api, body, newKey());
        expect(fresh.status, fresh.text).toBe(200);
        expect(resultSchema.parse(fresh.json).orderCode).toBe(result.orderCode);
        const back = await api.call("GET", `/api/checkout/return?order=${result.orderCode}`);
        expect(back.json).toMatchObject({
          orderCode: result.orderCode,
          status: paymentType === "wallet" ? "paid" : "pending",
        });

        expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(completionsBefore + 1);
        const orders = await orderCodes(api);
        expect(orders.filter((code) => !ordersBefore.includes(code))).toEqual([result.orderCode]);
        const charged = cashBefore - (await cashOf(api));
        if (paymentType === "wallet") expect(charged).toBeGreaterThan(0);
        else expect(charged).toBe(0);

        const audit = (await proxy().deps.store.readStream(AUDIT_STREAM)).filter(
          (r) => r.orderCode === result.orderCode,
        );
        expect(audit.map((r) => [r.outcome, r.replayed])).toEqual([
          [paymentType === "wallet" ? "completed" : "payment_pending", "false"],
          [paymentType === "wallet" ? "completed" : "payment_pending", "true"],
          [paymentType === "wallet" ? "completed" : "payment_pending", "false"],
        ]);
        expect(audit.every((r) => r.customer === IND && r.amount !== "")).toBe(true);
      });
});

describe("a completion whose outcome cannot be told yet", () => {
  it("503 outcome_unknown, never stored; once Minted answers, the real result, one order", async () => {
    const api = await apiClient(proxy(), IND);
    const body = await readyBody(api, "wallet");
    const cashBefore = await cashOf(api);
    const completionsBefore = await upstreamCalls(proxy(), "PUT", COMPLETE_PATH);
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      after: true,
      status: 502,
      count: 1,
    });
    await controlClient(proxy().sandbox.url).faults.add({
      method: "POST",
      path: "/partner/ecom/getorder",
      status: 503,
    });
    const key = newKey();
    const unknown = await complete(api, body, key);
    expect(unknown.status, unknown.text).toBe(503);
    expect(unknown.headers.get("content-type")).toContain("application/problem+json");
    const problem = z
      .object({ code: z.literal("outcome_unknown"), orderCode: z.string() })
      .parse(unknown.json);
    // Still unknown: the same key and a new key both ask again, and complete nothing.
    for (const k of [key, newKey()]) {
      const again = await complete(api, body, k);
      expect(again.status, again.text).toBe(503);
      expect(again.json).toMatchObject({ code: "outcome_unknown", orderCode: problem.orderCode });
    }
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(completionsBefore + 1);

    await controlClient(proxy().sandbox.url).faults.clear();
    const settled = await complete(api, body, key);
    expect(settled.status, settled.text).toBe(200);
    expect(settled.json).toEqual({ orderCode: problem.orderCode, status: "paid", payment: {} });
    expect(settled.headers.get("idempotent-replayed")).toBeNull();
    const other = await complete(api, body, newKey());
    expect(other.json).toEqual(settled.json);
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(completionsBefore + 1);
    expect(cashBefore - (await cashOf(api))).toBeGreaterThan(0);
    const outcomes = (await proxy().deps.store.readStream(AUDIT_STREAM))
      .filter((r) => r.orderCode === problem.orderCode)
      .map((r) => r.outcome);
    expect(outcomes).toEqual(["unknown", "unknown", "unknown", "completed", "completed"]);
  });

  it("a second completion while the first is still running is told to wait, and completes nothing", async () => {
    const api = await apiClient(proxy(), IND);
    const body = await readyBody(api, "wallet");
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      latency_ms: 400,
      count: 1,
    });
    const completionsBefore = await upstreamCalls(proxy(), "PUT", COMPLETE_PATH);
    const first = complete(api, body, newKey());
    await new Promise((resolve) => setTimeout(resolve, 150));
    const second = await complete(api, body, newKey());
    expect(second.status, second.text).toBe(503);
    expect(second.json).toMatchObject({ code: "outcome_unknown" });
    const done = await first;
    expect(done.status, done.text).toBe(200);
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(completionsBefore + 1);
  });
});

describe("a completion that never reached Minted, or is still on its way", () => {
  it("dropped before Minted ran it: outcome unknown (never stored), the same key then completes once", async () => {
    const api = await apiClient(proxy(), IND);
    const body = await readyBody(api, "wallet");
    const completionsBefore = await upstreamCalls(proxy(), "PUT", COMPLETE_PATH);
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      drop: true,
      count: 1,
    });
    const key = newKey();
    const first = await complete(api, body, key);
    expect(first.status, first.text).toBe(503);
    expect(first.json).toMatchObject({ code: "outcome_unknown" });
    const again = await complete(api, body, key);
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ status: "paid" });
    expect(await upstreamCalls(proxy(), "PUT", COMPLETE_PATH)).toBe(completionsBefore + 2);
    const fresh = await complete(api, body, newKey());
    expect(fresh.json).toEqual(again.json);
  });

  it("late before Minted ran it: unknown while on its way; once it landed, the one order", async () => {
    const api = await apiClient(proxy(), IND);
    const body = await readyBody(api, "wallet");
    const ordersBefore = await orderCodes(api);
    await controlClient(proxy().sandbox.url).faults.add({
      method: "PUT",
      path: COMPLETE_PATH,
      latency_ms: TIMEOUT_MS * 2,
      count: 1,
    });
    const key = newKey();
    const first = await complete(api, body, key);
    expect(first.status, first.text).toBe(503);
    const problem = z
      .object({ code: z.literal("outcome_unknown"), orderCode: z.string() })
      .parse(first.json);
    await new Promise((resolve) => setTimeout(resolve, TIMEOUT_MS * 2));
    for (const k of [key, newKey()]) {
      const later = await complete(api, body, k);
      expect(later.status, later.text).toBe(200);
      expect(later.json).toEqual({ orderCode: problem.orderCode, status: "paid", payment: {} });
    }
    const orders = await orderCodes(api);
    expect(orders.filter((code) => !ordersBefore.includes(code))).toEqual([problem.orderCode]);
  });
});
