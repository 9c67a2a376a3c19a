import { afterAll, beforeAll, beforeEach } from "vitest";
import { z } from "zod";
import { control } from "../../sandbox/test-support.ts";
import { TEST_ORIGIN, startTestProxy, type TestProxy } from "../test-support.ts";

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
  await control(url, "POST", "/reset");
  await control(url, "PUT", "/prices", {
    GAU: { bid: 4000, ask: 4100 },
    GAG: { bid: 50, ask: 52 },
  });
}

const logSchema = z.object({ data: z.array(z.object({ status: z.number() })) });

/** Requests the sandbox answered for a path prefix (and method), challenges (401) left out. */
export async function upstreamCalls(
  proxy: TestProxy,
  method: string,
  path: string,
): Promise<number> {
  const res = await fetch(
    `${proxy.sandbox.url}/__sandbox/requests?method=${method}&path=${encodeURIComponent(path)}&limit=5000`,
  );
  const log = logSchema.parse(await res.json());
  return log.data.filter((r) => r.status !== 401).length;
}

/**
 * One proxy and sandbox for a test file, reset to the pinned seed before each test; call at the
 * top of the file and read the proxy through the returned function.
 */
export function useTestProxy(): () => TestProxy {
  let proxy: TestProxy | undefined;
  const current = () => {
    if (!proxy) throw new Error("the test proxy is not started yet");
    return proxy;
  };
  beforeAll(async () => {
    proxy = await startTestProxy();
  });
  afterAll(() => proxy?.close());
  beforeEach(() => resetSandbox(current()));
  return current;
}
