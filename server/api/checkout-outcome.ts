import type { Context } from "hono";
import { z } from "zod";
import type {
  CheckoutReturn,
  CheckoutStatus,
  CompleteCheckoutResult,
} from "../../contract/checkout.ts";
import type { UpstreamEcomOrder } from "../../minted/schemas/orders.ts";
import { auditMoney, type MoneyEvent } from "../audit.ts";
import type { AppDeps, AppEnv } from "../deps.ts";
import {
  IDEMPOTENCY_TTL_SECONDS,
  fingerprint,
  idempotencyKeyOf,
  idempotentHttpResponse,
  runIdempotent,
} from "../idempotency.ts";
import { ApiError, type Lang, t } from "../problem.ts";
import { UpstreamError } from "../upstream/types.ts";

/**
 * Settling a checkout completion to the truth. Minted may complete a basket and its answer never
 * reach us (late, cut, dropped, a 5xx). The proxy then asks Minted for the basket by its cart
 * token: an order → the real result, as if the answer had arrived; still a basket → the attempt
 * did not take, safe to retry; no answer either → `outcome_unknown`, never stored, so the next
 * request asks again. Per customer, the last attempt (cart token, order code, amount) is kept,
 * so that a repeat — with the same key or a new one — settles it before completing anything.
 */

const attemptSchema = z.object({
  cartToken: z.string(),
  orderCode: z.string(),
  amount: z.object({ value: z.number(), currency: z.string() }),
});
export type CompletionAttempt = z.output<typeof attemptSchema>;

const attemptKey = (customer: string) => `checkout:attempt:${encodeURIComponent(customer)}`;
const lockKey = (customer: string) => `checkout:completing:${encodeURIComponent(customer)}`;

