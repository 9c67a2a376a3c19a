import { fileLinkSchema, fileParamsSchema } from "../files.ts";
import {
  invoiceSchema,
  orderDetailSchema,
  orderListQuerySchema,
  orderListSchema,
  orderParamsSchema,
  receiptLookupSchema,
  receiptSchema,
} from "../orders.ts";
import { defineOperation } from "./operation.ts";

const ORDER_ERRORS = ["not_found", "unauthenticated", "upstream_unavailable"];

export const listOrders = defineOperation({
  method: "get",
  path: "/api/orders",
  operationId: "listOrders",
  summary: "The customer's orders, newest first",
  tag: "orders",
  auth: "customer",
  query: orderListQuerySchema,
  response: orderListSchema,
  errors: ["validation_failed", "unauthenticated", "upstream_unavailable"],
});

export const getOrder = defineOperation({
  method: "get",
  path: "/api/orders/:code",
  operationId: "getOrder",
  summary: "One order: status, timeline, items, fees, totals, addresses, payment, delivery",
  tag: "orders",
  auth: "customer",
  params: orderParamsSchema,
  response: orderDetailSchema,
  errors: ORDER_ERRORS,
});

export const getOrderInvoice = defineOperation({
  method: "get",
  path: "/api/orders/:code/invoice",
  operationId: "getOrderInvoice",
  summary:
    "The order's invoice details (seller, buyer with full TCKN/VKN, items, VAT, totals, fees)",
  tag: "orders",
  auth: "customer",
  params: orderParamsSchema,
  response: invoiceSchema,
  errors: ORDER_ERRORS,
});

export const getOrderReceipt = defineOperation({
  method: "get",
  path: "/api/orders/:code/receipt",
  operationId: "getOrderReceipt",
  summary: "The order's receipt",
  tag: "orders",
  auth: "customer",
  params: orderParamsSchema,
  response: receiptSchema,
  errors: ORDER_ERRORS,
});

export const lookupReceipt = defineOperation({
  method: "post",
  path: "/api/receipts/lookup",
  operationId: "lookupReceipt",
  summary: "A receipt by order code and the customer's e-mail (no session needed)",
  tag: "orders",
  auth: "none",
  body: receiptLookupSchema,
  response: receiptSchema,
  errors: ["validation_failed", "not_found", "rate_limited", "upstream_unavailable"],
});

export const getOrderInvoicePdfLink = defineOperation({
  method: "get",
  path: "/api/orders/:code/invoice/pdf",
  operationId: "getOrderInvoicePdfLink",
  summary: "A link (5 minutes, no cookie needed) to the invoice as an A4 PDF attachment",
  tag: "orders",
  auth: "customer",
  params: orderParamsSchema,
  response: fileLinkSchema,
  errors: ["not_found", "unauthenticated", "upstream_unavailable"],
});

export const downloadInvoicePdf = defineOperation({
  method: "get",
  path: "/api/files/invoices/:token/:filename",
  operationId: "downloadInvoicePdf",
  summary: "The invoice PDF behind a link from getOrderInvoicePdfLink",
  tag: "orders",
  auth: "none",
  params: fileParamsSchema,
  errors: ["not_found", "upstream_unavailable"],
});
