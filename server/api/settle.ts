import type { Context } from "hono";
import type { AppDeps, AppEnv } from "../deps.ts";
import { auditMoney, type MoneyKind, type MoneyOutcome } from "../audit.ts";
import {
  fingerprint,
  idempotencyKeyOf,
  idempotentHttpResponse,
  runIdempotent,
} from "../idempotency.ts";
import { ApiError } from "../problem.ts";
import { UpstreamError } from "../upstream/types.ts";

/**
 * Money moves that settle to the truth (wallet buy / sell / delivery, digital buy / sell). When
 * the one money-moving upstream call ends without a clear answer (late, cut, dropped, 5xx), the
 * proxy asks Minted what happened before it answers:
 *
 * - done upstream → the real result, as a normal success (stored and replayed like any success);
 * - certainly not done (Minted answered, an error or a cut body, and shows no order) → a
 *   retryable `upstream_unavailable`, not stored;
 * - cannot tell (the call may still be running upstream, or the look-up failed too) → 503
 *   `outcome_unknown`, not stored: a repeat looks upstream again first.
 *
 * Whether a repeat can move money twice is each caller's business (the wallet basket's cart
 * token, the digital order's `external_id`); this module only decides what to answer.
 */

/** An upstream failure after which the money move may have happened. */
export function isUncertain(error: unknown): error is UpstreamError {
  return error instanceof UpstreamError && error.failure !== "rejected";
}

/**
 * Whether the call may still be running upstream: no answer came at all (timeout, refused or
 * dropped connection). Then "no order yet" does not mean "never".
 */
function mayStillLand(error: UpstreamError): boolean {
  return error.failure === "unavailable" && error.details.status === undefined;
}

export function outcomeUnknown(cause?: unknown): ApiError {
  return new ApiError("outcome_unknown", {
    detail: {
      tr: "İşleminizin tamamlanıp tamamlanmadığını henüz doğrulayamadık. Tekrar denediğinizde önce sonucu kontrol ediyoruz; iki kez işlem yapılmaz.",
      en: "We could not confirm yet whether your transaction went through. When you try again we check the outcome first; it is never carried out twice.",
    },
    extra: { retry_after: 5 },
    cause,
  });
}

export function notCompleted(cause?: unknown): ApiError {
  return new ApiError("upstream_unavailable", {
    detail: {
      tr: "İşleminiz gerçekleşmedi; hesabınızdan bir şey düşülmedi. Lütfen tekrar deneyin.",
      en: "Your transaction did not go through and nothing was charged. Please try again.",
    },
    cause,
  });
}

/**
 * Run the money-moving `call`; on an uncertain failure, `lookup` asks Minted for the result
 * (null: no trace of it) and the answer follows the module comment.
 */
export async function settle<T>(
  c: Context<AppEnv>,
  call: () => Promise<T>,
  lookup: () => Promise<T | null>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!isUncertain(error)) throw error;
    const logger = c.get("logger");
    logger.warn("money move without a clear answer: looking upstream", {
      op: error.op,
      failure: error.failure,
      status: error.details.status,
    });
    let found: T | null;
    try {
      found = await lookup();
    } catch (lookupError) {
      logger.warn("money move outcome unknown: the look-up failed", {
        err: lookupError instanceof Error ? lookupError.message : String(lookupError),
      });
      throw outcomeUnknown(error);
    }
    if (found !== null) {
      logger.info("money move settled upstream as done", { op: error.op });
      return found;
    }
    throw mayStillLand(error) ? outcomeUnknown(error) : notCompleted(error);
  }
}

/** What the audit calls an error the money route answered. */
function outcomeOfError(error: unknown): MoneyOutcome {
  if (error instanceof ApiError) {
    if (error.code === "outcome_unknown") return "unknown";
    if (error.code === "upstream_unavailable" || error.code === "upstream_invalid")
      return "not_completed";
    if (error.code === "internal") return "unknown";
    return "refused";
  }
  return isUncertain(error) ? "unknown" : "refused";
}

export interface MoneyRoute<T> {
  kind: MoneyKind;
  customer: string;
  /** The idempotency operation name (with the request body, the key's fingerprint). */
  operation: string;
  body: unknown;
  status: 200 | 201;
  amountOf: (result: T) => { value: number; currency: string } | null;
  orderCodeOf: (result: T) => string | null;
}

/**
 * A money route's answer: `Idempotency-Key` required, a success stored and replayed for 24 h,
 * every error (uncertain ones above all) forgotten so a repeat asks again, and one audit record
 * for every answer, replays included.
 */
export async function respondMoney<T>(
  deps: Pick<AppDeps, "store" | "logger" | "now">,
  c: Context<AppEnv>,
  spec: MoneyRoute<T>,
  work: (key: string) => Promise<T>,
): Promise<Response> {
  const key = idempotencyKeyOf(c);
  let outcome: MoneyOutcome = "unknown";
  let amount: { value: number; currency: string } | null = null;
  let orderCode: string | undefined;
  let replayed = false;
  try {
    const result = await runIdempotent(
      {
        store: deps.store,
        owner: spec.customer,
        key,
        fingerprint: fingerprint(spec.operation, spec.body),
      },
      async () => {
        const done = await work(key);
        amount = spec.amountOf(done);
        orderCode = spec.orderCodeOf(done) ?? undefined;
        return { status: spec.status, body: done };
      },
    );
    replayed = result.replayed;
    if (replayed) {
      // The stored body is the success this key already answered.
      const stored = result.response.body as T;
      amount = spec.amountOf(stored);
      orderCode = spec.orderCodeOf(stored) ?? undefined;
    }
    outcome = result.response.status < 300 ? "completed" : "refused";
    return idempotentHttpResponse(result);
  } catch (error) {
    outcome = outcomeOfError(error);
    throw error;
  } finally {
    await auditMoney(deps, c, {
      kind: spec.kind,
      idempotencyKey: key,
      outcome,
      amount,
      ...(orderCode !== undefined ? { orderCode } : {}),
      ...(replayed ? { replayed } : {}),
    });
  }
}
