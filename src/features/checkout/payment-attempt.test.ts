import { describe, expect, it, vi } from "vitest";
import type {
  CompleteCheckoutBody,
  CompleteCheckoutResult,
  Quote,
} from "../../../contract/checkout";
import { ApiProblem } from "../../lib/api";
import {
  AttemptStore,
  attemptSchema,
  classifyCompletion,
  sameIntent,
  sendAttempt,
  settlesAttempt,
} from "./payment-attempt";
import { SessionSlot, memoryStorage, type KeyValueStorage } from "../../lib/tab-storage";

const acceptances = [{ type: "pre_information" }, { type: "distance_sales" }] as const;

function body(over: Partial<CompleteCheckoutBody> = {}): CompleteCheckoutBody {
  return {
    quoteId: "a".repeat(32),
    paymentType: "card",
    installments: 1,
    legalAcceptances: [...acceptances],
    ...over,
  };
}

function store(storage: KeyValueStorage = memoryStorage()) {
  let n = 0;
  const keys = () => `key-${String(++n).padStart(4, "0")}`;
  const slot = () => new SessionSlot(storage, "minted.checkout.attempt", attemptSchema);
  return {
    storage,
    attempts: new AttemptStore(slot(), keys, () => 1_000),
    /** The same storage as a reloaded page sees it. */
    reloaded: () => new AttemptStore(slot(), keys, () => 2_000),
  };
}

describe("AttemptStore", () => {
  it("makes one key per intent and keeps it until the attempt is sent or resolved", () => {
    const { attempts } = store();
    const first = attempts.attemptFor(body());
    expect(first.key).toBe("key-0001");
    expect(first.sent).toBe(false);
    // The same documents in another order are the same intent: same key.
    const again = attemptsFor(
      attempts,
      body({ legalAcceptances: [acceptances[1], acceptances[0]] }),
    );
    expect(again.key).toBe("key-0001");
    // Another instalment count before sending: the unsent attempt is replaced.
    expect(attempts.attemptFor(body({ installments: 3 })).key).toBe("key-0002");
  });

  it("is written to storage before the request, and a reload finds it unresolved", () => {
    const { attempts, reloaded, storage } = store();
    const attempt = attempts.attemptFor(body());
    attempts.markSent(attempt.key);
    expect(JSON.parse(storage.getItem("minted.checkout.attempt") ?? "{}")).toMatchObject({
      key: "key-0001",
      sent: true,
    });
    const after = reloaded();
    expect(after.unresolved()).toMatchObject({ key: "key-0001", body: body() });
  });

  it("never starts a new attempt while a sent one is unresolved, whatever the new intent", () => {
    const { attempts } = store();
    const sent = attempts.attemptFor(body());
    attempts.markSent(sent.key);
    const next = attempts.attemptFor(body({ paymentType: "wallet", installments: 1 }));
    expect(next.key).toBe(sent.key);
    expect(next.body).toEqual(sent.body);
  });

  it("drops the key once the outcome is known, so the next tap is a new attempt", () => {
    const { attempts } = store();
    const sent = attempts.attemptFor(body());
    attempts.markSent(sent.key);
    attempts.resolve(sent.key);
    expect(attempts.current()).toBeNull();
    expect(attempts.attemptFor(body()).key).toBe("key-0002");
  });

  it("resolves the attempt of an order when the bank's outcome arrives", () => {
    const { attempts } = store();
    const sent = attempts.attemptFor(body());
    attempts.markSent(sent.key);
    attempts.recordOrder(sent.key, "MC_ABC123", "https://bank.example/pay/1");
    expect(attempts.unresolved()).toMatchObject({ orderCode: "MC_ABC123" });
    attempts.resolveOrder("MC_OTHER");
    expect(attempts.unresolved()).not.toBeNull();
    attempts.resolveOrder("MC_ABC123");
    expect(attempts.current()).toBeNull();
  });

  it("forgets an unsent attempt on request but never a sent one", () => {
    const { attempts } = store();
    attempts.attemptFor(body());
    attempts.dropUnsent();
    expect(attempts.current()).toBeNull();
    const sent = attempts.attemptFor(body());
    attempts.markSent(sent.key);
    attempts.dropUnsent();
    expect(attempts.current()?.key).toBe(sent.key);
  });

  it("ignores a stored value that is not an attempt", () => {
    const { attempts, storage } = store();
    storage.setItem("minted.checkout.attempt", JSON.stringify({ key: "x", sent: "yes" }));
    expect(attempts.current()).toBeNull();
    storage.setItem("minted.checkout.attempt", "{not json");
    expect(store(storage).attempts.current()).toBeNull();
  });

  it("still holds the attempt in memory when storage refuses to write", () => {
    const refusing: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
      removeItem: () => undefined,
    };
    const { attempts } = store(refusing);
    const attempt = attempts.attemptFor(body());
    attempts.markSent(attempt.key);
    expect(attempts.unresolved()?.key).toBe(attempt.key);
  });
});

