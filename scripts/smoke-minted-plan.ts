import { z } from "zod";
import {
  MINTED_OPERATIONS,
  type MintedOperation,
  type OperationName,
} from "../minted/operations.ts";
import { UpstreamError, type UpstreamCall } from "../server/upstream/types.ts";

/**
 * The plan of `npm run smoke:minted` (scripts/smoke-minted.ts): which Minted operations it may
 * call, with what input, what each answer teaches the next, and how results are printed. Pure, so
 * that the rules that keep a partner's staging account untouched are unit-tested.
 */

/**
 * The two documented reads that Minted serves by POST. Every other step must be a GET: checked
 * before each call (scripts/smoke-minted.ts) and by the unit test, since the table's `method` is
 * not a literal type the compiler could check.
 */
export const READ_BY_POST: readonly OperationName[] = ["ecomOrderGet", "orderFind"];

/** True for a GET or one of the documented read-by-POST operations. */
export function isReadOnly(op: OperationName): boolean {
  const row: MintedOperation = MINTED_OPERATIONS[op];
  return row.method === "GET" || READ_BY_POST.includes(op);
}

/**
 * The operations never called, each with why. A `Record` over every non-read name, so a new row
 * in minted/operations.ts fails to compile until someone decides about it here.
 */
export const NOT_CALLED: Record<Exclude<OperationName, ReadOperation>, string> = {
  customerCreate: "creates a customer",
  customerUpdate: "changes a customer",
  customerRemove: "removes a customer",
  addressCreate: "creates an address",
  addressDelete: "deletes an address",
  basketAdd: "changes a basket",
  basketUpdate: "changes a basket",
  basketRemove: "changes a basket",
  basketClear: "empties a basket",
  basketSetAddress: "changes a basket",
  basketComplete: "places an order",
  // Its body and answer are not public: Minted may record that the document was shown for the
  // basket (a legal trace), and the sandbox re-prices the basket to render it. Not clearly
  // harmless, so not a read.
  legalDocument: "renders a legal document for a basket, which Minted may record",
  priceFix: "fixes a price (a price token Minted holds for the customer)",
  digitalBuy: "buys metal",
  digitalSell: "sells metal",
  walletBasketAdd: "changes a basket",
  walletBasketUpdate: "changes a basket",
  walletBasketRemove: "changes a basket",
  walletBasketClear: "empties a basket",
  walletCompleteBuy: "places an order",
  walletCompleteSell: "places an order",
  walletCompleteDelivery: "places an order",
  // Issuing a token is a write, though a small one: only with --with-bearer, where the client
  // asks for one token for the customer to call the Bearer reads.
  webviewToken: "issues a customer token (sent only with --with-bearer, for the Bearer reads)",
  webviewComplete: "places an order",
};

/** What the check was given (flags, environment) and what earlier answers taught it. */
export interface Known {
  /** External id of a customer on the account (`--customer`). */
  customer?: string;
  /** A product SKU (`--sku`), else the first of Products. */
  sku?: string;
  /** An e-commerce order's cart token (`--cart-token`), else the first of Get Orders (E-Com). */
  cartToken?: string;
  /** An e-commerce order's code (its `increment_id`), from Get Orders (E-Com). */
  orderCode?: string;
  /** A digital (Partner) order's external id (`--order`); no Minted read lists them. */
  order?: string;
  /** A walletable order's id, from Get Orders (Walletable). */
  walletOrderId?: number;
  /** Call the Embedded Webview reads, which need Create Token (`--with-bearer`). */
  withBearer: boolean;
}

export interface Skip {
  skip: string;
}
type Planned<N extends OperationName> = UpstreamCall<N> | Skip;

export interface Step<N extends OperationName> {
  /** The call to make with what is known so far, or why it cannot be made. */
  plan(known: Known): Planned<N>;
  /** What the raw answer tells later steps (read loosely: a drifted answer may still teach). */
  learn?(data: unknown, known: Known): Partial<Known>;
}

