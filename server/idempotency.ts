import { createHash, randomUUID } from "node:crypto";
import type { Context } from "hono";
import { z } from "zod";
import { idempotencyKeySchema } from "../contract/checkout.ts";
import type { AppEnv, KeyValueStore } from "./deps.ts";
import { ApiError } from "./problem.ts";
import { fieldErrors } from "./validation.ts";

/**
 * One tap = one order. A completion carries an `Idempotency-Key`; the first request with a key
 * takes a `pending` record (set-if-absent, so two proxy instances on one Redis agree), runs, and
 * stores its answer for 24 h; repeats with the same key and body get that answer again, a
 * concurrent repeat waits for it, and the same key with another body is a 409 `conflict`.
 * An attempt that throws is not stored, so the same key can be used again: a refusal, and an
 * uncertain outcome alike: a money-moving completion settles an uncertain outcome upstream
 * before answering (api/checkout-outcome.ts, api/settle.ts), and a repeat asks Minted again.
 */

export interface StoredResponse {
  status: number;
  body: unknown;
  /** True for an RFC 9457 problem (served as application/problem+json). */
  problem?: boolean;
}

const storedResponseSchema = z.object({
  status: z.number().int().min(200).max(599),
  body: z.unknown(),
  problem: z.boolean().optional(),
});

const recordSchema = z.discriminatedUnion("state", [
  z.object({ state: z.literal("pending"), fingerprint: z.string() }),
  z.object({ state: z.literal("done"), fingerprint: z.string(), response: storedResponseSchema }),
]);

export interface IdempotencyOptions {
  store: KeyValueStore;
  /** Whose key it is (the session's customer): keys of different customers never meet. */
  owner: string;
  key: string;
  /** What the request asks for (see `fingerprint`); another fingerprint under the key → 409. */
  fingerprint: string;
  /** How long a finished answer is replayed (default 24 h). */
  ttlSeconds?: number;
  /**
   * How long a pending record survives a crashed first attempt (default 10 min: far beyond the
   * worst case of a completion, several upstream calls of at most UPSTREAM_TIMEOUT_MS each, so a
   * slow first attempt is never taken over while it is still running).
   */
  pendingTtlSeconds?: number;
  /** How long a concurrent repeat waits for the first attempt (default 15 s). */
  waitMs?: number;
  /** How often the waiting repeat looks again (default 50 ms). */
  pollMs?: number;
}

export interface IdempotentResult {
  response: StoredResponse;
  /** True when this answer is a stored one (a repeat). */
  replayed: boolean;
}

export const IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** JSON with object keys sorted, so equal bodies hash equally whatever their key order. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(",")}}`;
  }
  return value === undefined ? "null" : JSON.stringify(value);
}

/** The fingerprint of an operation and its (validated) body. */
export function fingerprint(operation: string, body: unknown): string {
  return createHash("sha256")
    .update(operation)
    .update("\n")
    .update(stableStringify(body))
    .digest("hex");
}

const storeKeyOf = (owner: string, key: string) => `idem:${encodeURIComponent(owner)}:${key}`;

function conflict(): ApiError {
  return new ApiError("conflict", {
    detail: {
      tr: "Bu Idempotency-Key daha önce başka bir istekle kullanıldı.",
      en: "This Idempotency-Key was already used with a different request.",
    },
  });
}

function stillRunning(): ApiError {
  return new ApiError("conflict", {
    detail: {
      tr: "Aynı istek hâlâ işleniyor; biraz sonra tekrar deneyin.",
      en: "The same request is still being processed; try again shortly.",
    },
    extra: { retry_after: 1 },
  });
}

/** Run `work` at most once per (owner, key); see the module comment. */
export async function runIdempotent(
  options: IdempotencyOptions,
  work: () => Promise<StoredResponse>,
): Promise<IdempotentResult> {
  const { store, fingerprint: print } = options;
  const storeKey = storeKeyOf(options.owner, options.key);
  const ttl = options.ttlSeconds ?? IDEMPOTENCY_TTL_SECONDS;
  const pendingTtl = options.pendingTtlSeconds ?? 600;
  const deadline = Date.now() + (options.waitMs ?? 15_000);
  // The attempt id makes the pending record ours: only the attempt that wrote it removes it.
  const pending = JSON.stringify({ state: "pending", fingerprint: print, attempt: randomUUID() });

  for (;;) {
    if (await store.setIfAbsent(storeKey, pending, pendingTtl)) break;
    const raw = await store.get(storeKey);
    if (raw === null) continue; // The first attempt was forgotten meanwhile: take over.
    const record = recordSchema.parse(JSON.parse(raw));
    if (record.fingerprint !== print) throw conflict();
    if (record.state === "done") return { response: record.response, replayed: true };
    if (Date.now() >= deadline) throw stillRunning();
    await sleep(options.pollMs ?? 50);
  }

  let response: StoredResponse;
  try {
    response = await work();
  } catch (error) {
    // Nothing thrown is kept: the same key may be used again.
    if ((await store.get(storeKey)) === pending) await store.delete(storeKey);
    throw error;
  }
  await store.set(storeKey, JSON.stringify({ state: "done", fingerprint: print, response }), ttl);
  return { response, replayed: false };
}

// ---------------------------------------------------------------- Hono glue

/** The request's `Idempotency-Key`, validated; 400 when missing or malformed. */
export function idempotencyKeyOf(c: Context<AppEnv>): string {
  const parsed = idempotencyKeySchema.safeParse(c.req.header("idempotency-key") ?? "", {
    reportInput: true,
  });
  if (parsed.success) return parsed.data;
  const lang = c.var.lang;
  const missing = c.req.header("idempotency-key") === undefined;
  throw new ApiError("validation_failed", {
    status: 400,
    errors: missing
      ? {
          "Idempotency-Key": [
            lang === "tr"
              ? "Idempotency-Key başlığı gerekli."
              : "The Idempotency-Key header is required.",
          ],
        }
      : fieldErrors(parsed.error.issues, lang, "Idempotency-Key"),
  });
}

/** An idempotent answer as an HTTP response (`Idempotent-Replayed: true` on repeats). */
export function idempotentHttpResponse(result: IdempotentResult): Response {
  const { response, replayed } = result;
  return new Response(JSON.stringify(response.body), {
    status: response.status,
    headers: {
      "Content-Type": response.problem ? "application/problem+json" : "application/json",
      "Cache-Control": "no-store",
      ...(replayed ? { "Idempotent-Replayed": "true" } : {}),
    },
  });
}

/**
 * A completion route's answer: the `Idempotency-Key` checked (400 when missing), the work run at
 * most once per (customer, key), the stored answer replayed for repeats.
 */
export async function respondIdempotently(
  c: Context<AppEnv>,
  options: { store: KeyValueStore; customer: string; operation: string; body: unknown },
  work: (key: string) => Promise<StoredResponse>,
): Promise<Response> {
  const key = idempotencyKeyOf(c);
  const result = await runIdempotent(
    {
      store: options.store,
      owner: options.customer,
      key,
      fingerprint: fingerprint(options.operation, options.body),
    },
    () => work(key),
  );
  return idempotentHttpResponse(result);
}