function attemptsFor(attempts: AttemptStore, b: CompleteCheckoutBody) {
  return attempts.attemptFor(b);
}

describe("sameIntent", () => {
  it("compares quote, method, instalments and the documents confirmed", () => {
    expect(sameIntent(body(), body({ installments: undefined }))).toBe(true);
    expect(sameIntent(body(), body({ quoteId: "b".repeat(32) }))).toBe(false);
    expect(sameIntent(body(), body({ paymentType: "wallet" }))).toBe(false);
    expect(sameIntent(body(), body({ legalAcceptances: [acceptances[1]] }))).toBe(false);
  });
});

const quote: Quote = {
  quoteId: "c".repeat(32),
  currency: "TRY",
  itemCount: 1,
  fees: [],
  totals: { subtotal: 100, vat: 0, fees: 0, total: 100 },
  priceFix: { expiresAt: "2026-11-22T10:04:00.000Z", remainingSeconds: 240, renewed: true },
};

const result = (over: Partial<CompleteCheckoutResult>): CompleteCheckoutResult => ({
  orderCode: "MC_1",
  status: "pending",
  payment: {},
  ...over,
});

describe("classifyCompletion", () => {
  const fail = (error: unknown) => classifyCompletion({ ok: false, error });

  it("reads the proxy's answers", () => {
    expect(
      classifyCompletion({
        ok: true,
        result: result({ payment: { redirectUrl: "https://bank.example/pay/t" } }),
      }),
    ).toEqual({ kind: "redirect", orderCode: "MC_1", url: "https://bank.example/pay/t" });
    expect(classifyCompletion({ ok: true, result: result({ status: "paid" }) })).toEqual({
      kind: "paid",
      orderCode: "MC_1",
    });
    expect(classifyCompletion({ ok: true, result: result({}) })).toEqual({
      kind: "check",
      orderCode: "MC_1",
    });
    expect(classifyCompletion({ ok: true, result: result({ status: "failed" }) })).toEqual({
      kind: "declined",
      orderCode: "MC_1",
    });
  });

  it("retries what may not have arrived or is still running, with the same key", () => {
    expect(fail(new ApiProblem(0, "network", undefined))).toBe("retry");
    expect(fail(new ApiProblem(503, "upstream_unavailable", "x"))).toBe("retry");
    expect(fail(new ApiProblem(429, "rate_limited", "x"))).toBe("retry");
    expect(fail(new ApiProblem(409, "conflict", "x", {}, { retry_after: 1 }))).toBe("retry");
    expect(fail(new TypeError("boom"))).toBe("retry");
  });

  it("looks the order up when a 5xx names an order without saying how it went", () => {
    const stored = new ApiProblem(504, "upstream_unavailable", "x", {}, { orderCode: "MC_9" });
    expect(fail(stored)).toEqual({ kind: "check", orderCode: "MC_9" });
  });

  it("re-sends the same key when the proxy says the basket was certainly not completed", () => {
    const notCompleted = new ApiProblem(
      503,
      "upstream_unavailable",
      "x",
      {},
      { orderCode: "MC_9", outcome: "not_completed" },
    );
    expect(fail(notCompleted)).toBe("retry");
  });

  it("says 'we are checking' (never 'pay again') while the outcome is unknown", () => {
    const unknown = new ApiProblem(503, "outcome_unknown", "x", {}, { orderCode: "MC_9" });
    expect(fail(unknown)).toEqual({ kind: "checking", orderCode: "MC_9" });
    expect(settlesAttempt({ kind: "checking", orderCode: "MC_9" })).toBe(false);
    expect(fail(new ApiProblem(503, "outcome_unknown", "x"))).toEqual({
      kind: "checking",
      orderCode: null,
    });
  });

  it("hands over the new quote of an expired price", () => {
    expect(fail(new ApiProblem(409, "price_expired", "x", {}, { quote }))).toEqual({
      kind: "price_expired",
      quote,
    });
    expect(fail(new ApiProblem(409, "price_expired", "x", {}, { quote: null }))).toEqual({
      kind: "price_expired",
      quote: null,
    });
  });

  it("stops on a refusal", () => {
    const problem = new ApiProblem(422, "validation_failed", "x", { paymentType: ["no money"] });
    expect(fail(problem)).toEqual({ kind: "refused", problem });
    const other = new ApiProblem(409, "conflict", "other body");
    expect(fail(other)).toEqual({ kind: "refused", problem: other });
  });
});

