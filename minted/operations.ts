import { z } from "zod";
import {
  upstreamCategoriesSchema,
  upstreamProductPageSchema,
  upstreamProductSchema,
} from "./schemas/catalog.ts";
import {
  upstreamAddressListSchema,
  upstreamAddressSchema,
  upstreamCreatedCustomerSchema,
  upstreamCustomerRecordSchema,
  upstreamLegalDocumentSchema,
  upstreamLegalTypesSchema,
  upstreamPaymentTypesSchema,
} from "./schemas/checkout.ts";
import {
  upstreamOrderResponseSchema,
  upstreamPartnerOrderSchema,
  upstreamPriceFixSchema,
} from "./schemas/digital.ts";
import { upstreamInvoiceSchema } from "./schemas/invoice.ts";
import { upstreamEcomOrderPageSchema, upstreamEcomOrderSchema } from "./schemas/orders.ts";
import {
  upstreamCandlesSchema,
  upstreamCurrencyRatesSchema,
  upstreamPriceMessageSchema,
  upstreamPricesSchema,
} from "./schemas/prices.ts";
import * as input from "./schemas/requests.ts";
import {
  upstreamCustomerBalanceSchema,
  upstreamOrderStatusesSchema,
  upstreamWalletBasketSchema,
  upstreamWalletHoldingsSchema,
  upstreamWalletOrderPageSchema,
  upstreamWalletProductsSchema,
  upstreamWalletReceiptSchema,
} from "./schemas/wallet.ts";

/**
 * Every Minted Connect operation, once: the only place where a Minted path is written.
 *
 * - The proxy's client (`server/upstream/client.ts`) calls operations by name from this table,
 *   checks what it sends against `input` and what it gets against `response`.
 * - The sandbox registers one handler per row (`sandbox/app.ts`); a test fails for a row without
 *   one.
 * - Minted's documented example payloads (`minted/examples/`) parse with `response`.
 *
 * `source` says where a row comes from: `documented` with the doc page ids (`api-…`) of
 * docs.mintedconnect.com, or `inferred` with the one reason we chose what we chose. Correcting an
 * inferred path when Minted answers differently is a change to one line here.
 *
 * `{name}` segments of `path` are path parameters. `auth: "bearer"` marks the Embedded Webview
 * rows, which take the customer's token from Create Token instead of Digest.
 */

export type Source =
  | { readonly documented: readonly [string, ...string[]]; readonly note?: string }
  | { readonly inferred: string };

export interface MintedOperation<I extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  readonly method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  readonly path: string;
  readonly auth: "digest" | "bearer";
  /** The query (GET) or JSON body (others); path parameters are named in `path`. */
  readonly input: I;
  /** The envelope's `data`. Unknown fields pass through; a missing required one is refused. */
  readonly response: R;
  readonly source: Source;
  /**
   * Fields the sandbox answers beyond the documented example (paths as `a.b`, `items[].c`),
   * and why: `sandbox/documented-shapes.test.ts` holds the sandbox to exactly these.
   */
  readonly sandboxExtras?: { readonly fields: readonly string[]; readonly inferred: string };
}

function op<I extends z.ZodType, R extends z.ZodType>(
  row: Omit<MintedOperation<I, R>, "auth"> & { auth?: "digest" | "bearer" },
): MintedOperation<I, R> {
  return { auth: "digest", ...row };
}

const documented = (...ids: [string, ...string[]]): Source => ({ documented: ids });
const documentedPath = (note: string, ...ids: [string, ...string[]]): Source => ({
  documented: ids,
  note,
});
const inferred = (why: string): Source => ({ inferred: why });

/** Create Token's answer (inferred: the page is not public). */
export const upstreamIssuedTokenSchema = z.object({
  token: z.string().min(1),
  expires_in: z.number().positive(),
});

