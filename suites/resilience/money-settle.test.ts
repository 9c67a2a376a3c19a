import { describe, expect, it } from "vitest";
import { z } from "zod";
import { curl } from "../../sandbox/test-support.ts";
import { type Answer } from "../stack.ts";
import { useFaultStack } from "./fault-stack.ts";

/**
 * Wallet buy / sell / delivery and digital buy / sell whose upstream answer is late, cut,
 * dropped or a 5xx, through the real proxy and sandbox: the customer's next request (the same
 * key) answers the real result, a new key for the same quote answers that same order, there is
 * exactly one order upstream and the balance moved once.
 */

const TIMEOUT_MS = 1500;
const IND = "DEMO-IND-001";
const run = useFaultStack(TIMEOUT_MS, IND);

/** Each fault on the completion call, and how long a late request needs to land. */
const FAULTS = {
  // The sandbox sleeps past the proxy's timeout, then completes: the order lands late.
  late: { spec: { latency_ms: TIMEOUT_MS * 2 }, settleMs: TIMEOUT_MS * 2 },
  // The answer is cut in half after the order was made.
  cut: { spec: { malformed: true }, settleMs: 0 },
  // The connection is dropped before Minted did anything.
  dropped: { spec: { drop: true }, settleMs: 0 },
  // A 5xx before Minted did anything.
  "5xx": { spec: { status: 503 }, settleMs: 0 },
  // Minted did the work; its answer comes too late, never comes, or is replaced by a 5xx.
  "late after": { spec: { latency_ms: TIMEOUT_MS * 2, after: true }, settleMs: TIMEOUT_MS * 2 },
  "dropped after": { spec: { drop: true, after: true }, settleMs: 0 },
  "5xx after": { spec: { status: 503, after: true }, settleMs: 0 },
} as const;

const problemCode = (a: Answer) => z.object({ code: z.string() }).parse(a.json).code;

/** The first answer under a fault: the real result, or a retryable problem never stored. */
function expectSettledOrRetryable(kind: string, first: Answer): void {
  if (first.status === 200 || first.status === 201) return;
  expect(first.status, `${kind}: ${first.text}`).toBe(503);
  expect(first.headers.get("content-type")).toContain("application/problem+json");
  expect(["outcome_unknown", "upstream_unavailable"], `${kind}: ${first.text}`).toContain(
    problemCode(first),
  );
  expect(first.text).not.toContain(run.stack.sandboxUrl);
}

async function cashAndGold(): Promise<{ cash: number; gold: number }> {
  const res = await curl(run.stack.sandboxUrl, `/partner/balance/customer/${IND}`);
  const lines = z
    .array(z.object({ currency_code: z.string(), balance: z.number() }))
    .parse((res.json as { data: unknown }).data);
  const of = (code: string) => lines.find((l) => l.currency_code === code)?.balance ?? 0;
  return { cash: of("TRY"), gold: of("GAU") };
}

async function walletOrderCount(type: string): Promise<number> {
  const res = await curl(
    run.stack.sandboxUrl,
    `/partner/walletable/orders?customer_external_id=${IND}&tx_type=${type}&total=100`,
  );
  return z.object({ data: z.object({ data: z.array(z.unknown()) }) }).parse(res.json).data.data
    .length;
}

/**
 * Upstream requests to `path` logged with a success (an after-fault logs the answer it put in
 * place of Minted's, so this counts at most the orders made).
 */