const NEEDS_CUSTOMER: Skip = { skip: "needs --customer or SMOKE_CUSTOMER" };
const NEEDS_BEARER: Skip = {
  skip: "needs --with-bearer: Create Token issues a customer token",
};
const PAGE = { page: 1, total: 5 };

/** The first list item that fits `item`, from a paginator or a bare array. */
function firstOf<T>(data: unknown, item: z.ZodType<T>): T | undefined {
  const list = z.union([z.object({ data: z.array(z.unknown()) }), z.array(z.unknown())]);
  const parsed = list.safeParse(data);
  if (!parsed.success) return undefined;
  const items = Array.isArray(parsed.data) ? parsed.data : parsed.data.data;
  for (const candidate of items) {
    const fits = item.safeParse(candidate);
    if (fits.success) return fits.data;
  }
  return undefined;
}

const withCustomer = <N extends OperationName>(
  known: Known,
  call: (customer: string) => Planned<N>,
): Planned<N> => (known.customer ? call(known.customer) : NEEDS_CUSTOMER);

/**
 * One step per read operation, run in this order (keys keep insertion order): catalog first (it
 * teaches a SKU), then the customer, then the orders whose codes later steps need.
 */
export const STEPS = {
  products: {
    plan: () => ({ op: "products", query: PAGE }),
    learn: (data, k) => {
      if (k.sku) return {};
      const sku = firstOf(data, z.object({ sku: z.string().min(1) }))?.sku;
      return sku ? { sku } : {};
    },
  },
  product: {
    plan: (k) =>
      k.sku
        ? { op: "product", query: { sku: k.sku } }
        : { skip: "no SKU: Products listed none and no --sku was given" },
  },
  categories: { plan: () => ({ op: "categories" }) },
  prices: { plan: () => ({ op: "prices" }) },
  priceFeed: { plan: () => ({ skip: "a WebSocket stream, not a JSON read" }) },
  paymentTypes: { plan: () => ({ op: "paymentTypes" }) },
  legalTypes: { plan: () => ({ op: "legalTypes" }) },
  orderStatuses: { plan: () => ({ op: "orderStatuses" }) },
  walletProducts: { plan: () => ({ op: "walletProducts" }) },
  currencyRates: { plan: () => ({ op: "currencyRates" }) },
  // The proxy asks for history by metal symbol (GAU, GAG, GPT); a day is the smallest period.
  rateHistory: { plan: () => ({ op: "rateHistory", query: { sku: "GAU", period: "1d" } }) },

  customerGet: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "customerGet",
        params: { external_customer_id: customer },
      })),
  },
  addressList: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "addressList",
        query: { external_customer_id: customer },
      })),
  },
  customerBalance: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "customerBalance",
        params: { external_customer_id: customer },
      })),
  },
  basketGet: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "basketGet",
        query: { external_customer_id: customer },
      })),
  },
  basketsIncomplete: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "basketsIncomplete",
        query: { customer_external_id: customer, ...PAGE },
      })),
  },
  walletBasketGet: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "walletBasketGet",
        query: { external_customer_id: customer, type: "buy" },
      })),
  },
  walletBalance: {
    plan: (k) =>
      withCustomer(k, (customer) => ({
        op: "walletBalance",
        query: { external_customer_id: customer },
      })),
  },
  ecomOrders: {
    // Without a customer the account's latest orders are listed: still a read worth checking.
    plan: (k) => ({
      op: "ecomOrders",
      query: k.customer ? { customer_external_id: k.customer, ...PAGE } : PAGE,
    }),
    learn: (data, k) => {
      if (!k.customer) return {};
      const order = firstOf(
        data,
        z.object({ token: z.string().min(1), increment_id: z.string().min(1) }),
      );
      return order ? { cartToken: k.cartToken ?? order.token, orderCode: order.increment_id } : {};
    },
  },
  ecomOrderGet: {
    plan: (k) =>
      withCustomer<"ecomOrderGet">(k, (customer) =>
        k.cartToken
          ? {
              op: "ecomOrderGet",
              body: { customer_external_id: customer, cart_token: k.cartToken },
            }
          : { skip: "the customer has no e-commerce order and no --cart-token was given" },
      ),
  },
  orderInvoice: {
    plan: (k) => {
      const code = k.order ?? k.orderCode;
      return code
        ? { op: "orderInvoice", params: { external_order_id: code } }
        : { skip: "no order: the customer has no e-commerce order and no --order was given" };
    },
  },
  walletOrders: {
    plan: (k) => ({
      op: "walletOrders",
      query: k.customer ? { customer_external_id: k.customer, ...PAGE } : PAGE,
    }),
    learn: (data, k) => {
      if (!k.customer) return {};
      const id = firstOf(data, z.object({ id: z.number().int() }))?.id;
      return id === undefined ? {} : { walletOrderId: id };
    },
  },
  walletReceipt: {
    plan: (k) =>
      withCustomer<"walletReceipt">(k, (customer) =>
        k.walletOrderId === undefined
          ? { skip: "the customer has no walletable order" }
          : {
              op: "walletReceipt",
              params: { id: k.walletOrderId },
              query: { external_customer_id: customer },
            },
      ),
  },
  orderGet: {
    plan: (k) =>
      k.order
        ? { op: "orderGet", params: { external_order_id: k.order } }
        : { skip: "needs --order, a digital order's external id: no Minted read lists them" },
  },
  orderFind: {
    plan: (k) =>
      k.order
        ? { op: "orderFind", body: { external_id: k.order } }
        : { skip: "needs --order, a digital order's external id: no Minted read lists them" },
  },
  webviewActiveBasket: {
    plan: (k) =>
      k.withBearer
        ? withCustomer(k, (customer) => ({ op: "webviewActiveBasket", bearerCustomer: customer }))
        : NEEDS_BEARER,
  },
  webviewOrders: {
    plan: (k) =>
      k.withBearer
        ? withCustomer(k, (customer) => ({
            op: "webviewOrders",
            query: PAGE,
            bearerCustomer: customer,
          }))
        : NEEDS_BEARER,
  },
} satisfies { [N in OperationName]?: Step<N> };