export const MINTED_OPERATIONS = {
  // ------------------------------------------------------------------ Customers
  customerCreate: op({
    method: "POST",
    path: "/partner/customer",
    input: input.createCustomerInput,
    response: upstreamCreatedCustomerSchema,
    source: documentedPath(
      "person (api-25995712) and company (api-15819241): one body, a union on account_type; the answer is not shown",
      "api-25995712",
      "api-15819241",
    ),
  }),
  customerGet: op({
    method: "GET",
    path: "/partner/customer/{external_customer_id}",
    input: input.noInput,
    response: upstreamCustomerRecordSchema,
    source: documented("api-8228811"),
  }),
  customerUpdate: op({
    method: "PATCH",
    path: "/partner/customer/{external_customer_id}",
    input: input.updateCustomerInput,
    response: upstreamCustomerRecordSchema,
    source: documented("api-8228809"),
  }),
  customerRemove: op({
    method: "DELETE",
    path: "/partner/customer/{external_customer_id}",
    input: input.noInput,
    response: z.unknown(),
    source: inferred(
      "'Remove Customer Id' is in the menu; the path follows Get and Update Customer",
    ),
  }),

  // ------------------------------------------------------------------ Customer addresses
  addressCreate: op({
    method: "POST",
    path: "/partner/customer/address",
    input: input.createAddressInput,
    response: upstreamAddressSchema,
    source: documentedPath(
      "billing documented; shipping and the answer (the address with its id) inferred",
      "api-8209442",
    ),
  }),
  addressList: op({
    method: "GET",
    path: "/partner/customer/address",
    input: input.customerQuery,
    response: upstreamAddressListSchema,
    source: inferred(
      "'Customer Address - List' is in the menu; the path is Create's, read with GET",
    ),
  }),
  addressDelete: op({
    method: "DELETE",
    path: "/partner/customer/address/{id}",
    input: input.customerQuery,
    response: upstreamAddressSchema,
    source: inferred("'Customer Address - Delete' is in the menu; REST path under Create's"),
  }),

  // ------------------------------------------------------------------ E-Commerce catalog
  products: op({
    method: "GET",
    path: "/partner/ecom/products",
    input: input.productsQuery,
    response: upstreamProductPageSchema,
    source: documented("api-8209436"),
  }),
  product: op({
    method: "GET",
    path: "/partner/ecom/product",
    input: input.productQuery,
    response: upstreamProductSchema,
    source: documented("api-8910364"),
  }),
  categories: op({
    method: "GET",
    path: "/partner/ecom/categories",
    input: input.noInput,
    response: upstreamCategoriesSchema,
    source: inferred("'Categories GET' is in the menu; path beside Products"),
  }),
  prices: op({
    method: "GET",
    path: "/partner/ecom/prices",
    input: input.noInput,
    response: upstreamPricesSchema,
    source: inferred("'Prices GET' / 'Minted Prices GET' are in the menu; path beside Products"),
  }),
  priceFeed: op({
    method: "GET",
    path: "/partner/ecom/ws",
    input: input.noInput,
    response: upstreamPriceMessageSchema,
    source: inferred("'WS' is in the menu; a WebSocket upgrade pushing one message per price"),
  }),

  // ------------------------------------------------------------------ E-Commerce checkout
  basketGet: op({
    method: "GET",
    path: "/partner/ecom/basket",
    input: input.basketQuery,
    response: upstreamEcomOrderSchema.nullable(),
    source: inferred("'Get Basket GET' is in the menu; the path is Add to Basket's, read with GET"),
  }),
  basketsIncomplete: op({
    method: "GET",
    path: "/partner/ecom/baskets",
    input: input.incompleteBasketsQuery,
    response: upstreamEcomOrderPageSchema,
    source: documented("api-8328441"),
    sandboxExtras: {
      fields: [
        "data[].pricefix",
        "data[].currency_rate",
        "data[].currency_total",
        "data[].delivery",
        "data[].items[].spot_price",
        "data[].customer.tax_office",
        "data[].customer.account_type",
      ],
      inferred:
        "the Ecom Order and OrderItem schema pages (schema-2703921, -2704017) list the first five; the walletable customer (api-26503549) the last two",
    },
  }),
  basketAdd: op({
    method: "POST",
    path: "/partner/ecom/basket",
    input: input.basketLineInput,
    response: upstreamEcomOrderSchema,
    source: inferred("'Add to Basket' is in the menu; path and body follow the walletable basket"),
  }),
  basketUpdate: op({
    method: "PATCH",
    path: "/partner/ecom/basket",
    input: input.basketLineInput,
    response: upstreamEcomOrderSchema,
    source: inferred("'Update Item' is in the menu; the walletable sibling is api-26503573"),
  }),
  basketRemove: op({
    method: "DELETE",
    path: "/partner/ecom/basket",
    input: input.basketLineInput,
    response: upstreamEcomOrderSchema,
    source: inferred("'Delete Item' is in the menu; the walletable sibling is api-26503558"),
  }),
  basketClear: op({
    method: "DELETE",
    path: "/partner/ecom/basket/empty",
    input: input.basketOwnerInput,
    response: upstreamEcomOrderSchema,
    source: documented("api-8547070"),
  }),
  basketSetAddress: op({
    method: "PATCH",
    path: "/partner/ecom/basket/setaddress",
    input: input.setAddressInput,
    response: upstreamEcomOrderSchema,
    source: documentedPath(
      "custom addresses documented; saved address ids ('Set Existing Address') inferred",
      "api-8209448",
    ),
  }),
  paymentTypes: op({
    method: "GET",
    path: "/partner/ecom/payment/types",
    input: input.noInput,
    response: upstreamPaymentTypesSchema,
    source: inferred("'Payment Get All Types GET' is in the menu; its page is not public"),
  }),
  basketComplete: op({
    method: "PUT",
    path: "/partner/ecom/basket/complete",
    input: input.completeBasketInput,
    response: upstreamEcomOrderSchema,
    source: documentedPath("path and callbacks documented; the body is inferred", "api-8209450"),
  }),
  ecomOrderGet: op({
    method: "POST",
    path: "/partner/ecom/getorder",
    input: input.ecomOrderInput,
    response: upstreamEcomOrderSchema,
    source: documented("api-8854297"),
  }),
  ecomOrders: op({
    method: "GET",
    path: "/partner/ecom/orders",
    input: input.ecomOrdersQuery,
    response: upstreamEcomOrderPageSchema,
    source: documented("api-8228838"),
  }),

  // ------------------------------------------------------------------ Legal
  legalTypes: op({
    method: "GET",
    path: "/partner/ecom/legal/types",
    input: input.noInput,
    response: upstreamLegalTypesSchema,
    source: inferred("'Legal Types' is in the E-Commerce menu; its page is not public"),
  }),
  legalDocument: op({
    method: "POST",
    path: "/partner/legal",
    input: input.legalDocumentInput,
    response: upstreamLegalDocumentSchema,
    source: inferred("'Partner Legal POST' is in the Partner menu; body and answer not public"),
  }),

  // ------------------------------------------------------------------ Partner: digital metal
  priceFix: op({
    method: "POST",
    path: "/partner/pricefix",
    input: input.priceFixInput,
    response: upstreamPriceFixSchema,
    source: documented("api-3826800", "api-7918013"),
  }),
  digitalBuy: op({
    method: "POST",
    path: "/partner/order/digital/buy",
    input: input.digitalOrderInput,
    response: upstreamOrderResponseSchema,
    source: documented("api-3769742", "api-4434391"),
    sandboxExtras: {
      fields: [
        "orders[].payment_cost",
        "orders[].payment_type",
        "orders[].payment",
        "orders[].delivery",
        "orders[].address",
        "orders[].description",
      ],
      inferred: "each order is an Order Schema (Partner) (schema-549775), which lists them",
    },
  }),
  digitalSell: op({
    method: "POST",
    path: "/partner/order/digital/sell",
    input: input.digitalOrderInput,
    response: upstreamOrderResponseSchema,
    source: documented("api-3769745"),
  }),
  orderGet: op({
    method: "GET",
    path: "/partner/order/{external_order_id}",
    input: input.noInput,
    response: upstreamPartnerOrderSchema,
    source: documented("api-3652432", "api-4295600"),
    sandboxExtras: {
      fields: ["payment_type", "delivery", "address", "description"],
      inferred:
        "the Order Schema (Partner) page (schema-549775) lists them; this example omits them",
    },
  }),
  orderFind: op({
    method: "POST",
    path: "/partner/order",
    input: input.findOrderInput,
    response: upstreamPartnerOrderSchema,
    source: documented("api-3874525"),
    sandboxExtras: {
      fields: ["delivery", "address", "description"],
      inferred:
        "the Order Schema (Partner) page (schema-549775) lists them; this example omits them",
    },
  }),
  orderInvoice: op({
    method: "GET",
    path: "/partner/order/{external_order_id}/invoice",
    input: input.noInput,
    response: upstreamInvoiceSchema,
    source: documented("api-38613148"),
  }),
  customerBalance: op({
    method: "GET",
    path: "/partner/balance/customer/{external_customer_id}",
    input: input.noInput,
    response: upstreamCustomerBalanceSchema,
    source: documented("api-3717483"),
  }),
  orderStatuses: op({
    method: "GET",
    path: "/partner/order/statuses",
    input: input.noInput,
    response: upstreamOrderStatusesSchema,
    source: inferred("'Order Statusses GET' is in the Partner menu; path beside Get Order"),
  }),

  // ------------------------------------------------------------------ Walletable e-commerce
  walletProducts: op({
    method: "GET",
    path: "/partner/walletable/products",
    input: input.noInput,
    response: upstreamWalletProductsSchema,
    source: inferred("'Get Products GET' is in the Walletable menu; its page is not public"),
  }),
  walletBasketGet: op({
    method: "GET",
    path: "/partner/walletable/basket",
    input: input.walletBasketQuery,
    response: upstreamWalletBasketSchema.nullable(),
    source: inferred("'Get Active Basket GET' is in the menu; the path is Update Basket Item's"),
  }),
  walletBasketAdd: op({
    method: "POST",
    path: "/partner/walletable/basket",
    input: input.basketLineInput,
    response: upstreamWalletBasketSchema,
    source: inferred("'Create Basket / Add Basket Item' is in the menu; path of its siblings"),
    sandboxExtras: {
      fields: [
        "customer.middlename",
        "customer.fullname",
        "customer.email",
        "customer.phone",
        "customer.gender",
        "customer.identity_number",
        "customer.tax_office",
        "customer.birthdate",
        "items[].prices[].price",
      ],
      inferred:
        "the page elides them with `…`; minted-api.md §8.2 lists them from the other examples",
    },
  }),
  walletBasketUpdate: op({
    method: "PATCH",
    path: "/partner/walletable/basket",
    input: input.basketLineInput,
    response: upstreamWalletBasketSchema,
    source: documented("api-26503573"),
  }),
  walletBasketRemove: op({
    method: "DELETE",
    path: "/partner/walletable/basket",
    input: input.basketLineInput,
    response: upstreamWalletBasketSchema,
    source: documented("api-26503558"),
  }),
  walletBasketClear: op({
    method: "DELETE",
    path: "/partner/walletable/basket/empty",
    input: input.basketOwnerInput,
    response: upstreamWalletBasketSchema,
    source: inferred("'Clear Basket DELETE' is in the menu; path as the e-commerce Clear Basket"),
  }),
  walletCompleteBuy: op({
    method: "POST",
    path: "/partner/walletable/complete/buy",
    input: input.walletCompleteInput,
    response: upstreamWalletBasketSchema,
    source: documented("api-27307626"),
  }),
  walletCompleteSell: op({
    method: "POST",
    path: "/partner/walletable/complete/sell",
    input: input.walletCompleteInput,
    response: upstreamWalletBasketSchema,
    source: inferred("'Complete Sell POST' is in the menu; path of Complete Buy and Delivery"),
  }),
  walletCompleteDelivery: op({
    method: "POST",
    path: "/partner/walletable/complete/delivery",
    input: input.walletCompleteInput,
    response: upstreamWalletBasketSchema,
    source: documented("api-27307650"),
    sandboxExtras: {
      fields: [
        "billingaddress",
        "charge_fee",
        "charge_fee_rate",
        "conversion_price",
        "currency_code",
        "customer",
        "external_id",
        "guid",
        "increment_id",
        "insurance_price",
        "items[].amount",
        "items[].item_currency_id",
        "items[].item_currency_name",
        "items[].prices",
        "items[].product_id",
        "items[].product_images",
        "items[].product_name",
        "items[].product_weight",
        "items[].sku",
        "items[].tax",
        "items[].tax_rate",
        "items[].total",
        "market_commission",
        "minted_markup_price",
        "minting_fee",
        "order_at",
        "payment",
        "payment_cost",
        "price",
        "price_token",
        "pricefix",
        "shippingaddress.email",
        "shippingaddress.external_id",
        "shippingaddress.tax_number",
        "silver_craftsmanship",
        "storage_fee",
        "storage_fee_rate",
        "tax",
        "token",
        "vat_rate",
      ],
      inferred:
        "the page gives the answer in prose only; the rest is the walletable basket / order object of the other examples (minted-api.md §8.2)",
    },
  }),
  walletOrders: op({
    method: "GET",
    path: "/partner/walletable/orders",
    input: input.walletOrdersQuery,
    response: upstreamWalletOrderPageSchema,
    source: documentedPath("the answer is inferred to be a paginator of baskets", "api-26192668"),
  }),
  walletReceipt: op({
    method: "GET",
    path: "/partner/walletable/orders/{id}/receipt",
    input: input.customerQuery,
    response: upstreamWalletReceiptSchema,
    source: inferred("'Receipt GET' is in the Orders menu; path under Get Orders"),
  }),
  walletBalance: op({
    method: "GET",
    path: "/partner/walletable/balance",
    input: input.walletBalanceQuery,
    response: upstreamWalletHoldingsSchema,
    source: documentedPath("only productName and images of each row are shown", "api-27130593"),
  }),
  currencyRates: op({
    method: "GET",
    path: "/partner/walletable/currency-rates",
    input: input.noInput,
    response: upstreamCurrencyRatesSchema,
    source: inferred("'Currency Rates GET' is in the Walletable menu; its page is not public"),
  }),
  rateHistory: op({
    method: "GET",
    path: "/partner/walletable/rate-history",
    input: input.rateHistoryQuery,
    response: upstreamCandlesSchema,
    source: inferred("'Rate History GET' is in the Walletable menu; its page is not public"),
  }),

  // ------------------------------------------------------------------ Embedded Webview
  webviewToken: op({
    method: "POST",
    path: "/partner/ecom/token",
    input: input.webviewTokenInput,
    response: upstreamIssuedTokenSchema,
    source: inferred("'Create Token POST' is in the Webview menu; its page is not public"),
  }),
  webviewActiveBasket: op({
    method: "GET",
    path: "/partner/ecom/getActiveBasket",
    auth: "bearer",
    input: input.noInput,
    response: upstreamEcomOrderSchema.nullable(),
    source: documented("api-18948551"),
  }),
  webviewComplete: op({
    method: "POST",
    path: "/partner/ecom/complete",
    auth: "bearer",
    input: input.webviewCompleteInput,
    response: upstreamEcomOrderSchema,
    source: inferred("'Complete POST' is in the Webview menu; its page is not public"),
  }),
  webviewOrders: op({
    method: "GET",
    path: "/partner/ecom/orders",
    auth: "bearer",
    input: input.ecomOrdersQuery,
    response: upstreamEcomOrderPageSchema,
    source: documented("api-26025311"),
  }),
} as const satisfies Record<string, MintedOperation>;

export type MintedOperations = typeof MINTED_OPERATIONS;
export type OperationName = keyof MintedOperations;
export type ResponseOf<N extends OperationName> = z.output<MintedOperations[N]["response"]>;
export type InputOf<N extends OperationName> = z.input<MintedOperations[N]["input"]>;

export const OPERATION_NAMES = Object.keys(MINTED_OPERATIONS) as OperationName[];

/** Fill `{name}` path parameters, percent-encoding each value. */
export function buildPath(template: string, params: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${template}`);
    return encodeURIComponent(String(value));
  });
}

/** The path with `{name}` parameters in Hono's `:name` form, for routers. */
export function routePath(template: string): string {
  return template.replace(/\{(\w+)\}/g, ":$1");
}

/** The operations that answer one method and path (the E-Com and Webview orders share one). */
export function operationsAt(method: string, path: string): OperationName[] {
  return OPERATION_NAMES.filter((name) => {
    const row: MintedOperation = MINTED_OPERATIONS[name];
    return row.method === method && row.path === path;
  });
}