async function upstreamSuccesses(path: string): Promise<number> {
  const log = await run.stack.control.requests.list({ method: "POST", path, limit: 100 });
  return log.filter((r) => r.status >= 200 && r.status < 300).length;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fault on `path`, first call, lift the fault, let a late request land, call again. */
async function underFault(
  kind: keyof typeof FAULTS,
  path: string,
  send: (key: string) => Promise<Answer>,
): Promise<{ first: Answer; again: Answer; key: string }> {
  const { spec, settleMs } = FAULTS[kind];
  await run.stack.control.faults.add({ method: "POST", path, ...spec });
  const key = `settle-${kind.replace(" ", "-")}-${String(Date.now())}`;
  const first = await send(key);
  await run.stack.control.faults.clear();
  expectSettledOrRetryable(kind, first);
  await sleep(settleMs + 200);
  const again = await send(key);
  return { first, again, key };
}

const WALLET_CASES = [
  { type: "buy", sku: "MNTGB00010", sign: -1 },
  { type: "sell", sku: "MNTGB00100", sign: 1 },
  { type: "delivery", sku: "MNTSB00100", sign: -1 },
] as const;

const walletOrderBody = z.object({ id: z.number(), total: z.number() });

describe("wallet completions settle to the truth", () => {
  for (const { type, sku, sign } of WALLET_CASES)
    for (const kind of Object.keys(FAULTS) as (keyof typeof FAULTS)[])
      it(`${type} / ${kind}: the next request answers the one order; cash moved once`, async () => {
        const added = await run.client.call("POST", `/api/wallet/baskets/${type}/items`, {
          sku,
          quantity: 1,
        });
        expect(added.status, added.text).toBe(200);
        if (type === "delivery") {
          const address = await run.client.call("PUT", "/api/wallet/baskets/delivery/address", {
            addressId: 1931,
          });
          expect(address.status, address.text).toBe(200);
        }
        const basket = await run.client.call("GET", `/api/wallet/baskets/${type}`);
        const { quoteId } = z.object({ quoteId: z.string() }).parse(basket.json);
        const before = await cashAndGold();
        const ordersBefore = await walletOrderCount(type);
        const path = `/partner/walletable/complete/${type}`;
        const complete = (key: string) =>
          run.client.call(
            "POST",
            `/api/wallet/baskets/${type}/complete`,
            { quoteId },
            {
              "idempotency-key": key,
            },
          );

        const { again } = await underFault(kind, path, complete);
        expect(again.status, `${kind} repeat: ${again.text}`).toBe(200);
        const order = walletOrderBody.parse(again.json);
        // A new key for the same quote cannot complete the basket again: it answers that order.
        const other = await complete(`settle-other-${String(Date.now())}`);
        expect(other.status, other.text).toBe(200);
        expect(walletOrderBody.parse(other.json).id).toBe(order.id);

        expect(await walletOrderCount(type)).toBe(ordersBefore + 1);
        expect(await upstreamSuccesses(path)).toBeLessThanOrEqual(1);
        const after = await cashAndGold();
        expect(Math.round((after.cash - before.cash) * 100)).toBe(
          Math.round(sign * order.total * 100),
        );
      });
});

const digitalOrderBody = z.object({ orderCode: z.string(), grams: z.number() });

describe("digital orders settle to the truth", () => {
  for (const side of ["buy", "sell"] as const)
    for (const kind of Object.keys(FAULTS) as (keyof typeof FAULTS)[])
      it(`${side} / ${kind}: the next request answers the one order; grams moved once`, async () => {
        const quote = await run.client.call("POST", "/api/digital/quotes", {
          metal: "gold",
          side,
          grams: 1,
          currency: "TRY",
        });
        expect(quote.status, quote.text).toBe(201);
        const { quoteId } = z.object({ quoteId: z.string() }).parse(quote.json);
        const before = await cashAndGold();
        const path = `/partner/order/digital/${side}`;
        const place = (key: string) =>
          run.client.call(
            "POST",
            "/api/digital/orders",
            { quoteId, side, grams: 1 },
            {
              "idempotency-key": key,
            },
          );

        const { first, again } = await underFault(kind, path, place);
        expect(again.status, `${kind} repeat: ${again.text}`).toBe(201);
        const order = digitalOrderBody.parse(again.json);
        if (first.status === 201)
          expect(digitalOrderBody.parse(first.json).orderCode).toBe(order.orderCode);

        expect(await upstreamSuccesses(path)).toBeLessThanOrEqual(1);
        const history = await run.client.call("GET", `/api/wallet/orders?txType=${side}`);
        const rows = z
          .object({ orders: z.array(z.object({ source: z.string(), orderCode: z.string() })) })
          .parse(history.json)
          .orders.filter((o) => o.source === "digital");
        expect(rows.map((o) => o.orderCode)).toEqual([order.orderCode]);
        const after = await cashAndGold();
        expect(Math.round((after.gold - before.gold) * 10_000)).toBe(
          (side === "buy" ? 1 : -1) * 10_000,
        );
      });
});
