import { IDEMPOTENCY_HEADER } from "../checkout.ts";
import {
  digitalOrderBodySchema,
  digitalOrderSchema,
  digitalQuoteBodySchema,
  digitalQuoteSchema,
} from "../digital.ts";
import { CUSTOMER_ERRORS, defineOperation } from "./operation.ts";

export const createDigitalQuote = defineOperation({
  method: "post",
  path: "/api/digital/quotes",
  operationId: "createDigitalQuote",
  summary:
    "Fix a price for buying or selling digital metal, by grams or by amount (both directions)",
  tag: "digital",
  auth: "customer",
  body: digitalQuoteBodySchema,
  response: digitalQuoteSchema,
  status: 201,
  errors: CUSTOMER_ERRORS,
});

export const createDigitalOrder = defineOperation({
  method: "post",
  path: "/api/digital/orders",
  operationId: "createDigitalOrder",
  summary: "Buy or sell at an accepted quote (Idempotency-Key): one order, however often sent",
  tag: "digital",
  auth: "customer",
  body: digitalOrderBodySchema,
  response: digitalOrderSchema,
  status: 201,
  headers: [IDEMPOTENCY_HEADER],
  errors: [...CUSTOMER_ERRORS, "price_expired", "conflict", "not_found", "outcome_unknown"],
});
