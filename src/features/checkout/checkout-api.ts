import * as checkoutOps from "../../../contract/api/checkout";
import type {
  CheckoutReturn,
  CheckoutState,
  CompleteCheckoutBody,
  CompleteCheckoutResult,
  LegalAcceptances,
  LegalDocuments,
  PaymentTypes,
  Quote,
  SetCheckoutAddressesBody,
  SetLegalAcceptanceBody,
} from "../../../contract/checkout";
import type { IdentityBody, IdentityResult } from "../../../contract/basket";
import { api } from "../../lib/api";

/**
 * The checkout's calls to the proxy, each answer parsed with the shared contract. Loaded with the
 * checkout's own chunk (the schemas weigh nothing on the catalog's first view).
 */

export function fetchCheckout(signal?: AbortSignal): Promise<CheckoutState> {
  return api(checkoutOps.getCheckout, { signal });
}

export function setCheckoutAddresses(body: SetCheckoutAddressesBody): Promise<CheckoutState> {
  return api(checkoutOps.setCheckoutAddresses, { body });
}

export function fetchLegalDocuments(signal?: AbortSignal): Promise<LegalDocuments> {
  return api(checkoutOps.getCheckoutLegal, { signal });
}

/** The customer ticked or unticked documents: the proxy records them (its clock, upstream's version). */
export function recordLegalAcceptance(body: SetLegalAcceptanceBody): Promise<LegalAcceptances> {
  return api(checkoutOps.setCheckoutLegalAcceptance, { body });
}

export function fetchQuote(signal?: AbortSignal): Promise<Quote> {
  return api(checkoutOps.getCheckoutQuote, { signal });
}

export function fetchPaymentTypes(signal?: AbortSignal): Promise<PaymentTypes> {
  return api(checkoutOps.getPaymentTypes, { signal });
}

/** One send of an attempt: every send of the same attempt carries the same key and body. */
export function completeCheckout(
  body: CompleteCheckoutBody,
  idempotencyKey: string,
): Promise<CompleteCheckoutResult> {
  return api(checkoutOps.completeCheckout, {
    body,
    headers: { "Idempotency-Key": idempotencyKey },
  });
}

/** The order's real payment state, read upstream by the proxy (never from our query string). */
export function fetchCheckoutReturn(order: string, signal?: AbortSignal): Promise<CheckoutReturn> {
  return api(checkoutOps.getCheckoutReturn, { query: { order }, signal });
}

/**
 * A guest's identity (the TCKN goes only here, in the body, to the proxy over the session):
 * creates the customer upstream, binds it to the session and moves the guest basket.
 */
export function bindGuestIdentity(body: IdentityBody): Promise<IdentityResult> {
  return api(checkoutOps.bindGuestIdentity, { body });
}
