import { readFileSync } from "node:fs";
import type { z } from "zod";
import { MINTED_OPERATIONS, type OperationName } from "./operations.ts";
import { upstreamPartnerOrderItemSchema } from "./schemas/digital.ts";
import { upstreamOrderItemSchema } from "./schemas/orders.ts";

/**
 * Minted's documented example payloads, kept verbatim in `minted/examples/` (one file each,
 * named `<operation>.<doc page id>…`), and what each one is an example of. They are the test of
 * truth: `examples.test.ts` parses every one with its operation's schema, the sandbox's answers
 * are compared with them key for key, and the replay upstream answers with them.
 *
 * `form` says how faithful a file is to the page:
 * - `verbatim`: the JSON exactly as the page prints it (the crawl's `[email protected]`
 *   obfuscation and the docs' `{{placeholders}}` included).
 * - `trimmed`: the page (as captured) elides values with `…`; the file keeps the text verbatim and
 *   `readExample` drops each elided member (`"key":…` and `"…":"…"`) before parsing, nothing else.
 * - `composed`: the page describes the answer in prose only; the file holds exactly the fields and
 *   values the prose names, nothing invented.
 */
export interface DocumentedExample {
  readonly file: string;
  /** The doc page (`api-…`, or `schema-…` for Apidog schema pages). */
  readonly page: string;
  readonly form: "verbatim" | "trimmed" | "composed";
  /** What it exemplifies: an operation's answer or input, or a schema page's object. */
  readonly of:
    | { readonly response: OperationName }
    | { readonly input: OperationName }
    | { readonly schema: string; readonly parse: z.ZodType };
  /** Where the docs contradict themselves, the field the example is expected to fail on, and why. */
  readonly contradicts?: { readonly field: string; readonly why: string };
}

export const DOCUMENTED_EXAMPLES: readonly DocumentedExample[] = [
  // ------------------------------------------------------------ answers
  {
    file: "basketsIncomplete.api-8328441.json",
    page: "api-8328441",
    form: "verbatim",
    of: { response: "basketsIncomplete" },
  },
  {
    file: "orderInvoice.api-38613148.json",
    page: "api-38613148",
    form: "verbatim",
    of: { response: "orderInvoice" },
  },
  {
    file: "orderFind.api-3874525.json",
    page: "api-3874525",
    form: "verbatim",
    of: { response: "orderFind" },
  },
  {
    file: "orderGet.api-4295600.json",
    page: "api-4295600",
    form: "verbatim",
    of: { response: "orderGet" },
  },
  {
    file: "orderGet.schema-549775.json",
    page: "schema-549775",
    form: "verbatim",
    of: { schema: "Order Schema", parse: MINTED_OPERATIONS.orderGet.response },
  },
  {
    file: "digitalBuy.api-3769742.json",
    page: "api-3769742",
    form: "verbatim",
    of: { response: "digitalBuy" },
  },
  {
    file: "priceFix.api-3826800.json",
    page: "api-3826800",
    form: "verbatim",
    of: { response: "priceFix" },
  },
  {
    file: "walletBasketAdd.api-26503549.trimmed.txt",
    page: "api-26503549",
    form: "trimmed",
    of: { response: "walletBasketAdd" },
  },
  {
    file: "walletCompleteDelivery.api-27307650.composed.json",
    page: "api-27307650",
    form: "composed",
    of: { response: "walletCompleteDelivery" },
  },
  {
    file: "ecomOrderItem.schema-2704017.json",
    page: "schema-2704017",
    form: "verbatim",
    of: { schema: "Ecom OrderItem", parse: upstreamOrderItemSchema },
  },
  {
    file: "orderItem.schema-549776.json",
    page: "schema-549776",
    form: "verbatim",
    of: { schema: "Order Item Schema", parse: upstreamPartnerOrderItemSchema },
  },

  // ------------------------------------------------------------ inputs
  {
    file: "digitalBuy.request.api-3769742.json",
    page: "api-3769742",
    form: "verbatim",
    of: { input: "digitalBuy" },
    contradicts: {
      field: "price_token",
      why: "the same page marks price_token required, but its request example has none (and names items by product_id)",
    },
  },
  {
    file: "digitalBuy.request.api-4434391.json",
    page: "api-4434391",
    form: "verbatim",
    of: { input: "digitalBuy" },
  },
  {
    file: "digitalSell.request.api-3769745.json",
    page: "api-3769745",
    form: "verbatim",
    of: { input: "digitalSell" },
  },
  {
    file: "orderFind.request.api-3874525.json",
    page: "api-3874525",
    form: "verbatim",
    of: { input: "orderFind" },
  },
  {
    file: "customerCreate.request.api-25995712.json",
    page: "api-25995712",
    form: "verbatim",
    of: { input: "customerCreate" },
  },
  {
    file: "customerCreate.request.api-15819241.json",
    page: "api-15819241",
    form: "verbatim",
    of: { input: "customerCreate" },
  },
  {
    file: "customerUpdate.request.api-8228809.json",
    page: "api-8228809",
    form: "verbatim",
    of: { input: "customerUpdate" },
  },
  {
    file: "addressCreate.request.api-8209442.json",
    page: "api-8209442",
    form: "verbatim",
    of: { input: "addressCreate" },
  },
  {
    file: "ecomOrderGet.request.api-8854297.json",
    page: "api-8854297",
    form: "verbatim",
    of: { input: "ecomOrderGet" },
  },
  {
    file: "walletBasketUpdate.request.api-26503573.json",
    page: "api-26503573",
    form: "verbatim",
    of: { input: "walletBasketUpdate" },
  },
  {
    file: "walletBasketRemove.request.api-26503558.json",
    page: "api-26503558",
    form: "verbatim",
    of: { input: "walletBasketRemove" },
  },
  {
    file: "walletCompleteBuy.request.api-27307626.json",
    page: "api-27307626",
    form: "verbatim",
    of: { input: "walletCompleteBuy" },
  },
];

const folder = new URL("./examples/", import.meta.url);

/** The file's text exactly as kept. */
export function exampleText(file: string): string {
  return readFileSync(new URL(file, folder), "utf8");
}

/** Drop the members whose value the page elided with `…`; nothing else changes. */
export function dropElisions(text: string): string {
  return text.replace(/,\s*"…"\s*:\s*"…"/g, "").replace(/,\s*"[^"]*"\s*:\s*…(?=\s*[,}\]])/g, "");
}

/** The example as JSON (for answers: the whole envelope as printed). */
export function readExample(example: DocumentedExample): unknown {
  const text = exampleText(example.file);
  return JSON.parse(example.form === "trimmed" ? dropElisions(text) : text) as unknown;
}

/** The envelope's `data` of an answer example. */
export function exampleData(example: DocumentedExample): unknown {
  const json = readExample(example);
  return json !== null && typeof json === "object" && "data" in json ? json.data : undefined;
}

/** The answer examples of one operation. */
export function responseExamples(op: OperationName): DocumentedExample[] {
  return DOCUMENTED_EXAMPLES.filter((e) => "response" in e.of && e.of.response === op);
}
