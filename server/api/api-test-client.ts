import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { z } from "zod";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../test-support.ts";
import { controlClient } from "../../sandbox/control-client.ts";

/** A browser-like client of the in-process proxy for tests: one session, its cookie kept. */

export interface ApiAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The parsed body (undefined when it is not JSON). */
  json: unknown;
}

export interface ApiClient {
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ApiAnswer>;
  /** The session cookie now held. */
  cookie(): string;
}

/** A client whose session belongs to `customer` (null: a guest). */
export async function apiClient(
  proxy: TestProxy,
  customer: string | null,
  lang: "tr" | "en" = "en",
): Promise<ApiClient> {
  let cookie = await proxy.cookieFor(customer);
  return {
    cookie: () => cookie,
    call: async (method, path, body, headers = {}) => {
      const res = await proxy.app.request(path, {
        method,
        headers: {
          cookie,
          origin: TEST_ORIGIN,
          "accept-language": lang,
          ...(method === "GET" ? {} : { "content-type": "application/json" }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const setCookie = res.headers.get("set-cookie");
      const next = setCookie?.split(";")[0];
      if (next) cookie = next;
      const text = await res.text();
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      return { status: res.status, headers: res.headers, text, json };
    },
  };
}

/**
 * Back to the seed (no faults, an empty request log) with gold at 4000/4100 and silver at 50/52
 * TRY per gram, so that every total is exact.
 */
export async function resetSandbox(proxy: TestProxy): Promise<void> {
  const url = proxy.sandbox.url;
  await controlClient(url).reset();
  await controlClient(url).prices.pin({
    GAU: { bid: 4000, ask: 4100 },
    GAG: { bid: 50, ask: 52 },
  });
}

/** Requests the sandbox answered for a path prefix (and method), challenges (401) left out. */
export async function upstreamCalls(
  proxy: TestProxy,
  method: string,
  path: string,
): Promise<number> {
  return controlClient(proxy.sandbox.url).requests.count(method, path);
}

/**
 * One proxy and sandbox for a test file, reset to the pinned seed before each test; call at the
 * top of the file and read the proxy through the returned function.
 */
export function useTestProxy(
  options: { env?: Record<string, string>; now?: () => number } = {},
): () => TestProxy {
  let proxy: TestProxy | undefined;
  const current = () => {
    if (!proxy) throw new Error("the test proxy is not started yet");
    return proxy;
  };
  beforeAll(async () => {
    proxy = await startTestProxy(options);
  });
  afterAll(() => proxy?.close());
  beforeEach(() => resetSandbox(current()));
  return current;
}

/** A paid (wallet) order of the client's customer with DEMO-IND-001's saved addresses; returns its code. */
export async function paidOrder(api: ApiClient): Promise<string> {
  expect(
    (await api.call("POST", "/api/basket/items", { sku: "MNTGB00010", quantity: 1 })).status,
  ).toBe(200);
  expect(
    (
      await api.call("PUT", "/api/checkout/addresses", {
        shippingAddressId: 1931,
        billingAddressId: 1932,
      })
    ).status,
  ).toBe(200);
  const { legalAcceptances } = await acceptLegalDocuments(api);
  const quote = (await api.call("GET", "/api/checkout/quote")).json as { quoteId: string };
  const res = await api.call(
    "POST",
    "/api/checkout/complete",
    { quoteId: quote.quoteId, paymentType: "wallet", legalAcceptances },
    { "idempotency-key": `invoice-pdf-${String(Date.now())}` },
  );
  expect(res.status, res.text).toBe(200);
  return (res.json as { orderCode: string }).orderCode;
}

const legalSchema = z.object({
  documents: z.array(z.object({ type: z.string(), version: z.string() })),
});
const acceptancesSchema = z.object({
  acceptances: z.array(z.object({ type: z.string(), version: z.string(), acceptedAt: z.string() })),
});

/**
 * The customer ticks both legal documents of the basket (as read now): the proxy records them.
 * Returns what it recorded and the completion's `legalAcceptances` (types only).
 */
export async function acceptLegalDocuments(api: ApiClient) {
  const legal = legalSchema.parse((await api.call("GET", "/api/checkout/legal")).json);
  const put = await api.call("PUT", "/api/checkout/legal/acceptance", {
    documents: legal.documents.map((d) => ({ type: d.type, version: d.version })),
    accepted: true,
  });
  expect(put.status, put.text).toBe(200);
  const { acceptances } = acceptancesSchema.parse(put.json);
  return { acceptances, legalAcceptances: legal.documents.map((d) => ({ type: d.type })) };
}
