/**
 * Every Minted Connect operation the proxy calls: the endpoint map of minted-api.md Part 1, in
 * one place, so that a correction to the documentation is a one-line change here.
 * `{name}` segments are path parameters. `auth: "bearer"` marks the Embedded Webview rows.
 */
export const OPERATIONS = {
  customerCreate: { method: "POST", path: "/partner/customer" },
  customerGet: { method: "GET", path: "/partner/customer/{external_customer_id}" },
  customerUpdate: { method: "PATCH", path: "/partner/customer/{external_customer_id}" },
  customerRemove: { method: "DELETE", path: "/partner/customer/{external_customer_id}" },

  addressCreate: { method: "POST", path: "/partner/customer/address" },
  addressList: { method: "GET", path: "/partner/customer/address" },
  addressDelete: { method: "DELETE", path: "/partner/customer/address/{id}" },

  products: { method: "GET", path: "/partner/ecom/products" },
  product: { method: "GET", path: "/partner/ecom/product" },
  categories: { method: "GET", path: "/partner/ecom/categories" },
  prices: { method: "GET", path: "/partner/ecom/prices" },
  priceFeed: { method: "GET", path: "/partner/ecom/ws" },

  basketGet: { method: "GET", path: "/partner/ecom/basket" },
  basketsIncomplete: { method: "GET", path: "/partner/ecom/baskets" },
  basketAdd: { method: "POST", path: "/partner/ecom/basket" },
  basketUpdate: { method: "PATCH", path: "/partner/ecom/basket" },
  basketRemove: { method: "DELETE", path: "/partner/ecom/basket" },
  basketClear: { method: "DELETE", path: "/partner/ecom/basket/empty" },
  basketSetAddress: { method: "PATCH", path: "/partner/ecom/basket/setaddress" },
  paymentTypes: { method: "GET", path: "/partner/ecom/payment/types" },
  basketComplete: { method: "PUT", path: "/partner/ecom/basket/complete" },
  ecomOrderGet: { method: "POST", path: "/partner/ecom/getorder" },
  ecomOrders: { method: "GET", path: "/partner/ecom/orders" },

  legalTypes: { method: "GET", path: "/partner/ecom/legal/types" },
  legalDocument: { method: "POST", path: "/partner/legal" },

  priceFix: { method: "POST", path: "/partner/pricefix" },
  digitalBuy: { method: "POST", path: "/partner/order/digital/buy" },
  digitalSell: { method: "POST", path: "/partner/order/digital/sell" },
  orderGet: { method: "GET", path: "/partner/order/{external_order_id}" },
  orderFind: { method: "POST", path: "/partner/order" },
  orderInvoice: { method: "GET", path: "/partner/order/{external_order_id}/invoice" },
  customerBalance: { method: "GET", path: "/partner/balance/customer/{external_customer_id}" },
  orderStatuses: { method: "GET", path: "/partner/order/statuses" },

  walletProducts: { method: "GET", path: "/partner/walletable/products" },
  walletBasketGet: { method: "GET", path: "/partner/walletable/basket" },
  walletBasketAdd: { method: "POST", path: "/partner/walletable/basket" },
  walletBasketUpdate: { method: "PATCH", path: "/partner/walletable/basket" },
  walletBasketRemove: { method: "DELETE", path: "/partner/walletable/basket" },
  walletBasketClear: { method: "DELETE", path: "/partner/walletable/basket/empty" },
  walletCompleteBuy: { method: "POST", path: "/partner/walletable/complete/buy" },
  walletCompleteSell: { method: "POST", path: "/partner/walletable/complete/sell" },
  walletCompleteDelivery: { method: "POST", path: "/partner/walletable/complete/delivery" },
  walletOrders: { method: "GET", path: "/partner/walletable/orders" },
  walletReceipt: { method: "GET", path: "/partner/walletable/orders/{id}/receipt" },
  walletBalance: { method: "GET", path: "/partner/walletable/balance" },
  currencyRates: { method: "GET", path: "/partner/walletable/currency-rates" },
  rateHistory: { method: "GET", path: "/partner/walletable/rate-history" },

  webviewToken: { method: "POST", path: "/partner/ecom/token" },
  webviewActiveBasket: { method: "GET", path: "/partner/ecom/getActiveBasket", auth: "bearer" },
  webviewComplete: { method: "POST", path: "/partner/ecom/complete", auth: "bearer" },
  webviewOrders: { method: "GET", path: "/partner/ecom/orders", auth: "bearer" },
} as const satisfies Record<string, Operation>;

export interface Operation {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  auth?: "digest" | "bearer";
}

export type OperationName = keyof typeof OPERATIONS;

/** Fill `{name}` path parameters, percent-encoding each value. */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}