export async function readAttempt(
  deps: Pick<AppDeps, "store">,
  customer: string,
): Promise<CompletionAttempt | null> {
  const raw = await deps.store.get(attemptKey(customer));
  if (raw === null) return null;
  const parsed = attemptSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

export async function saveAttempt(
  deps: Pick<AppDeps, "store">,
  customer: string,
  attempt: CompletionAttempt,
): Promise<void> {
  await deps.store.set(attemptKey(customer), JSON.stringify(attempt), IDEMPOTENCY_TTL_SECONDS);
}

export async function forgetAttempt(deps: Pick<AppDeps, "store">, customer: string): Promise<void> {
  await deps.store.delete(attemptKey(customer));
}

/**
 * Runs `work` while holding the customer's completion lock, so that two completions of one
 * customer (two keys, two tabs, two instances on one Redis) never run side by side; the second
 * one is told the outcome is still being settled (503 `outcome_unknown`, never stored).
 */
export async function withCompletionLock<T>(
  deps: Pick<AppDeps, "store">,
  customer: string,
  orderCode: string | null,
  work: () => Promise<T>,
): Promise<T> {
  const lock = `${String(Date.now())}:${crypto.randomUUID()}`;
  // Longer than a completion can take (a few upstream calls of UPSTREAM_TIMEOUT_MS at most).
  if (!(await deps.store.setIfAbsent(lockKey(customer), lock, 120)))
    throw outcomeUnknown(orderCode);
  try {
    return await work();
  } finally {
    if ((await deps.store.get(lockKey(customer))) === lock)
      await deps.store.delete(lockKey(customer));
  }
}

export const amountOf = (order: UpstreamEcomOrder) => ({
  value: order.paid_total,
  currency: order.currency_code ?? "TRY",
});

export function statusOfPayment(order: UpstreamEcomOrder): CheckoutStatus {
  const state = order.payment?.state;
  if (state === "success") return "paid";
  if (state === "failed") return "failed";
  return "pending";
}

/** The completion's answer for an order (Minted's answer, or the order read back). */
export function completionResult(order: UpstreamEcomOrder): CompleteCheckoutResult {
  const redirectUrl = order.payment?.redirect_url;
  return {
    orderCode: order.increment_id,
    status: statusOfPayment(order),
    payment: redirectUrl ? { redirectUrl } : {},
  };
}

/** GET /api/checkout/return's answer: the order's (or basket's) real state, read upstream. */
export function returnView(order: UpstreamEcomOrder, lang: Lang): CheckoutReturn {
  const payment = order.payment;
  // Still a basket with no payment: the completion never happened upstream.
  if (order.order_creation_status === "basket" && !payment?.state)
    return {
      orderCode: order.increment_id,
      status: "failed",
      failureCode: "not_completed",
      failureReason: t(
        lang,
        "Ödeme başlamadı; kartınızdan tutar çekilmedi.",
        "The payment did not start; you were not charged.",
      ),
    };
  const status = statusOfPayment(order);
  return {
    orderCode: order.increment_id,
    status,
    ...(status === "failed" && payment?.error_message
      ? { failureReason: payment.error_message }
      : {}),
    ...(status === "failed" && payment?.error_code ? { failureCode: payment.error_code } : {}),
    ...(status === "pending" && payment?.redirect_url ? { redirectUrl: payment.redirect_url } : {}),
  };
}

/** Whether an upstream failure leaves the outcome open (Minted may have done the work). */
export const uncertain = (error: unknown): error is UpstreamError =>
  error instanceof UpstreamError && error.failure !== "rejected";

/**
 * Whether a failed call may still be running upstream: a timeout or a broken connection (no
 * answer at all), as opposed to an answer that came (a 5xx, a cut body) after Minted finished.
 */
export const mayStillLand = (error: UpstreamError) =>
  error.failure === "unavailable" && error.details.status === undefined;

export type Settled = { state: "completed"; order: UpstreamEcomOrder } | { state: "not_completed" };

/**
 * What Minted did with the basket `cartToken`: an order (completed; its payment may still wait
 * for 3-D Secure), or a basket (not completed: never seen, or a failed card payment put it
 * back). Throws `outcome_unknown` when Minted cannot tell us now.
 */
export async function settle(
  deps: AppDeps,
  c: Context<AppEnv>,
  customer: string,
  attempt: Pick<CompletionAttempt, "cartToken" | "orderCode">,
): Promise<Settled> {
  let order: UpstreamEcomOrder;
  try {
    order = await deps.upstream.call({
      op: "ecomOrderGet",
      body: { customer_external_id: customer, cart_token: attempt.cartToken },
    });
  } catch (error) {
    // Minted saying it has no such basket for this customer is an answer: no order was made.
    if (error instanceof UpstreamError && error.failure === "rejected")
      return { state: "not_completed" };
    c.get("logger").warn("completion outcome unknown", {
      orderCode: attempt.orderCode,
      failure: error instanceof UpstreamError ? error.failure : "error",
    });
    throw outcomeUnknown(attempt.orderCode);
  }
  return order.order_creation_status === "order"
    ? { state: "completed", order }
    : { state: "not_completed" };
}

/** 503 `outcome_unknown`: the shop says "we are checking your payment" and asks again later. */
export function outcomeUnknown(orderCode: string | null): ApiError {
  return new ApiError("outcome_unknown", {
    extra: { ...(orderCode ? { orderCode } : {}), retry_after: 3 },
  });
}

/** 503 `upstream_unavailable`, but certain: Minted did not complete the basket; retry is safe. */
export function notCompleted(orderCode: string): ApiError {
  return new ApiError("upstream_unavailable", {
    detail: {
      tr: "Ödeme tamamlanamadı ve tutar çekilmedi; güvenle tekrar deneyebilirsiniz.",
      en: "The payment did not go through and you were not charged; it is safe to try again.",
    },
    extra: { orderCode, outcome: "not_completed" },
  });
}

/** The audit outcome of a completion's answer (a result, or the problem it ended with). */
export function auditOutcome(answer: unknown): MoneyEvent["outcome"] {
  const result = z.object({ status: z.string(), orderCode: z.string() }).safeParse(answer);
  if (result.success)
    return result.data.status === "paid"
      ? "completed"
      : result.data.status === "pending"
        ? "payment_pending"
        : "refused";
  if (answer instanceof ApiError) {
    if (answer.code === "outcome_unknown") return "unknown";
    if (answer.code === "upstream_unavailable" || answer.code === "upstream_invalid")
      return "not_completed";
    return "refused";
  }
  // Uncertain failures of the completion itself are settled above; one reaching here came
  // before it (reading the basket, the documents) or is Minted's refusal.
  if (answer instanceof UpstreamError)
    return answer.failure === "rejected" ? "refused" : "not_completed";
  return "unknown";
}

/**
 * POST /api/checkout/complete's answer: the work run at most once per (customer, key) — only a
 * certain answer is kept for repeats, a thrown problem never is — and one audit record for
 * every outcome, repeats included.
 */
export async function answerCompletion(
  deps: AppDeps,
  c: Context<AppEnv>,
  customer: string,
  body: unknown,
  complete: () => Promise<CompleteCheckoutResult>,
): Promise<Response> {
  const key = idempotencyKeyOf(c);
  const audit = async (event: Omit<MoneyEvent, "kind" | "idempotencyKey" | "amount">) => {
    const attempt = await readAttempt(deps, customer).catch(() => null);
    const amount = attempt && attempt.orderCode === event.orderCode ? attempt.amount : null;
    await auditMoney(deps, c, { kind: "checkout", idempotencyKey: key, amount, ...event });
  };
  try {
    const result = await runIdempotent(
      {
        store: deps.store,
        owner: customer,
        key,
        fingerprint: fingerprint("completeCheckout", body),
      },
      async () => ({ status: 200, body: await complete() }),
    );
    const answer = z.object({ orderCode: z.string() }).safeParse(result.response.body);
    await audit({
      outcome: auditOutcome(result.response.body),
      ...(answer.success ? { orderCode: answer.data.orderCode } : {}),
      replayed: result.replayed,
    });
    return idempotentHttpResponse(result);
  } catch (error) {
    const orderCode =
      error instanceof ApiError && typeof error.options.extra?.orderCode === "string"
        ? error.options.extra.orderCode
        : undefined;
    await audit({ outcome: auditOutcome(error), ...(orderCode ? { orderCode } : {}) });
    throw error;
  }
}
