import {
  categoryListSchema,
  imageParamsSchema,
  productListQuerySchema,
  productListSchema,
  productParamsSchema,
  productSchema,
} from "../catalog.ts";
import { defineOperation } from "./operation.ts";

export const listProducts = defineOperation({
  method: "get",
  path: "/api/products",
  operationId: "listProducts",
  summary: "Products, filtered, sorted and paged",
  tag: "catalog",
  auth: "none",
  query: productListQuerySchema,
  response: productListSchema,
});

export const getProduct = defineOperation({
  method: "get",
  path: "/api/products/:sku",
  operationId: "getProduct",
  summary: "One product",
  tag: "catalog",
  auth: "none",
  params: productParamsSchema,
  response: productSchema,
  errors: ["not_found", "validation_failed", "upstream_unavailable"],
});

export const listCategories = defineOperation({
  method: "get",
  path: "/api/categories",
  operationId: "listCategories",
  summary: "Product categories",
  tag: "catalog",
  auth: "none",
  response: categoryListSchema,
});

export const getProductImage = defineOperation({
  method: "get",
  path: "/api/images/:sku/:n",
  operationId: "getProductImage",
  summary: "A product image (SVG, PNG, JPEG or WebP), proxied from Minted",
  tag: "catalog",
  auth: "none",
  params: imageParamsSchema,
  errors: ["not_found", "upstream_unavailable"],
});
