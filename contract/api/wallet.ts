import { BASKET_CHANGE_HEADER } from "../basket.ts";
import { IDEMPOTENCY_HEADER } from "../checkout.ts";
import {
  addWalletItemBodySchema,
  completeWalletBasketBodySchema,
  updateWalletItemBodySchema,
  walletBasketItemParamsSchema,
  walletBasketParamsSchema,
  walletBasketSchema,
  walletDeliveryAddressBodySchema,
  walletOrderListSchema,
  walletOrderSchema,
  walletOrdersQuerySchema,
  walletReceiptParamsSchema,
  walletReceiptSchema,
  walletSchema,
} from "../wallet.ts";
import { CUSTOMER_ERRORS, defineOperation } from "./operation.ts";

export const getWallet = defineOperation({
  method: "get",
  path: "/api/wallet",
  operationId: "getWallet",
  summary: "Balances per metal (grams, value at the live bid), physical holdings and TRY cash",
  tag: "wallet",
  auth: "customer",
  response: walletSchema,
  errors: CUSTOMER_ERRORS,
});

export const getWalletBasket = defineOperation({
  method: "get",
  path: "/api/wallet/baskets/:type",
  operationId: "getWalletBasket",
  summary: "The buy, sell or delivery basket with Minted's fee lines (empty when none)",
  tag: "wallet",
  auth: "customer",
  params: walletBasketParamsSchema,
  response: walletBasketSchema,
  errors: CUSTOMER_ERRORS,
});

export const addWalletBasketItem = defineOperation({
  method: "post",
  path: "/api/wallet/baskets/:type/items",
  operationId: "addWalletBasketItem",
  summary: "Add units of a bar or coin (buy: stock; sell, delivery: what the vault holds)",
  tag: "wallet",
  auth: "customer",
  params: walletBasketParamsSchema,
  body: addWalletItemBodySchema,
  response: walletBasketSchema,
  errors: CUSTOMER_ERRORS,
  headers: [BASKET_CHANGE_HEADER],
});

export const updateWalletBasketItem = defineOperation({
  method: "patch",
  path: "/api/wallet/baskets/:type/items/:sku",
  operationId: "updateWalletBasketItem",
  summary: "Set a line's quantity (0 removes it)",
  tag: "wallet",
  auth: "customer",
  params: walletBasketItemParamsSchema,
  body: updateWalletItemBodySchema,
  response: walletBasketSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
  headers: [BASKET_CHANGE_HEADER],
});

export const removeWalletBasketItem = defineOperation({
  method: "delete",
  path: "/api/wallet/baskets/:type/items/:sku",
  operationId: "removeWalletBasketItem",
  summary: "Remove a line",
  tag: "wallet",
  auth: "customer",
  params: walletBasketItemParamsSchema,
  response: walletBasketSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
  headers: [BASKET_CHANGE_HEADER],
});

export const setWalletDeliveryAddress = defineOperation({
  method: "put",
  path: "/api/wallet/baskets/delivery/address",
  operationId: "setWalletDeliveryAddress",
  summary: "Deliver to one of the customer's saved shipping addresses",
  tag: "wallet",
  auth: "customer",
  body: walletDeliveryAddressBodySchema,
  response: walletBasketSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
});

export const getWalletReceipt = defineOperation({
  method: "get",
  path: "/api/wallet/orders/:id/receipt",
  operationId: "getWalletReceipt",
  summary: "A wallet order's receipt",
  tag: "wallet",
  auth: "customer",
  params: walletReceiptParamsSchema,
  response: walletReceiptSchema,
  errors: [...CUSTOMER_ERRORS, "not_found"],
});

export const listWalletOrders = defineOperation({
  method: "get",
  path: "/api/wallet/orders",
  operationId: "listWalletOrders",
  summary: "The customer's wallet orders (buy, sell, delivery), newest first",
  tag: "wallet",
  auth: "customer",
  query: walletOrdersQuerySchema,
  response: walletOrderListSchema,
  errors: CUSTOMER_ERRORS,
});

export const completeWalletBasket = defineOperation({
  method: "post",
  path: "/api/wallet/baskets/:type/complete",
  operationId: "completeWalletBasket",
  summary:
    "Complete the basket at the accepted quote (Idempotency-Key); paid from, or into, the TRY wallet",
  tag: "wallet",
  auth: "customer",
  params: walletBasketParamsSchema,
  body: completeWalletBasketBodySchema,
  response: walletOrderSchema,
  headers: [IDEMPOTENCY_HEADER],
  errors: [...CUSTOMER_ERRORS, "price_expired", "conflict", "not_found", "outcome_unknown"],
});
