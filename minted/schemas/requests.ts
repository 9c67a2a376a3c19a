import { z } from "zod";

/**
 * What the proxy sends to Minted, one schema per operation's input (the query string for reads,
 * the JSON body otherwise; Laravel merges the two into one input bag). A field the documentation
 * marks required is required here; the rest is optional. Unknown fields are allowed, because
 * Minted's own examples send more than its panels list (`fullname` in the Buy example).
 *
 * The client checks every call against these before anything leaves the proxy: a request that
 * could never be valid is a bug of ours, not a call to make.
 */

const id = z.string().min(1).max(110);
const cartToken = z.string().min(1);
const text = z.string();
const count = z.union([z.number().int(), z.string().regex(/^\d+$/)]);
const amount = z.union([z.number(), z.string().regex(/^\d+(\.\d+)?$/)]);

export const noInput = z.object({});

/** Create Customer (api-25995712): a person; its example sends no `account_type`. */
const createPersonInput = z.object({
  external_id: id,
  account_type: z.literal("person").optional(),
  firstname: text.optional(),
  middlename: text.nullish(),
  lastname: text.optional(),
  email: text.optional(),
  phone: text.optional(),
  gender: z.enum(["M", "F"]).optional(),
  identity_number: text.optional(),
  birthdate: text.optional(),
});

/**
 * Create Business Customer (api-15819241): the same path, told apart by `account_type: company`
 * (documented optional; without it the body is a person's). `firstname` holds the company name
 * and `identity_number` the 10-digit VKN. `birthdate` is only in the page's example.
 */
const createCompanyInput = z.object({
  external_id: id,
  account_type: z.literal("company"),
  firstname: text.optional(),
  tax_office: text.optional(),
  email: text.optional(),
  phone: text.optional(),
  identity_number: text.optional(),
  birthdate: text.optional(),
});

/** One operation, two documented bodies: a person or a company, on `account_type`. */
export const createCustomerInput = z.discriminatedUnion("account_type", [
  createPersonInput,
  createCompanyInput,
]);

/** Update Customer (api-8228809): firstname, lastname, phone and identity_number are required. */
export const updateCustomerInput = z.object({
  firstname: text,
  middlename: text.nullish(),
  lastname: text,
  email: text.optional(),
  phone: text,
  gender: z.enum(["M", "F"]).optional(),
  identity_number: text,
  birthdate: text.optional(),
});

const addressFields = {
  invoice_type: z.enum(["Individual", "Corporate"]).optional(),
  company_name: text.optional(),
  tax_office: text.optional(),
  tax_number: text,
  fullname: text.optional(),
  phone: text.optional(),
  email: text.optional(),
  city: text,
  county: text,
  district: text.optional(),
  street: text.optional(),
  zipcode: text.optional(),
  address: text,
};

/** Customer Address - Create (Billing) (api-8209442); shipping by analogy. */
export const createAddressInput = z.object({
  external_customer_id: id,
  type: z.enum(["billing", "shipping"]),
  ...addressFields,
});

export const customerQuery = z.object({ external_customer_id: id });

/** Products (api-8209436): `page` and `total` are required. */
export const productsQuery = z.object({ page: count, total: count });
/** Get Product (api-8910364): by `sku` or `id`. */
export const productQuery = z.object({ sku: text.optional(), id: count.optional() });

/** Get Incomplete Baskets (api-8328441). */
export const incompleteBasketsQuery = z.object({
  customer_external_id: id,
  page: count.optional(),
  total: count.optional(),
  startDate: text.optional(),
  endDate: text.optional(),
  card_bin: z.string().length(6).optional(),
});

export const basketQuery = z.object({ external_customer_id: id });

/** Add / update / delete a basket line (inferred; the walletable siblings are documented). */
export const basketLineInput = z.object({
  external_customer_id: id,
  cart_token: cartToken.optional(),
  sku: text,
  qty: amount.optional(),
  type: z.enum(["buy", "sell", "delivery"]).optional(),
  /** A walletable delivery basket takes its saved address with an item change (inferred). */
  shipping_address_id: count.optional(),
});

