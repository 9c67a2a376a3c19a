import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { SignJWT } from "jose";
import { Agent, setGlobalDispatcher } from "undici";
import { z } from "zod";
import { devProfile } from "../server/session/dev-launch.ts";
import {
  FAULT_RUN_TIMEOUT_MS,
  completeUntilSettled,
  faultHits,
  injectCompletionFaults,
  reconcile,
} from "./load-faults.ts";
import { ShopClient, readyCheckout, startStack, type Answer, type Stack } from "./stack.ts";

/**
 * `npm run test:load -- --sessions 200 --duration 60`: that many concurrent customer sessions,
 * each launched through the real launch flow as its own customer, save their addresses, then
 * browse (catalog, product, categories, basket) and check out by card (quote, completion with an
 * Idempotency-Key, the 3-D Secure return) in a loop until the time is up — against real proxy and
 * sandbox processes (started here unless --base is given). Prints totals and latency percentiles;
 * exits 1 on any error (a non-2xx answer, a timeout, a network error).
 *
 * The proxy's per-session and per-IP rate limits are raised for the run: every session comes from
 * 127.0.0.1, which a real deployment would see as 200 different addresses.
 *
 * `--base <url>` runs against a deployed proxy in sandbox mode (it launches through /dev/launch).
 * Its per-IP limit (RATE_LIMIT_IP_PER_MINUTE) then sees every session as this one machine:
 * `--forwarded-for` gives each session its own X-Forwarded-For address (10.x.y.z), which the
 * target believes only when its TRUST_PROXY trusts this machine (or the proxies in between) —
 * otherwise raise the target's limits for the run (README, "Load test against a deployment").
 * When rate limits answer a sizeable share of the operations, the summary says so.
 *
 * A target that is not on loopback has its own LAUNCH_SECRET (server/env.ts refuses the
 * published one there), so /dev/launch is closed: with LOAD_LAUNCH_SECRET (and
 * LOAD_LAUNCH_AUDIENCE, default minted-shop) in the environment, the tool signs each session's
 * launch token itself, as a partner backend does, and POSTs it to /api/session.
 *
 * `--faults 0.2`: the sandbox breaks a fifth of the completions (late, cut, dropped, 5xx, after
 * and before Minted completed them; see load-faults.ts), the sessions ask again with the same key
 * as the shop does, and the run ends by reconciling every customer's answered orders with the
 * orders Minted holds (duplicates and untold charges must be 0). Against --base it needs
 * --sandbox <url> (the target's sandbox control API) and --upstream-timeout-ms (the target's
 * UPSTREAM_TIMEOUT_MS).
 */

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "200" },
    duration: { type: "string", default: "60" },
    base: { type: "string" },
    sandbox: { type: "string" },
    "forwarded-for": { type: "boolean", default: false },
    faults: { type: "string", default: "0" },
    "upstream-timeout-ms": { type: "string" },
  },
});
const FAULT_RATE = z.coerce.number().min(0).max(0.9).parse(values.faults);
const FORWARDED_FOR = values["forwarded-for"];
/** Session n's own address: 10.0.0.1, 10.0.0.2, … (distinct for up to 16 million sessions). */
function sessionAddress(n: number): string {
  const m = n + 1;
  return `10.${String((m >> 16) & 255)}.${String((m >> 8) & 255)}.${String(m & 255)}`;
}
const LAUNCH_SECRET = process.env.LOAD_LAUNCH_SECRET;
const LAUNCH_AUDIENCE = process.env.LOAD_LAUNCH_AUDIENCE ?? "minted-shop";