/** The operations the check calls: every GET (but the WebSocket feed) and the read-by-POST two. */
export type ReadOperation = keyof typeof STEPS;

function isReadOperation(name: string): name is ReadOperation {
  return Object.hasOwn(STEPS, name);
}

/** The read operations in the order they run. */
export const READ_OPERATIONS: readonly ReadOperation[] = Object.keys(STEPS).filter(isReadOperation);

export type SmokeResult =
  | { kind: "ok" }
  | { kind: "differs"; issues: string[] }
  | { kind: "failed"; reason: string }
  | { kind: "skipped"; reason: string };

/** Zod's messages start with this; the path already says where, the rest says what. */
const ZOD_PREFIX = /^Invalid input: /;

/** Every place where `data` differs from the operation's response schema, as `data.a.0.b: …`. */
export function checkData(op: OperationName, data: unknown): SmokeResult {
  const schema: MintedOperation["response"] = MINTED_OPERATIONS[op].response;
  const parsed = schema.safeParse(data);
  if (parsed.success) return { kind: "ok" };
  const issues = parsed.error.issues.map(
    (issue) =>
      `${["data", ...issue.path.map(String)].join(".")}: ${issue.message.replace(ZOD_PREFIX, "")}`,
  );
  return { kind: "differs", issues };
}

const errorCode = z.object({ code: z.string() });

/**
 * Why a call failed, without the upstream URL or credentials: Minted's status and message, or the
 * network error's name and code (its message names the host, so it is left out).
 */
