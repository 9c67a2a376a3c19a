import {
  IDEMPOTENCY_HEADER,
  checkoutReturnQuerySchema,
  checkoutReturnSchema,
  checkoutStateSchema,
  completeCheckoutBodySchema,
  completeCheckoutResultSchema,
  legalAcceptancesSchema,
  legalDocumentsSchema,
  paymentTypesSchema,
  quoteSchema,
  setCheckoutAddressesBodySchema,
  setLegalAcceptanceBodySchema,
} from "../checkout.ts";
import { identityBodySchema, identityResultSchema } from "../basket.ts";
import { CUSTOMER_ERRORS, defineOperation } from "./operation.ts";

export const getCheckout = defineOperation({
  method: "get",
  path: "/api/checkout",
  operationId: "getCheckout",
  summary: "The basket with the shipping and billing addresses set on it",
  tag: "checkout",
  auth: "customer",
  response: checkoutStateSchema,
  errors: CUSTOMER_ERRORS,
});

export const setCheckoutAddresses = defineOperation({
  method: "put",
  path: "/api/checkout/addresses",
  operationId: "setCheckoutAddresses",
  summary: 'Set the basket\'s addresses: saved ids, or the address form (billing may be "same")',
  tag: "checkout",
  auth: "customer",
  body: setCheckoutAddressesBodySchema,
  response: checkoutStateSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
});

export const getCheckoutQuote = defineOperation({
  method: "get",
  path: "/api/checkout/quote",
  operationId: "getCheckoutQuote",
  summary: "Totals under the current price fix (re-fixed when expired); complete with its quoteId",
  tag: "checkout",
  auth: "customer",
  response: quoteSchema,
  errors: CUSTOMER_ERRORS,
});

export const getPaymentTypes = defineOperation({
  method: "get",
  path: "/api/checkout/payment-types",
  operationId: "getPaymentTypes",
  summary: "Card (with instalments) and wallet",
  tag: "checkout",
  auth: "customer",
  response: paymentTypesSchema,
  errors: CUSTOMER_ERRORS,
});

export const completeCheckout = defineOperation({
  method: "post",
  path: "/api/checkout/complete",
  operationId: "completeCheckout",
  summary:
    "Complete the basket at the accepted quote (Idempotency-Key): card → 3-D Secure redirect, wallet → paid",
  tag: "checkout",
  auth: "customer",
  body: completeCheckoutBodySchema,
  response: completeCheckoutResultSchema,
  headers: [IDEMPOTENCY_HEADER],
  errors: [...CUSTOMER_ERRORS, "price_expired", "conflict", "outcome_unknown"],
});

export const getCheckoutReturn = defineOperation({
  method: "get",
  path: "/api/checkout/return",
  operationId: "getCheckoutReturn",
  summary: "After 3-D Secure: the order's real payment state, read upstream",
  tag: "checkout",
  auth: "customer",
  query: checkoutReturnQuerySchema,
  response: checkoutReturnSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
});

export const getCheckoutLegal = defineOperation({
  method: "get",
  path: "/api/checkout/legal",
  operationId: "getCheckoutLegal",
  summary:
    "The pre-information form and the distance sales contract for this basket, with the acceptances recorded for it",
  tag: "checkout",
  auth: "customer",
  response: legalDocumentsSchema,
  errors: CUSTOMER_ERRORS,
});

export const setCheckoutLegalAcceptance = defineOperation({
  method: "put",
  path: "/api/checkout/legal/acceptance",
  operationId: "setCheckoutLegalAcceptance",
  summary:
    "Record (or withdraw) the acceptance of legal documents for this basket: upstream's version, the proxy's time",
  tag: "checkout",
  auth: "customer",
  body: setLegalAcceptanceBodySchema,
  response: legalAcceptancesSchema,
  errors: CUSTOMER_ERRORS,
});

/** A guest's checkout identity (the identity step): documented with the session's operations. */
export const bindGuestIdentity = defineOperation({
  method: "post",
  path: "/api/session/identity",
  operationId: "bindGuestIdentity",
  summary:
    "A guest's checkout identity (a person or a company): creates the customer, binds it to the session and moves the guest basket upstream",
  tag: "session",
  auth: "session",
  body: identityBodySchema,
  response: identityResultSchema,
  errors: ["validation_failed", "unauthenticated", "conflict", "upstream_unavailable"],
});
