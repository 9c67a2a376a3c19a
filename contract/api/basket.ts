import {
  BASKET_CHANGE_HEADER,
  addBasketItemBodySchema,
  basketItemParamsSchema,
  basketSchema,
  incompleteBasketListSchema,
  incompleteBasketParamsSchema,
  resumeBasketResultSchema,
  updateBasketItemBodySchema,
} from "../basket.ts";
import { CUSTOMER_ERRORS, defineOperation } from "./operation.ts";

export const getBasket = defineOperation({
  method: "get",
  path: "/api/basket",
  operationId: "getBasket",
  summary:
    "The active basket: items, limits, fees, totals and the price fix (empty without a session)",
  tag: "basket",
  // A visitor without a session simply has an empty basket: answering 401 here would put an
  // error in the console of every first page view.
  auth: "none",
  response: basketSchema,
  errors: CUSTOMER_ERRORS,
});

export const addBasketItem = defineOperation({
  method: "post",
  path: "/api/basket/items",
  operationId: "addBasketItem",
  summary: "Add units (or grams) of a product; stock and 10-per-SKU limits are field errors",
  tag: "basket",
  auth: "session",
  body: addBasketItemBodySchema,
  response: basketSchema,
  headers: [BASKET_CHANGE_HEADER],
  errors: CUSTOMER_ERRORS,
});

export const updateBasketItem = defineOperation({
  method: "patch",
  path: "/api/basket/items/:sku",
  operationId: "updateBasketItem",
  summary: "Set a line's quantity (0 removes it)",
  tag: "basket",
  auth: "session",
  params: basketItemParamsSchema,
  body: updateBasketItemBodySchema,
  response: basketSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
  headers: [BASKET_CHANGE_HEADER],
});

export const removeBasketItem = defineOperation({
  method: "delete",
  path: "/api/basket/items/:sku",
  operationId: "removeBasketItem",
  summary: "Remove a line",
  tag: "basket",
  auth: "session",
  params: basketItemParamsSchema,
  response: basketSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
  headers: [BASKET_CHANGE_HEADER],
});

export const clearBasket = defineOperation({
  method: "delete",
  path: "/api/basket",
  operationId: "clearBasket",
  summary: "Empty the basket",
  tag: "basket",
  auth: "session",
  response: basketSchema,
  errors: CUSTOMER_ERRORS,
});

export const listIncompleteBaskets = defineOperation({
  method: "get",
  path: "/api/baskets/incomplete",
  operationId: "listIncompleteBaskets",
  summary: "The customer's other unfinished baskets (to resume)",
  tag: "basket",
  auth: "customer",
  response: incompleteBasketListSchema,
  errors: CUSTOMER_ERRORS,
});

export const resumeIncompleteBasket = defineOperation({
  method: "post",
  path: "/api/baskets/incomplete/:id/resume",
  operationId: "resumeIncompleteBasket",
  summary:
    "Resume an unfinished basket: its lines move into the active basket at today's prices and it is emptied",
  tag: "basket",
  auth: "customer",
  params: incompleteBasketParamsSchema,
  response: resumeBasketResultSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
});