export function describeFailure(op: OperationName, err: unknown, note?: string): string {
  if (!(err instanceof UpstreamError)) return err instanceof Error ? err.message : String(err);
  const { status, message, cause } = err.details;
  const parts: string[] = [];
  if (err.op !== op) parts.push(`${err.op}:`);
  if (status === 401) parts.push("credentials refused (401)");
  else if (err.failure === "rejected") parts.push(`rejected ${String(status)}`);
  else parts.push(err.failure + (status ? ` ${String(status)}` : ""));
  if (message) parts.push(`“${message}”`);
  if (note) parts.push(note);
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? cause.cause : cause;
    const code = errorCode.safeParse(inner);
    parts.push(code.success ? code.data.code : inner.name);
  }
  return parts.join(" ");
}

const NAME_WIDTH = Math.max(...READ_OPERATIONS.map((op) => op.length));
const METHOD_WIDTH = "POST".length;
const PATH_WIDTH = Math.max(...READ_OPERATIONS.map((op) => MINTED_OPERATIONS[op].path.length));

/** `name  METHOD /path  documented|inferred  result`, then one indented line per difference. */
export function formatResult(op: OperationName, result: SmokeResult): string[] {
  const row: MintedOperation = MINTED_OPERATIONS[op];
  const source = "documented" in row.source ? "documented" : "inferred";
  const head = [
    op.padEnd(NAME_WIDTH),
    `${row.method.padEnd(METHOD_WIDTH)} ${row.path.padEnd(PATH_WIDTH)}`,
    source.padEnd("documented".length),
  ].join("  ");
  switch (result.kind) {
    case "ok":
      return [`${head}  ok`];
    case "differs":
      return [
        `${head}  differs (${String(result.issues.length)})`,
        ...result.issues.map((issue) => `    ${issue}`),
      ];
    case "failed":
    case "skipped":
      return [`${head}  ${result.kind} (${result.reason})`];
  }
}

export function summarize(results: readonly SmokeResult[]): { line: string; exitCode: 0 | 1 } {
  const count = (kind: SmokeResult["kind"]) => results.filter((r) => r.kind === kind).length;
  const differ = count("differs");
  const failed = count("failed");
  return {
    line: `${String(count("ok"))} ok, ${String(differ)} differ, ${String(failed)} failed, ${String(count("skipped"))} skipped`,
    exitCode: differ + failed === 0 ? 0 : 1,
  };
}

const optional = z
  .string()
  .trim()
  .transform((s) => s || undefined)
  .optional();

/** Flags win over the environment (`--customer` over `SMOKE_CUSTOMER`, …). */
export const smokeOptionsSchema = z.object({
  customer: optional,
  sku: optional,
  cartToken: optional,
  order: optional,
  withBearer: z.boolean(),
});
export type SmokeOptions = z.output<typeof smokeOptionsSchema>;

export function smokeOptions(
  flags: {
    customer?: string | undefined;
    sku?: string | undefined;
    "cart-token"?: string | undefined;
    order?: string | undefined;
    "with-bearer"?: boolean | undefined;
  },
  env: Record<string, string | undefined>,
): SmokeOptions {
  return smokeOptionsSchema.parse({
    customer: flags.customer ?? env.SMOKE_CUSTOMER,
    sku: flags.sku ?? env.SMOKE_SKU,
    cartToken: flags["cart-token"] ?? env.SMOKE_CART_TOKEN,
    order: flags.order ?? env.SMOKE_ORDER,
    withBearer: flags["with-bearer"] ?? ["1", "true"].includes(env.SMOKE_WITH_BEARER ?? ""),
  });
}

/** What is known before the first call. */
export function initialKnown(options: SmokeOptions): Known {
  const known: Known = { withBearer: options.withBearer };
  if (options.customer) known.customer = options.customer;
  if (options.sku) known.sku = options.sku;
  if (options.cartToken) known.cartToken = options.cartToken;
  if (options.order) known.order = options.order;
  return known;
}