/** Clear Basket (api-8547070). */
export const basketOwnerInput = z.object({ external_customer_id: id, cart_token: cartToken });

/** Set Custom Address (api-8209448), or saved address ids (inferred "Set Existing Address"). */
export const setAddressInput = z.object({
  external_customer_id: id,
  cart_token: cartToken,
  shipping: z.object(addressFields).partial({ tax_number: true }).optional(),
  billing: z.object(addressFields).optional(),
  shipping_address_id: count.optional(),
  billing_address_id: count.optional(),
  card_bin: z.string().length(6).optional(),
});

/** Complete Basket (api-8209450): the path is documented, the body is not. */
export const completeBasketInput = z.object({
  external_customer_id: id,
  cart_token: cartToken,
  payment_type: text,
  installment: z.number().int().positive().optional(),
  return_url: z.url().optional(),
});

/** Get Order (E-Com) (api-8854297). */
export const ecomOrderInput = z.object({ customer_external_id: id, cart_token: cartToken });

/** Get Orders (E-Com) (api-8228838). */
export const ecomOrdersQuery = z.object({
  page: count.optional(),
  total: count.optional(),
  customer_external_id: id.optional(),
  sku: text.optional(),
  sortBy: z.enum(["type", "total", "customer_external_id", "created_at"]).optional(),
  sortType: z.enum(["asc", "desc"]).optional(),
  status: text.optional(),
  startDate: text.optional(),
  endDate: text.optional(),
});

export const legalDocumentInput = z.object({
  type: text,
  external_customer_id: id,
  cart_token: cartToken,
});

/** Price Fix (api-3826800 from amount, api-7918013 from total). */
export const priceFixInput = z.object({
  type: text,
  customer_external_id: id.optional(),
  currency: z.enum(["GBP", "USD", "EUR", "TRY"]).optional(),
  total: z.number().positive().optional(),
});

const orderCustomer = z.looseObject({ external_id: id });

/** Buy (api-3769742) and Sell (api-3769745). */
export const digitalOrderInput = z.object({
  price_token: text,
  currency_code: z.enum(["GBP", "TRY", "USD", "EUR"]).optional(),
  external_id: text,
  customer: orderCustomer.optional(),
  items: z.array(z.looseObject({ sku: text.optional(), amount: z.number().optional() })).min(1),
  payment_type: text.optional(),
});

/** Get Order (Alternative) (api-3874525): any one of the ids. */
export const findOrderInput = z.object({
  guid: text.optional(),
  order_code: text.optional(),
  external_id: text.optional(),
  push_hook: z.boolean().optional(),
});

export const walletBasketQuery = z.object({
  external_customer_id: id,
  type: z.enum(["buy", "sell", "delivery"]).optional(),
});

/** Complete Buy (api-27307626) and Delivery (api-27307650). */
export const walletCompleteInput = z.object({ external_customer_id: id, cart_token: cartToken });

/** Get Orders (Walletable) (api-26192668). */
export const walletOrdersQuery = z.object({
  page: count.optional(),
  total: count.optional(),
  sortBy: text.optional(),
  sortType: z.enum(["asc", "desc"]).optional(),
  status: text.optional(),
  tx_type: text.optional(),
  customer_external_id: id.optional(),
  orderId: count.optional(),
  startDate: text.optional(),
  endDate: text.optional(),
});

/** Balance / Wallet (api-27130593). */
export const walletBalanceQuery = z.object({
  external_customer_id: id,
  metal_type: text.optional(),
  is_deliverable: z.union([z.boolean(), z.enum(["true", "false"])]).optional(),
});

export const rateHistoryQuery = z.object({ sku: text, period: text });

export const webviewTokenInput = z.object({ external_customer_id: id });

export const webviewCompleteInput = z.object({
  cart_token: cartToken,
  payment_type: text,
  return_url: z.url().optional(),
});