/** A partner backend's launch: a 5-minute HS256 token with the profile that creates the customer. */
async function launch(client: ShopClient, customer: string): Promise<void> {
  if (!LAUNCH_SECRET) return client.launch(customer);
  const now = Math.floor(Date.now() / 1000);
  const token = await new SignJWT({ profile: devProfile(customer) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(customer)
    .setAudience(LAUNCH_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 300)
    .setJti(randomUUID())
    .sign(new TextEncoder().encode(LAUNCH_SECRET));
  const res = await client.call("POST", "/api/session", { token });
  if (res.status !== 200)
    throw new Error(`launch: ${String(res.status)} ${res.text.slice(0, 200)}`);
}

const SESSIONS = z.coerce.number().int().min(1).max(5000).parse(values.sessions);
const DURATION_S = z.coerce.number().min(1).max(3600).parse(values.duration);

setGlobalDispatcher(new Agent({ connections: 256, keepAliveTimeout: 10_000 }));

const latencies: number[] = [];
const perOp = new Map<string, { count: number; errors: number; ms: number[] }>();
const errors: string[] = [];
let checkouts = 0;
let rateLimited = 0;
/** Completions sent again with the same key because the answer was not certain yet. */
let resent = 0;
const ledger = { upstream: 0, answered: 0, untold: [] as string[], missing: [] as string[] };

function record(op: string, res: Answer | Error, ok = (a: Answer) => a.status < 300): void {
  const entry = perOp.get(op) ?? { count: 0, errors: 0, ms: [] };
  perOp.set(op, entry);
  entry.count++;
  if (res instanceof Error) {
    // A step of several requests (checkout-prepare) reports a 429 in its message.
    if (res.message.includes("rate_limited")) rateLimited++;
    entry.errors++;
    errors.push(`${op}: ${res.message}`);
    return;
  }
  latencies.push(res.ms);
  entry.ms.push(res.ms);
  if (res.status === 429) rateLimited++;
  if (!ok(res) && res.status === 422 && isSoldOut(res.text)) {
    soldOut++;
  } else if (!ok(res)) {
    entry.errors++;
    errors.push(`${op}: ${String(res.status)} ${res.text.slice(0, 200)}`);
  }
}

/** A multi-request step that succeeded (its parts threw otherwise), with its total time. */
const passed = (ms: number): Answer => ({
  status: 200,
  headers: new Headers(),
  text: "",
  json: null,
  ms,
});

async function step(op: string, run: () => Promise<Answer>): Promise<Answer | null> {
  try {
    const res = await run();
    record(op, res);
    return res.status < 300 ? res : null;
  } catch (error) {
    record(op, error instanceof Error ? error : new Error(String(error)));
    return null;
  }
}

const SKUS = ["MNTGB00010", "MNTSB00050", "MNTGC00175", "MNTGB00100"];
/** What the sessions buy, spread over the products with the most stock (≈ 1,000 units). */
const BUY = [
  "MNTGB00010",
  "MNTGB00025",
  "MNTGB00050",
  "MNTGB00100",
  "MNTGC00175",
  "MNTGC00350",
  "MNTGC00700",
  "MNTSC03110",
];
/**
 * Checkouts leave card orders awaiting 3-D Secure, which hold their stock; a long run can sell a
 * product out. "Not enough stock" is the shop's correct answer then, counted apart, not an error.
 */
let soldOut = 0;
const isSoldOut = (text: string) =>
  text.includes("Not enough stock") || text.includes("This product is out of stock");
const idSchema = z.object({ id: z.number() });
const address = {
  fullName: "Yük Testi",
  phone: "0 (532) 111 22 33",
  city: "izmir",
  county: "Konak",
  district: "Alsancak Mah.",
  line: "Kıbrıs Şehitleri Cad. No: 5",
  zipcode: "35220",
  invoiceType: "individual",
  taxNumber: "10000000146",
};

async function session(base: string, n: number, deadline: number): Promise<void> {
  const client = new ShopClient(base);
  if (FORWARDED_FOR) client.headers["x-forwarded-for"] = sessionAddress(n);
  const customer = `LOAD-${String(n)}-${String(Date.now() % 100_000)}`;
  try {
    const started = performance.now();
    await launch(client, customer);
    record("launch", passed(performance.now() - started));
  } catch (error) {
    record("launch", error instanceof Error ? error : new Error(String(error)));
    return;
  }
  const ids: number[] = [];
  for (const type of ["shipping", "billing"]) {
    const res = await step("address", () =>
      client.call("POST", "/api/addresses", { ...address, type }),
    );
    if (!res) return;
    ids.push(idSchema.parse(res.json).id);
  }
  const [shippingAddressId = 0, billingAddressId = 0] = ids;
  const answered = new Set<string>();
  let round = 0;
  while (Date.now() < deadline) {
    round++;
    const sku = SKUS[(n + round) % SKUS.length] ?? "MNTGB00010";
    await step("catalog", () =>
      client.call("GET", `/api/products?page=${String(1 + (round % 3))}`),
    );
    await step("product", () => client.call("GET", `/api/products/${sku}`));
    await step("categories", () => client.call("GET", "/api/categories"));
    await step("prices", () => client.call("GET", "/api/prices"));
    await step("basket", () => client.call("GET", "/api/basket"));
    if (Date.now() >= deadline) break;
    try {
      const started = performance.now();
      const body = await readyCheckout(
        client,
        "card",
        { shippingAddressId, billingAddressId },
        BUY[(n * 7 + round) % BUY.length],
      );
      record("checkout-prepare", passed(performance.now() - started));
      const key = `load-${customer}-${String(round)}`;
      const settled = await completeUntilSettled(client, body, key);
      resent += settled.attempts - 1;
      record("complete", settled.answer);
      if (settled.orderCode) {
        checkouts++;
        answered.add(settled.orderCode);
        const code = settled.orderCode;
        await step("return", () => client.call("GET", `/api/checkout/return?order=${code}`));
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (isSoldOut(message)) soldOut++;
      else record("checkout-prepare", new Error(message));
    }
    await step("orders", () => client.call("GET", "/api/orders"));
  }
  try {
    const result = await reconcile(client, answered);
    ledger.upstream += result.upstream;
    ledger.answered += result.answered;
    ledger.untold.push(...result.untold.map((code) => `${customer}: ${code}`));
    ledger.missing.push(...result.missing.map((code) => `${customer}: ${code}`));
  } catch (error) {
    record("reconcile", error instanceof Error ? error : new Error(String(error)));
  }
}

/** The run measured the target's rate limits, not its capacity: say why and what to change. */
function rateLimitAdvice(limited: number, total: number): string {
  const share = `${String(limited)} of ${String(total)} operations (${((100 * limited) / total).toFixed(0)} %)`;
  const cause = FORWARDED_FOR
    ? "Every session sent its own X-Forwarded-For, so the target does not believe it: set TRUST_PROXY " +
      "on the target to this machine's address (or the hop count of the proxies in between)"
    : "Every session comes from this one machine, so the target's per-IP limit counts them together: " +
      "rerun with --forwarded-for against a target whose TRUST_PROXY trusts this machine";
  return (
    `\nRATE LIMITED: ${share} were answered 429 rate_limited — this run measured the limits, not the proxy.\n` +
    `${cause}, or raise RATE_LIMIT_IP_PER_MINUTE (per client address) and RATE_LIMIT_PER_MINUTE ` +
    `(per session) on the target for the run.`
  );
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;

let stack: Stack | null = null;
let faultKinds: string[] = [];
let faultSandbox: string | undefined;
let base = values.base;
try {
  if (!base) {
    stack = await startStack({
      // With --forwarded-for the local proxy trusts this machine as its load balancer and keeps
      // its per-IP limit: each session is its own client address, as behind a real balancer.
      proxyEnv: {
        ...(FORWARDED_FOR
          ? { RATE_LIMIT_PER_MINUTE: "100000", TRUST_PROXY: "1" }
          : { RATE_LIMIT_PER_MINUTE: "100000", RATE_LIMIT_IP_PER_MINUTE: "100000" }),
        ...(FAULT_RATE > 0 ? { UPSTREAM_TIMEOUT_MS: String(FAULT_RUN_TIMEOUT_MS) } : {}),
      },
    });
    base = stack.proxyUrls[0] ?? "";
  }
  if (FAULT_RATE > 0) {
    const sandboxUrl = stack?.sandboxUrl ?? values.sandbox;
    if (!sandboxUrl) throw new Error("--faults against --base needs --sandbox <url>");
    const timeoutMs = z.coerce
      .number()
      .int()
      .min(100)
      .parse(values["upstream-timeout-ms"] ?? (stack ? FAULT_RUN_TIMEOUT_MS : 10_000));
    faultKinds = await injectCompletionFaults(sandboxUrl, FAULT_RATE, timeoutMs);
    faultSandbox = sandboxUrl;
    console.log(
      `faults: ${String(Math.round(FAULT_RATE * 100))} % of completions meet one of: ${faultKinds.join(", ")}`,
    );
  }
  console.log(
    `load: ${String(SESSIONS)} sessions for ${String(DURATION_S)} s against ${base}` +
      (FORWARDED_FOR ? " (one X-Forwarded-For address per session)" : ""),
  );
  const started = Date.now();
  const deadline = started + DURATION_S * 1000;
  await Promise.all(Array.from({ length: SESSIONS }, (_, n) => session(base ?? "", n, deadline)));
  const elapsed = (Date.now() - started) / 1000;
  const sorted = [...latencies].sort((a, b) => a - b);
  const total = [...perOp.values()].reduce((sum, e) => sum + e.count, 0);
  console.log("\nop                    count   errors   p50 ms   p99 ms");
  for (const [op, e] of perOp) {
    const ms = [...e.ms].sort((a, b) => a - b);
    console.log(
      `${op.padEnd(18)} ${String(e.count).padStart(8)} ${String(e.errors).padStart(8)} ` +
        `${pct(ms, 50).toFixed(0).padStart(8)} ${pct(ms, 99).toFixed(0).padStart(8)}`,
    );
  }
  console.log(
    `(launch = ${LAUNCH_SECRET ? "a token signed with LOAD_LAUNCH_SECRET" : "/dev/launch"} + ` +
      "POST /api/session; checkout-prepare = add, addresses, legal, quote)",
  );
  console.log(
    `\ntotal ${String(total)} operations in ${elapsed.toFixed(1)} s (${(total / elapsed).toFixed(0)}/s), ` +
      `${String(checkouts)} checkouts, ${String(soldOut)} refused as sold out, ${String(errors.length)} errors; ` +
      `latency p50 ${pct(sorted, 50).toFixed(0)} ms, p95 ${pct(sorted, 95).toFixed(0)} ms, ` +
      `p99 ${pct(sorted, 99).toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
  );
  // Distinct errors with their counts (statuses and messages, not every occurrence).
  const kinds = new Map<string, number>();
  for (const line of errors) kinds.set(line, (kinds.get(line) ?? 0) + 1);
  for (const [line, count] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 20))
    console.log(`  ${String(count).padStart(5)} × ${line}`);
  if (faultSandbox) {
    const hits = await faultHits(faultSandbox);
    console.log(
      `\nfaults fired: ${faultKinds.map((kind, i) => `${kind} ${String(hits[i] ?? 0)}`).join(", ")}`,
    );
  }
  console.log(
    `\nmoney: ${String(ledger.answered)} orders answered to customers, ${String(ledger.upstream)} orders at Minted; ` +
      `${String(resent)} completions sent again with the same key; ` +
      `duplicates or untold charges ${String(ledger.untold.length)}, answered but missing ${String(ledger.missing.length)}`,
  );
  for (const line of [...ledger.untold, ...ledger.missing].slice(0, 20)) console.log(`  ${line}`);
  if (ledger.untold.length || ledger.missing.length)
    errors.push(`money: ${String(ledger.untold.length + ledger.missing.length)} orders disagree`);
  if (rateLimited > 0 && rateLimited * 10 >= total)
    console.log(rateLimitAdvice(rateLimited, total));
} finally {
  await stack?.stop();
}
process.exit(errors.length ? 1 : 0);