describe("sendAttempt", () => {
  const attempt = {
    key: "key-0001",
    body: body(),
    sent: true,
    createdAt: 0,
  };

  it("sends every retry with the same key and body, backing off", async () => {
    const send = vi
      .fn<(b: CompleteCheckoutBody, k: string) => Promise<CompleteCheckoutResult>>()
      .mockRejectedValueOnce(new ApiProblem(0, "network", undefined))
      .mockRejectedValueOnce(new ApiProblem(503, "upstream_unavailable", "x"))
      .mockResolvedValueOnce(result({ status: "paid" }));
    const sleeps: number[] = [];
    const retries: number[] = [];
    const outcome = await sendAttempt(attempt, {
      send,
      sleep: (ms) => {
        sleeps.push(ms);
        return Promise.resolve();
      },
      onRetry: (n) => retries.push(n),
    });
    expect(outcome).toEqual({ kind: "paid", orderCode: "MC_1" });
    expect(send.mock.calls.map(([b, k]) => [b, k])).toEqual([
      [attempt.body, "key-0001"],
      [attempt.body, "key-0001"],
      [attempt.body, "key-0001"],
    ]);
    expect(sleeps).toEqual([1_000, 2_000]);
    expect(retries).toEqual([1, 2]);
  });

  it("gives up after the automatic retries and keeps the attempt for a manual retry", async () => {
    const lost = new ApiProblem(0, "network", undefined);
    const send = vi.fn(() => Promise.reject(lost));
    const outcome = await sendAttempt(attempt, {
      send,
      sleep: () => Promise.resolve(),
      delays: [10, 20],
    });
    expect(send).toHaveBeenCalledTimes(3);
    expect(outcome).toEqual({ kind: "unreachable", problem: lost });
    expect(settlesAttempt(outcome)).toBe(false);
  });

  it("does not retry a refusal", async () => {
    const send = vi.fn(() =>
      Promise.reject(new ApiProblem(422, "validation_failed", "x", { basket: ["empty"] })),
    );
    const outcome = await sendAttempt(attempt, { send, sleep: () => Promise.resolve() });
    expect(send).toHaveBeenCalledTimes(1);
    expect(outcome.kind).toBe("refused");
    expect(settlesAttempt(outcome)).toBe(true);
  });
});
