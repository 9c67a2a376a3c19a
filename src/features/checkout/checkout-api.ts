import {
  checkoutReturnSchema,
  checkoutStateSchema,
  completeCheckoutResultSchema,
  legalAcceptancesSchema,
  legalDocumentsSchema,
  paymentTypesSchema,
  quoteSchema,
  type CheckoutReturn,
  type CheckoutState,
  type CompleteCheckoutBody,
  type CompleteCheckoutResult,
  type LegalAcceptances,
  type LegalDocuments,
  type PaymentTypes,
  type Quote,
  type SetCheckoutAddressesBody,
  type SetLegalAcceptanceBody,
} from "../../../contract/checkout";
import {
  identityResultSchema,
  type IdentityBody,
  type IdentityResult,
} from "../../../contract/basket";
import { api } from "../../lib/api";

/**
 * The checkout's calls to the proxy, each answer parsed with the shared contract. Loaded with the
 * checkout's own chunk (the schemas weigh nothing on the catalog's first view).
 */

const withSignal = (signal?: AbortSignal) => (signal ? { signal } : {});

export function fetchCheckout(signal?: AbortSignal): Promise<CheckoutState> {
  return api("/api/checkout", { schema: checkoutStateSchema, ...withSignal(signal) });
}

export function setCheckoutAddresses(body: SetCheckoutAddressesBody): Promise<CheckoutState> {
  return api("/api/checkout/addresses", { method: "PUT", body, schema: checkoutStateSchema });
}

export function fetchLegalDocuments(signal?: AbortSignal): Promise<LegalDocuments> {
  return api("/api/checkout/legal", { schema: legalDocumentsSchema, ...withSignal(signal) });
}

/** The customer ticked or unticked documents: the proxy records them (its clock, upstream's version). */
export function recordLegalAcceptance(body: SetLegalAcceptanceBody): Promise<LegalAcceptances> {
  return api("/api/checkout/legal/acceptance", {
    method: "PUT",
    body,
    schema: legalAcceptancesSchema,
  });
}

export function fetchQuote(signal?: AbortSignal): Promise<Quote> {
  return api("/api/checkout/quote", { schema: quoteSchema, ...withSignal(signal) });
}

export function fetchPaymentTypes(signal?: AbortSignal): Promise<PaymentTypes> {
  return api("/api/checkout/payment-types", { schema: paymentTypesSchema, ...withSignal(signal) });
}

/** One send of an attempt: every send of the same attempt carries the same key and body. */
export function completeCheckout(
  body: CompleteCheckoutBody,
  idempotencyKey: string,
): Promise<CompleteCheckoutResult> {
  return api("/api/checkout/complete", {
    method: "POST",
    body,
    headers: { "Idempotency-Key": idempotencyKey },
    schema: completeCheckoutResultSchema,
  });
}

/** The order's real payment state, read upstream by the proxy (never from our query string). */
export function fetchCheckoutReturn(order: string, signal?: AbortSignal): Promise<CheckoutReturn> {
  return api(`/api/checkout/return?order=${encodeURIComponent(order)}`, {
    schema: checkoutReturnSchema,
    ...withSignal(signal),
  });
}

/**
 * A guest's identity (the TCKN goes only here, in the body, to the proxy over the session):
 * creates the customer upstream, binds it to the session and moves the guest basket.
 */
export function bindGuestIdentity(body: IdentityBody): Promise<IdentityResult> {
  return api("/api/session/identity", { method: "POST", body, schema: identityResultSchema });
}
