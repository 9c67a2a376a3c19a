import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { documentedAnswer } from "./replay-upstream.ts";
import { EXAMPLE_CUSTOMERS, startReplayStack, type ReplayStack } from "./replay-stack.ts";

/**
 * The real proxy against Minted's documented examples (issue #14): every `/api` read the examples
 * can serve answers 200 with the example's data; a read that needs an operation the documentation
 * prints no answer for says so (the replay's 501 becomes the shop's 503), it never invents; a
 * really malformed answer is a 502 with one log line naming the operation and the field.
 */

let stack: ReplayStack;

beforeAll(async () => {
  stack = await startReplayStack();
});
afterAll(async () => {
  await stack.stop();
});
beforeEach(() => {
  stack.replay.reset();
});

interface Answer {
  status: number;
  headers: Headers;
  text: string;
  json: unknown;
}

async function call(
  customer: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Answer> {
  const res = await fetch(`${stack.proxyUrl}${path}`, {
    method,
    headers: {
      cookie: await stack.sessionCookie(customer),
      origin: stack.proxyUrl,
      "accept-language": "en",
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, headers: res.headers, text, json };
}

/** Every string and number anywhere in a JSON answer (field names of our contract may change). */
function values(json: unknown): (string | number)[] {
  if (typeof json === "string" || typeof json === "number") return [json];
  if (Array.isArray(json)) return json.flatMap(values);
  if (json !== null && typeof json === "object") return Object.values(json).flatMap(values);
  return [];
}

const logLine = z.record(z.string(), z.unknown());

/** The proxy's log lines (JSON) written since `from`. */
function logSince(from: number): Record<string, unknown>[] {
  return stack.output.slice(from).flatMap((line) => {
    try {
      const parsed = logLine.safeParse(JSON.parse(line));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });
}

/** The answer's status, with the upstream complaints it caused, for a readable failure. */
function explained(res: Answer, from: number): string {
  const complaints = logSince(from).filter((l) => String(l.msg).startsWith("upstream"));
  return `${String(res.status)} ${res.text.slice(0, 300)}\n${JSON.stringify(complaints, null, 1)}`;
}

async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n");
}

const INVOICE_CUSTOMER = EXAMPLE_CUSTOMERS.invoice;

describe("the replay upstream", () => {
  it("checks Digest for real and answers Bearer rows only with a Bearer token", async () => {
    const unsigned = await fetch(`${stack.replay.url}/partner/order/FE9HURU6/invoice`);
    expect(unsigned.status).toBe(401);
    expect(unsigned.headers.get("www-authenticate")).toMatch(/^Digest realm=/);
    const forged = await fetch(`${stack.replay.url}/partner/order/FE9HURU6/invoice`, {
      headers: {
        authorization:
          'Digest username="replay-partner", realm="x", nonce="1", uri="/", response="0", qop=auth, nc=00000001, cnonce="1"',
      },
    });
    expect(forged.status).toBe(401);
    const noBearer = await fetch(`${stack.replay.url}/partner/ecom/getActiveBasket`);
    expect(noBearer.status).toBe(401);
    expect(noBearer.headers.get("www-authenticate")).toMatch(/^Bearer /);
    expect(stack.replay.requests).toEqual([]);
  });
});

describe("the proxy against Minted's documented examples", () => {
  it("shows the invoice of order FE9HURU6 from Get Order Invoice (api-38613148)", async () => {
    const from = stack.output.length;
    const res = await call(INVOICE_CUSTOMER, "GET", "/api/orders/FE9HURU6/invoice");
    expect(res.status, explained(res, from)).toBe(200);
    const shown = values(res.json);
    expect(shown).toContain("FE9HURU6");
    expect(shown).toContain("Gold - Digital storage");
    expect(shown).toContain("Mehmet Gülbilge");
    expect(shown).toContain(543.5);
    expect(shown).toContain(54.35);
    expect(shown).toContain(10);
    // What the proxy asked: the invoice by the code the customer opened; a partner order
    // (`channel: "partner"`) has no e-commerce order to look for.
    expect(stack.replay.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /partner/order/FE9HURU6/invoice",
    ]);
  });

  it("renders that invoice as a PDF carrying the order code and the example's item", async () => {
    const from = stack.output.length;
    const link = await call(INVOICE_CUSTOMER, "GET", "/api/orders/FE9HURU6/invoice/pdf");
    expect(link.status, explained(link, from)).toBe(200);
    const { url } = z.object({ url: z.string() }).parse(link.json);
    const file = await fetch(url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toBe("application/pdf");
    const text = await pdfText(new Uint8Array(await file.arrayBuffer()));
    expect(text).toContain("FE9HURU6");
    expect(text).toContain("Gold - Digital storage");
    expect(text).toContain("Mehmet Gülbilge");
    expect(text).toMatch(/543[.,]50/);
  });

  it("refuses the example's invoice to any customer but MTD0018232, as a missing order", async () => {
    const from = stack.output.length;
    const res = await call(EXAMPLE_CUSTOMERS.baskets, "GET", "/api/orders/FE9HURU6/invoice");
    expect(res.status, explained(res, from)).toBe(404);
    expect(res.json).toMatchObject({ code: "not_found" });
  });

  it("quotes digital gold at the Price Fix example's ask (api-3826800)", async () => {
    const res = await call(INVOICE_CUSTOMER, "POST", "/api/digital/quotes", {
      side: "buy",
      metal: "gold",
      currency: "TRY",
      grams: 1,
    });
    expect(res.status, res.text).toBe(201);
    expect(res.json).toMatchObject({
      metal: "gold",
      side: "buy",
      unitPrice: 2889.71,
      grams: 1,
      amount: 2889.71,
      expiresAt: "2024-12-05T15:43:32.000Z",
      remainingSeconds: 239,
    });
    expect(stack.replay.asked("priceFix").map((r) => r.body)).toEqual([
      { type: "digital", customer_external_id: INVOICE_CUSTOMER, currency: "TRY" },
    ]);
  });
});

/**
 * Reads served by the same documented object (`SAME_DOCUMENTED_OBJECT`): the only full Ecom Order
 * Minted prints is the basket of Get Incomplete Baskets (api-8328441), and the walletable order is
 * the Complete Delivery answer (api-27307650).
 */
describe("reads served by the documented Ecom Order and walletable order", () => {
  const BASKETS = EXAMPLE_CUSTOMERS.baskets;

  it("the basket shows the example's basket, priced as Minted printed it", async () => {
    const from = stack.output.length;
    const res = await call(BASKETS, "GET", "/api/basket");
    expect(res.status, explained(res, from)).toBe(200);
    const shown = values(res.json);
    expect(shown).toContain("MNT0001");
    expect(shown).toContain("Minted 1 Gr 999,9 Külçe Altın (NadirGold)");
    expect(shown).toContain(2914.73);
  });

  it("incomplete baskets: the example's one basket is the active one, so none other", async () => {
    const from = stack.output.length;
    const res = await call(BASKETS, "GET", "/api/baskets/incomplete");
    expect(res.status, explained(res, from)).toBe(200);
    expect(res.json).toEqual({ baskets: [] });
    expect(stack.replay.asked("basketsIncomplete").map((r) => r.query)).toEqual([
      { customer_external_id: BASKETS, page: "1", total: "100" },
    ]);
  });

  it("the orders list holds no basket: the example's only row is at the basket stage", async () => {
    const from = stack.output.length;
    const res = await call(BASKETS, "GET", "/api/orders");
    expect(res.status, explained(res, from)).toBe(200);
    expect(res.json).toMatchObject({ items: [] });
    expect(stack.replay.asked("ecomOrders").map((r) => r.query.customer_external_id)).toEqual([
      BASKETS,
    ]);
  });

  it("a basket is never opened as an order, nor its receipt, and the look-up stays bounded", async () => {
    for (const path of ["/api/orders/MC_66C7446E7F53E", "/api/orders/MC_66C7446E7F53E/receipt"]) {
      stack.replay.reset();
      const from = stack.output.length;
      const res = await call(BASKETS, "GET", path);
      expect(res.status, explained(res, from)).toBe(404);
      expect(res.json).toMatchObject({ code: "not_found" });
      expect(stack.replay.requests.length).toBeLessThanOrEqual(3);
    }
  });

  it("wallet orders show the example's delivery order", async () => {
    const from = stack.output.length;
    const res = await call(EXAMPLE_CUSTOMERS.partnerOrder, "GET", "/api/wallet/orders");
    expect(res.status, explained(res, from)).toBe(200);
    const shown = values(res.json);
    expect(shown).toContain(3.15);
  });

  it("a wallet receipt says unavailable: Receipt (Walletable) is not documented at all", async () => {
    const from = stack.output.length;
    const res = await call(
      EXAMPLE_CUSTOMERS.partnerOrder,
      "GET",
      "/api/wallet/orders/11120/receipt",
    );
    expect(documentedAnswer("walletReceipt")).toBeUndefined();
    expect(res.status, explained(res, from)).toBe(503);
    expect(res.json).toMatchObject({ code: "upstream_unavailable" });
    expect(stack.replay.asked("walletReceipt").map((r) => r.status)).toContain(501);
  });
});

describe("a malformed answer", () => {
  it("is 502 upstream_invalid with one log line naming the operation and the field path", async () => {
    const example = z
      .object({ data: z.looseObject({ prices: z.array(z.looseObject({})) }) })
      .loose()
      .parse(documentedAnswer("priceFix"));
    const [first, ...rest] = example.data.prices;
    // The first price line without its sku, which the documentation marks required.
    const broken = {
      ...example,
      data: { ...example.data, prices: [{ ...first, sku: undefined }, ...rest] },
    };
    stack.replay.answer("priceFix", JSON.parse(JSON.stringify(broken)));
    const from = stack.output.length;
    const res = await call(INVOICE_CUSTOMER, "POST", "/api/digital/quotes", {
      side: "buy",
      metal: "gold",
      currency: "TRY",
      grams: 1,
    });
    expect(res.status).toBe(502);
    expect(res.json).toMatchObject({ code: "upstream_invalid" });
    // The log line is written before the answer; give the pipe a moment to deliver it.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const lines = logSince(from).filter((l) => l.msg === "upstream response invalid");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ op: "priceFix", field: "data.prices.0.sku" });
  });
});
