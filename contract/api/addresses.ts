import {
  addressIdParamsSchema,
  addressListQuerySchema,
  addressListSchema,
  addressSchema,
  createAddressBodySchema,
  deletedSchema,
} from "../addresses.ts";
import { defineOperation } from "./operation.ts";

export const listAddresses = defineOperation({
  method: "get",
  path: "/api/addresses",
  operationId: "listAddresses",
  summary: "The customer's saved shipping and billing addresses",
  tag: "addresses",
  auth: "customer",
  query: addressListQuerySchema,
  response: addressListSchema,
  errors: ["validation_failed", "unauthenticated", "upstream_unavailable"],
});

export const createAddress = defineOperation({
  method: "post",
  path: "/api/addresses",
  operationId: "createAddress",
  summary: "Save an address (the address form, with its type)",
  tag: "addresses",
  auth: "customer",
  body: createAddressBodySchema,
  response: addressSchema,
  status: 201,
  errors: ["validation_failed", "unauthenticated", "upstream_unavailable"],
});

export const deleteAddress = defineOperation({
  method: "delete",
  path: "/api/addresses/:id",
  operationId: "deleteAddress",
  summary: "Delete a saved address",
  tag: "addresses",
  auth: "customer",
  params: addressIdParamsSchema,
  response: deletedSchema,
  errors: ["not_found", "unauthenticated", "upstream_unavailable"],
});
