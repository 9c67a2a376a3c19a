import type { QueryClient } from "@tanstack/react-query";
import { redirect } from "react-router";
import { allAccepted, type CheckoutState, type LegalDocuments } from "../../../contract/checkout";
import { ApiProblem } from "../../lib/api";
import { checkoutKeys, checkoutQueryOptions } from "./checkout-queries";
import { attempts, readOrderRecord, receiptPath, returnPath } from "./checkout-session";

/** The checkout's steps, in order; each is its own URL and history entry. */
export const STEPS = ["address", "review", "pay"] as const;
export type Step = (typeof STEPS)[number];

export const stepPath = (step: Step) => `/checkout/${step}`;

/** A guest's identity form, before the steps (the session has no customer yet). */
export const IDENTITY_PATH = "/checkout/identity";

export function stepOfPath(pathname: string): Step | null {
  const last = pathname.replace(/\/+$/, "").split("/").pop();
  return STEPS.find((s) => s === last) ?? null;
}

/**
 * Where a checkout step must send the customer instead of showing itself (null: show it).
 * - A payment that may have been made and whose outcome is unknown is finished first, on the
 *   pay step (which resumes it with the same key).
 * - With an empty basket, the order this tab just placed wins: its receipt once paid, the return
 *   page (which asks upstream) while the bank decides. So Back from a receipt never shows a
 *   payment form again.
 */
export function redirectFor(step: Step | null, state: CheckoutState): string | null {
  const attempt = attempts.unresolved();
  if (attempt && !attempt.orderCode) return step === "pay" ? null : stepPath("pay");
  if (state.basket.items.length > 0) return null;
  const record = readOrderRecord();
  if (record?.state === "paid") return receiptPath(record.orderCode);
  if (record) return returnPath(record.orderCode);
  if (attempt?.orderCode) return returnPath(attempt.orderCode);
  return null;
}

/**
 * What an earlier step must have done before `step` can be shown. The pay step needs both
 * documents accepted as the proxy recorded them (`legal`; unknown when it could not be read, and
 * then the completion's own check stands).
 */
export function prerequisiteFor(
  step: Step,
  state: CheckoutState,
  legal?: LegalDocuments,
): string | null {
  if (state.basket.items.length === 0 || attempts.unresolved()) return null;
  if (step === "address") return null;
  if (!state.shipping || !state.billing) return stepPath("address");
  if (step === "review") return null;
  return !legal || allAccepted(legal) ? null : stepPath("review");
}

/**
 * The loader of a step: the checkout state (awaited, so the step renders with it), the step's
 * own queries started alongside, then the redirects above. Failures are left to the page, which
 * shows them with a retry; a guest's 401 goes to the identity form.
 */
export function createStepLoader(
  queryClient: QueryClient,
  step: Step | null,
  prefetch: (queryClient: QueryClient) => Promise<unknown>[] = () => [],
) {
  return async (): Promise<Response | null> => {
    const [state] = await Promise.all([
      queryClient.query(checkoutQueryOptions()).catch(() => undefined),
      ...prefetch(queryClient).map((p) => p.catch(() => undefined)),
    ]);
    if (!state) {
      // A guest (no customer in the session) starts with the identity form.
      const error = queryClient.getQueryState(checkoutKeys.state())?.error;
      return error instanceof ApiProblem && error.status === 401 ? redirect(IDENTITY_PATH) : null;
    }
    const to =
      redirectFor(step, state) ??
      (step
        ? prerequisiteFor(step, state, queryClient.getQueryData(checkoutKeys.legal()))
        : state.basket.items.length > 0
          ? stepPath("address")
          : null);
    return to ? redirect(to) : null;
  };
}
