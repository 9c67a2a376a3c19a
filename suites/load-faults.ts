import { z } from "zod";
import { MINTED_OPERATIONS } from "../minted/operations.ts";
import { controlClient } from "../sandbox/control-client.ts";
import { type Answer, type ShopClient } from "./stack.ts";

/**
 * `test:load -- --faults <rate>`: the sandbox breaks that share of checkout completions, each
 * in one of the ways money meets reality — the answer late past the proxy's timeout, cut in half,
 * the connection dropped, or a 5xx, all AFTER Minted completed the basket; and a 5xx before it
 * did. A session then behaves as the shop does: on `outcome_unknown` or a retryable
 * `upstream_unavailable` it sends the same Idempotency-Key again until the answer is certain.
 * At the end every session reconciles what it was told with what Minted holds: each order
 * upstream must be one the customer was answered (no duplicate, no charge the customer was not
 * told about), and each answered order must exist.
 */

const COMPLETE = MINTED_OPERATIONS.basketComplete;

/** The proxy's upstream timeout for a fault run: short, so a late answer is late quickly. */
export const FAULT_RUN_TIMEOUT_MS = 3000;

/** The kinds of fault, applied in turn (the sandbox takes the first fault that fires). */
function faultMix(timeoutMs: number) {
  return [
    { name: "late after completing", spec: { latency_ms: timeoutMs * 2, after: true } },
    { name: "cut after completing", spec: { malformed: true, after: true } },
    { name: "dropped after completing", spec: { drop: true, after: true } },
    { name: "503 after completing", spec: { status: 503, after: true } },
    { name: "503 before completing", spec: { status: 503 } },
  ];
}

/**
 * Registers the mix so that about `rate` of all completions meet one fault, spread evenly over
 * the kinds (each fault fires with the probability that leaves that share after the ones before).
 */
export async function injectCompletionFaults(
  sandboxUrl: string,
  rate: number,
  timeoutMs: number,
): Promise<string[]> {
  const mix = faultMix(timeoutMs);
  const share = rate / mix.length;
  for (const [i, { spec }] of mix.entries()) {
    // The sandbox reaches fault i only when none before it fired (1 − i·share of completions).
    const conditional = Math.min(1, share / (1 - i * share));
    await controlClient(sandboxUrl).faults.add({
      method: COMPLETE.method,
      path: COMPLETE.path,
      rate: conditional,
      ...spec,
    });
  }
  return mix.map((m) => m.name);
}

/** How often each kind of fault fired, in the order `injectCompletionFaults` named them. */
export async function faultHits(sandboxUrl: string): Promise<number[]> {
  return (await controlClient(sandboxUrl).faults.list()).map((f) => f.hits);
}

const problemSchema = z.object({ code: z.string(), outcome: z.string().optional() });
const orderSchema = z.object({ orderCode: z.string() });

/** Whether the answer says "not certain yet, ask again with the same key". */
function unsettled(res: Answer): boolean {
  if (res.status !== 503) return false;
  const problem = problemSchema.safeParse(res.json);
  return (
    problem.success &&
    (problem.data.code === "outcome_unknown" || problem.data.code === "upstream_unavailable")
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Settled {
  /** The certain answer (or the last uncertain one when the customer gave up). */
  answer: Answer;
  /** How many times the same key was sent. */
  attempts: number;
  orderCode: string | null;
}

/** Completes as the shop does: the same key again while the outcome is not certain (≤ 30 s). */
export async function completeUntilSettled(
  client: ShopClient,
  body: unknown,
  key: string,
): Promise<Settled> {
  const giveUp = Date.now() + 30_000;
  for (let attempts = 1; ; attempts++) {
    const answer = await client.call("POST", "/api/checkout/complete", body, {
      "idempotency-key": key,
    });
    if (!unsettled(answer) || Date.now() > giveUp) {
      const order = orderSchema.safeParse(answer.json);
      return { answer, attempts, orderCode: order.success ? order.data.orderCode : null };
    }
    await sleep(500);
  }
}

const ordersPageSchema = z.object({
  items: z.array(z.object({ code: z.string() })),
  pageInfo: z.object({ totalPages: z.number().int() }),
});

/** The customer's order codes as Minted lists them (every page). */
async function ordersUpstream(client: ShopClient): Promise<string[]> {
  const codes: string[] = [];
  for (let page = 1; ; page++) {
    const res = await client.call("GET", `/api/orders?page=${String(page)}&pageSize=30`);
    if (res.status !== 200) throw new Error(`orders: ${String(res.status)} ${res.text}`);
    const parsed = ordersPageSchema.parse(res.json);
    codes.push(...parsed.items.map((o) => o.code));
    if (page >= parsed.pageInfo.totalPages) return codes;
  }
}

export interface Reconciliation {
  /** Orders Minted holds for the customer. */
  upstream: number;
  /** Orders the customer was answered. */
  answered: number;
  /** Orders upstream the customer was never answered (a duplicate or an untold charge). */
  untold: string[];
  /** Orders the customer was answered that Minted does not hold. */
  missing: string[];
}

/** What the customer was told against what Minted holds. */
export async function reconcile(
  client: ShopClient,
  answered: ReadonlySet<string>,
): Promise<Reconciliation> {
  const upstream = new Set(await ordersUpstream(client));
  return {
    upstream: upstream.size,
    answered: answered.size,
    untold: [...upstream].filter((code) => !answered.has(code)),
    missing: [...answered].filter((code) => !upstream.has(code)),
  };
}
