import { z } from "zod/mini";
import {
  completeCheckoutBodySchema,
  idempotencyKeySchema,
  quoteSchema,
  type CompleteCheckoutBody,
  type CompleteCheckoutResult,
  type Quote,
} from "../../../contract/checkout";
import { newIdempotencyKey } from "../../domain/change-once";
import { ApiProblem } from "../../lib/api";
import type { SessionSlot } from "../../lib/tab-storage";

/**
 * One tap = one order. A payment *attempt* is what the customer asked for (quote, payment type,
 * instalments, the documents confirmed) under one `Idempotency-Key`. The attempt is written to
 * sessionStorage before its first request leaves, and every send of it (automatic retries, a
 * manual "try again", a reload that resumes it) carries the same key and the same body, so the
 * proxy runs it once and replays its answer. A new key is made only for a new intent, and only
 * once the old attempt's outcome is known or it was never sent.
 */

export const attemptSchema = z.object({
  key: idempotencyKeySchema,
  body: completeCheckoutBodySchema,
  /** True from just before the first request: it may have reached the proxy. */
  sent: z.boolean(),
  createdAt: z.number(),
  /** Set once the proxy answered with an order (card: waiting for the bank). */
  orderCode: z.optional(z.string()),
  redirectUrl: z.optional(z.string()),
});
export type Attempt = z.output<typeof attemptSchema>;

/** Same quote, payment type, instalments and documents confirmed (in any order). */
export function sameIntent(a: CompleteCheckoutBody, b: CompleteCheckoutBody): boolean {
  const docs = (body: CompleteCheckoutBody) =>
    body.legalAcceptances
      .map((x) => x.type)
      .sort()
      .join();
  return (
    a.quoteId === b.quoteId &&
    a.paymentType === b.paymentType &&
    (a.installments ?? 1) === (b.installments ?? 1) &&
    docs(a) === docs(b)
  );
}

export class AttemptStore {
  constructor(
    private readonly slot: SessionSlot<typeof attemptSchema>,
    private readonly makeKey: () => string = newIdempotencyKey,
    private readonly now: () => number = Date.now,
  ) {}

  current(): Attempt | null {
    return this.slot.get();
  }

  /** An attempt that may have reached the proxy and whose outcome is not known yet. */
  unresolved(): Attempt | null {
    const attempt = this.slot.get();
    return attempt?.sent ? attempt : null;
  }

  /**
   * The attempt to send for `body`. An unresolved attempt always comes first, whatever it was
   * for (its outcome must be known before anything else is paid); an unsent attempt for the same
   * intent keeps its key; anything else starts a new attempt with a new key.
   */
  attemptFor(body: CompleteCheckoutBody): Attempt {
    const existing = this.slot.get();
    if (existing && (existing.sent || sameIntent(existing.body, body))) return existing;
    const attempt: Attempt = { key: this.makeKey(), body, sent: false, createdAt: this.now() };
    this.slot.set(attempt);
    return attempt;
  }

  /** Written before the request leaves, so a reload knows the attempt may have been made. */
  markSent(key: string): Attempt | null {
    return this.#update(key, (a) => ({ ...a, sent: true }));
  }

  recordOrder(key: string, orderCode: string, redirectUrl?: string): Attempt | null {
    return this.#update(key, (a) => ({
      ...a,
      orderCode,
      ...(redirectUrl === undefined ? {} : { redirectUrl }),
    }));
  }

  /** The outcome is known (paid, refused, declined): the key is done with. */
  resolve(key: string): void {
    if (this.slot.get()?.key === key) this.slot.set(null);
  }

  /** Resolves whatever attempt belongs to `orderCode` (the bank's outcome arrived). */
  resolveOrder(orderCode: string): void {
    const attempt = this.slot.get();
    if (attempt?.orderCode === orderCode) this.slot.set(null);
  }

  /** Forgets an attempt that never left (the customer changed their mind before paying). */
  dropUnsent(): void {
    if (this.slot.get()?.sent === false) this.slot.set(null);
  }

  #update(key: string, change: (a: Attempt) => Attempt): Attempt | null {
    const attempt = this.slot.get();
    if (attempt?.key !== key) return null;
    const next = change(attempt);
    this.slot.set(next);
    return next;
  }
}

// ---------------------------------------------------------------- outcomes

