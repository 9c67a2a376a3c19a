import { useSyncExternalStore } from "react";
import { queryClient } from "../../lib/query-client";
import { basketKeys } from "../basket";
import { completeCheckout } from "./checkout-api";
import { checkoutKeys, timed } from "./checkout-queries";
import { attempts, clearDecline, clearProgress, recordOrder } from "./checkout-session";
import {
  sendAttempt,
  settlesAttempt,
  type Attempt,
  type CompletionOutcome,
} from "./payment-attempt";

/**
 * The one payment that may be in flight in this page. Module state, not component state: a
 * double tap, React's double effects in development and a step that re-mounts all see the same
 * run, and a run keeps going if the customer moves to another step meanwhile.
 */

export type PaymentRun =
  | { phase: "idle" }
  | { phase: "sending"; key: string; retry: number }
  | { phase: "done"; key: string; outcome: CompletionOutcome };

let run: PaymentRun = { phase: "idle" };
const listeners = new Set<() => void>();

function setRun(next: PaymentRun): void {
  run = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function usePaymentRun(): PaymentRun {
  return useSyncExternalStore(
    subscribe,
    () => run,
    () => run,
  );
}

export function isPaying(): boolean {
  return run.phase === "sending";
}

/** Writes what the outcome means for this tab's records before anyone reacts to it. */
function settle(attempt: Attempt, outcome: CompletionOutcome): void {
  switch (outcome.kind) {
    case "paid":
      recordOrder({ orderCode: outcome.orderCode, state: "paid" });
      clearProgress();
      break;
    case "redirect":
      attempts.recordOrder(attempt.key, outcome.orderCode, outcome.url);
      recordOrder({
        orderCode: outcome.orderCode,
        state: "awaiting_bank",
        redirectUrl: outcome.url,
      });
      break;
    case "check":
      attempts.recordOrder(attempt.key, outcome.orderCode);
      recordOrder({ orderCode: outcome.orderCode, state: "awaiting_bank" });
      break;
    case "price_expired":
      if (outcome.quote) queryClient.setQueryData(checkoutKeys.quote(), timed(outcome.quote));
      else void queryClient.invalidateQueries({ queryKey: checkoutKeys.quote() });
      break;
    default:
      break;
  }
  if (settlesAttempt(outcome)) attempts.resolve(attempt.key);
  if (outcome.kind === "paid") {
    // The basket became an order: the badge and the checkout read it again. (Not while the
    // page is on its way to the bank or the return page: an emptied basket would send the
    // checkout's own redirects racing them.)
    void queryClient.invalidateQueries({ queryKey: basketKeys.all });
    void queryClient.invalidateQueries({ queryKey: checkoutKeys.state() });
  }
}

/**
 * Sends `attempt` (marked as sent in storage first) until its outcome is known; does nothing
 * while another send is running, so a second tap cannot start a second payment.
 */
export function startPayment(attempt: Attempt): void {
  if (run.phase === "sending") return;
  const key = attempt.key;
  setRun({ phase: "sending", key, retry: 0 });
  attempts.markSent(key);
  clearDecline();
  void sendAttempt(attempt, {
    send: completeCheckout,
    onRetry: (retry) => setRun({ phase: "sending", key, retry }),
  }).then((outcome) => {
    settle(attempt, outcome);
    setRun({ phase: "done", key, outcome });
  });
}

/** The step has shown or acted on the outcome. */
export function resetPaymentRun(): void {
  if (run.phase === "done") setRun({ phase: "idle" });
}
