import { afterAll, beforeAll, beforeEach, expect } from "vitest";
import { z } from "zod";
import * as checkoutOps from "../../contract/api/checkout.ts";
import { addBasketItem } from "../../contract/api/basket.ts";
import {
  operationUrl,
  type Operation,
  type OperationArgs,
  type OperationInput,
  type OperationResult,
} from "../../contract/api/operation.ts";
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

/** An answer to an operation: `data` is the body parsed with its response schema when 2xx. */
export interface OperationAnswer<O extends Operation> extends ApiAnswer {
  data: OperationResult<O> | undefined;
}

export interface ApiClient {
  /**
   * Calls an operation of the contract: its method, the path from its params and query, the body
   * as given (not checked: tests send what a browser could). A 2xx answer must match the
   * operation's response schema (the call throws otherwise).
   */
  send<O extends Operation>(operation: O, ...args: OperationArgs<O>): Promise<OperationAnswer<O>>;
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
  const call: ApiClient["call"] = async (method, path, body, headers = {}) => {
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
  };
  return {
    cookie: () => cookie,
    call,
    send: async <O extends Operation>(operation: O, ...[input]: OperationArgs<O>) => {
      const { body, headers } = (input ?? {}) as OperationInput<Operation>;
      const url = operationUrl<Operation>(operation, input ?? {});
      const answer = await call(operation.method.toUpperCase(), url, body, headers);
      const ok = answer.status >= 200 && answer.status < 300;
      const data = ok
        ? (z.parse(
            operation.response ?? z.null(),
            answer.status === 204 ? null : answer.json,
          ) as OperationResult<O>)
        : undefined;
      return { ...answer, data };
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
  expect((await api.send(addBasketItem, { body: { sku: "MNTGB00010", quantity: 1 } })).status).toBe(
    200,
  );
  expect(
    (
      await api.send(checkoutOps.setCheckoutAddresses, {
        body: { shippingAddressId: 1931, billingAddressId: 1932 },
      })
    ).status,
  ).toBe(200);
  const { legalAcceptances } = await acceptLegalDocuments(api);
  const quote = await api.send(checkoutOps.getCheckoutQuote);
  const res = await api.send(checkoutOps.completeCheckout, {
    body: { quoteId: quote.data?.quoteId ?? "", paymentType: "wallet", legalAcceptances },
    headers: { "idempotency-key": `invoice-pdf-${String(Date.now())}` },
  });
  expect(res.status, res.text).toBe(200);
  if (!res.data) throw new Error(res.text);
  return res.data.orderCode;
}

/**
 * The customer ticks both legal documents of the basket (as read now): the proxy records them.
 * Returns what it recorded and the completion's `legalAcceptances` (types only).
 */
export async function acceptLegalDocuments(api: ApiClient) {
  const legal = (await api.send(checkoutOps.getCheckoutLegal)).data?.documents ?? [];
  const put = await api.send(checkoutOps.setCheckoutLegalAcceptance, {
    body: {
      documents: legal.map((d) => ({ type: d.type, version: d.version })),
      accepted: true,
    },
  });
  expect(put.status, put.text).toBe(200);
  const acceptances = put.data?.acceptances ?? [];
  return { acceptances, legalAcceptances: legal.map((d) => ({ type: d.type })) };
}