export type CompletionOutcome =
  /** Paid at once (wallet). */
  | { kind: "paid"; orderCode: string }
  /** Card: the bank's 3-D Secure page. */
  | { kind: "redirect"; orderCode: string; url: string }
  /** An order exists but its payment is not decided (or the answer was lost): ask upstream. */
  | { kind: "check"; orderCode: string }
  /** The completion was answered with a failed payment. */
  | { kind: "declined"; orderCode: string }
  /** The fix ran out: the new quote (when the proxy sent it) must be shown and confirmed. */
  | { kind: "price_expired"; quote: Quote | null }
  /** Refused before anything happened (validation, documents changed, wallet balance …). */
  | { kind: "refused"; problem: ApiProblem }
  /**
   * The proxy could not yet tell whether the payment went through (`outcome_unknown`): the
   * attempt stays, "check again" re-sends it with the same key, which settles, never pays twice.
   */
  | { kind: "checking"; orderCode: string | null }
  /** No answer after the automatic retries: the attempt stays, "try again" re-sends it. */
  | { kind: "unreachable"; problem: ApiProblem | null };

const orderCodeOf = (problem: ApiProblem): string | null => {
  const code = problem.body.orderCode;
  return typeof code === "string" && code.length > 0 ? code : null;
};

/** What one answer (or failure) of a send means; `retry` for one worth sending again. */
export function classifyCompletion(
  answer: { ok: true; result: CompleteCheckoutResult } | { ok: false; error: unknown },
): CompletionOutcome | "retry" {
  if (answer.ok) {
    const { orderCode, status, payment } = answer.result;
    if (status === "paid") return { kind: "paid", orderCode };
    if (status === "failed") return { kind: "declined", orderCode };
    return payment.redirectUrl
      ? { kind: "redirect", orderCode, url: payment.redirectUrl }
      : { kind: "check", orderCode };
  }
  const error = answer.error;
  if (!(error instanceof ApiProblem)) return "retry";
  if (error.code === "network" || error.code === "invalid_response") return "retry";
  if (error.status === 429 || error.status === 408) return "retry";
  // The same key is still being processed by the first request: ask again shortly.
  if (error.code === "conflict" && error.body.retry_after !== undefined) return "retry";
  if (error.code === "outcome_unknown") return { kind: "checking", orderCode: orderCodeOf(error) };
  // Certainly not completed upstream, and not stored: the same key is safe to send again.
  if (error.body.outcome === "not_completed") return "retry";
  if (error.status >= 500) {
    // An order exists but the answer did not say how it went: the return page asks upstream.
    const orderCode = orderCodeOf(error);
    return orderCode ? { kind: "check", orderCode } : "retry";
  }
  if (error.code === "price_expired") {
    const quote = quoteSchema.safeParse(error.body.quote);
    return { kind: "price_expired", quote: quote.success ? quote.data : null };
  }
  return { kind: "refused", problem: error };
}

/** Backoff of the automatic retries of one attempt (then the customer's "try again"). */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000];

export interface SendDeps {
  send: (body: CompleteCheckoutBody, key: string) => Promise<CompleteCheckoutResult>;
  sleep?: (ms: number) => Promise<void>;
  delays?: readonly number[];
  /** Called before each automatic retry (1, 2, …). */
  onRetry?: (retry: number) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends one attempt until its outcome is known or the automatic retries are used up. */
export async function sendAttempt(attempt: Attempt, deps: SendDeps): Promise<CompletionOutcome> {
  const delays = deps.delays ?? RETRY_DELAYS_MS;
  const sleep = deps.sleep ?? defaultSleep;
  let lastError: unknown = null;
  for (let retry = 0; ; retry++) {
    let outcome: CompletionOutcome | "retry";
    try {
      outcome = classifyCompletion({
        ok: true,
        result: await deps.send(attempt.body, attempt.key),
      });
    } catch (error) {
      lastError = error;
      outcome = classifyCompletion({ ok: false, error });
    }
    if (outcome !== "retry") return outcome;
    const delay = delays[retry];
    if (delay === undefined)
      return {
        kind: "unreachable",
        problem: lastError instanceof ApiProblem ? lastError : null,
      };
    deps.onRetry?.(retry + 1);
    await sleep(delay);
  }
}

/** Whether the attempt is finished with once this outcome is known (else it stays stored). */
export function settlesAttempt(outcome: CompletionOutcome): boolean {
  return (
    outcome.kind === "paid" ||
    outcome.kind === "declined" ||
    outcome.kind === "price_expired" ||
    outcome.kind === "refused"
  );
}
