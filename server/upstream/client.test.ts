import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { RunningSandbox } from "../../sandbox/server.ts";
import { startTestSandbox } from "../../sandbox/test-support.ts";
import { proxyEnvSchema } from "../env.ts";
import { createUpstream } from "./client.ts";
import { captureLogger } from "./test-logger.ts";
import { UpstreamError, type Upstream } from "./types.ts";
import { controlClient, type FaultInput } from "../../sandbox/control-client.ts";

const PRODUCTS = { op: "products", query: { page: 1, total: 5 } } as const;

let sandbox: RunningSandbox;
let upstream: Upstream;
let log: ReturnType<typeof captureLogger>;

function start(env: Record<string, string> = {}): Upstream {
  log = captureLogger();
  upstream = createUpstream({
    env: proxyEnvSchema.parse({ NODE_ENV: "test", MINTED_API_URL: sandbox.url, ...env }),
    logger: log.logger,
  });
  return upstream;
}

/** What the sandbox served since the last reset: `{method, path, query, status, auth}`. */
async function served(): Promise<
  { method: string; path: string; query: string; status: number }[]
> {
  return controlClient(sandbox.url).requests.list();
}

async function failure(promise: Promise<unknown>): Promise<UpstreamError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof UpstreamError))
    throw new Error(`expected an UpstreamError, got ${String(err)}`);
  return err;
}

beforeAll(async () => {
  sandbox = await startTestSandbox();
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await controlClient(sandbox.url).reset();
  start();
});
afterEach(() => upstream.close());

describe("Digest against the sandbox", () => {
  it("costs 2 requests cold, then exactly 1 per warm call", async () => {
    const first = await upstream.call(PRODUCTS);
    expect(first.data).toHaveLength(5);
    expect((await served()).map((r) => r.status)).toEqual([401, 200]);
    expect(upstream.stats()).toEqual({ requests: 2, challenges: 1, retries: 0 });

    for (let i = 0; i < 100; i++) await upstream.call(PRODUCTS);
    const log = await served();
    expect(log).toHaveLength(102);
    expect(log.slice(2).every((r) => r.status === 200)).toBe(true);
    expect(upstream.stats()).toEqual({ requests: 102, challenges: 1, retries: 0 });
  });

  it("sends 50 concurrent warm calls as 50 requests, none refused", async () => {
    await upstream.call(PRODUCTS);
    await controlClient(sandbox.url).requests.clear();
    await Promise.all(Array.from({ length: 50 }, () => upstream.call(PRODUCTS)));
    const log = await served();
    expect(log).toHaveLength(50);
    expect(log.filter((r) => r.status !== 200)).toEqual([]);
    expect(upstream.stats().requests).toBe(52);
  });

  it("retries once with the new nonce when the old one is stale", async () => {
    await upstream.call(PRODUCTS);
    await controlClient(sandbox.url).clock.advance(301);
    await upstream.call(PRODUCTS);
    expect((await served()).map((r) => r.status)).toEqual([401, 200, 401, 200]);
    expect(upstream.stats()).toEqual({ requests: 4, challenges: 2, retries: 1 });
  });

  it("answers a SHA-256 challenge", async () => {
    await controlClient(sandbox.url).config.set({ digest_algorithm: "SHA-256" });
    await upstream.call(PRODUCTS);
    await upstream.call(PRODUCTS);
    expect((await served()).map((r) => r.status)).toEqual([401, 200, 200]);
  });

  it("gives up after one retry when the password is wrong, and logs no secret", async () => {
    await upstream.close();
    start({ MINTED_PASSWORD: "not-the-password" });
    const err = await failure(upstream.call(PRODUCTS));
    expect(err.failure).toBe("unavailable");
    expect(upstream.stats()).toEqual({ requests: 3, challenges: 3, retries: 1 });
    expect(log.lines.filter((l) => l.level === "error").map((l) => l.msg)).toEqual([
      "upstream refused the credentials",
    ]);
    expect(JSON.stringify(log.lines)).not.toMatch(/not-the-password|Digest /);
  });

  it("signs query strings with spaces, Turkish characters and +", async () => {
    const note = "çay bardağı + ŞİĞÜ/1&x=y";
    await upstream.call({ ...PRODUCTS, query: { ...PRODUCTS.query, note, empty: undefined } });
    const [, signed] = await served();
    expect(signed?.status).toBe(200);
    expect(new URLSearchParams(signed?.query).get("note")).toBe(note);
    expect(signed?.query).not.toContain("empty");
  });

  it("sends the common headers and the request id", async () => {
    let seen: Headers | undefined;
    await upstream.close();
    upstream = createUpstream({
      env: proxyEnvSchema.parse({ NODE_ENV: "test", MINTED_API_URL: sandbox.url }),
      logger: captureLogger().logger,
      fetch: (input, init) => {
        seen = new Headers(init?.headers);
        return fetch(input, init);
      },
    });
    await upstream.call({
      op: "categories",
      lang: "en",
      requestId: "req-1",
    });
    const names = ["accept", "accept-language", "x-client-id", "api-version", "x-request-id"];
    expect(names.map((name) => seen?.get(name))).toEqual([
      "application/json",
      "en",
      "web",
      "3",
      "req-1",
    ]);
  });
});

describe("retries and failures", () => {
  const fault = (spec: FaultInput) => controlClient(sandbox.url).faults.add(spec);

  it("retries a GET after a 503", async () => {
    await upstream.call(PRODUCTS);
    await fault({ path: "/partner/ecom/products", status: 503, count: 1 });
    await upstream.call(PRODUCTS);
    expect((await served()).map((r) => r.status)).toEqual([401, 200, 503, 200]);
    expect(upstream.stats().retries).toBe(1);
  });

  it("retries a GET whose challenge request met a 503", async () => {
    await fault({ path: "/partner/ecom/products", status: 503, count: 1 });
    await upstream.call(PRODUCTS);
    expect((await served()).map((r) => r.status)).toEqual([503, 401, 200]);
  });

  it("never retries a POST", async () => {
    await upstream.call(PRODUCTS);
    await fault({ path: "/partner/pricefix", status: 503, count: 1 });
    const err = await failure(
      upstream.call({
        op: "priceFix",
        body: { type: "digital", customer_external_id: "DEMO-IND-001" },
      }),
    );
    expect(err.failure).toBe("unavailable");
    expect((await served()).filter((r) => r.method === "POST")).toHaveLength(1);
    expect(upstream.stats().retries).toBe(0);
  });

  it("turns a 422 into a rejection with the field errors", async () => {
    const err = await failure(
      upstream.call({ op: "customerCreate", body: { external_id: "X-1" } }),
    );
    expect(err.failure).toBe("rejected");
    expect(err.details.status).toBe(422);
    expect(err.details.errors?.firstname?.[0]).toMatch(/firstname/);
  });

  it("turns a 404 into a rejection", async () => {
    const err = await failure(
      upstream.call({
        op: "customerGet",
        params: { external_customer_id: "nobody" },
      }),
    );
    expect(err.failure).toBe("rejected");
    expect(err.details.status).toBe(404);
  });

  it("calls a truncated body invalid", async () => {
    await fault({ path: "/partner/ecom/products", malformed: true });
    const err = await failure(upstream.call(PRODUCTS));
    expect(err.failure).toBe("invalid");
  });

  /** The proxy's client on the sandbox, each product page answer edited by `edit`. */
  function startEditing(
    edit: (product: Record<string, unknown>) => void,
  ): ReturnType<typeof createUpstream> {
    log = captureLogger();
    const editing = createUpstream({
      env: proxyEnvSchema.parse({ NODE_ENV: "test", MINTED_API_URL: sandbox.url }),
      logger: log.logger,
      fetch: async (input, init) => {
        const res = await fetch(input, init);
        if (res.status !== 200) return res;
        const json = (await res.json()) as { data: { data: Record<string, unknown>[] } };
        json.data.data.forEach(edit);
        return Response.json(json);
      },
    });
    upstream = editing;
    return editing;
  }

  it("calls a missing required field invalid and logs its path", async () => {
    await upstream.close();
    startEditing((product) => delete product.sku);
    const err = await failure(upstream.call(PRODUCTS));
    expect(err.failure).toBe("invalid");
    expect(log.lines).toContainEqual({
      level: "error",
      msg: "upstream response invalid",
      fields: {
        op: "products",
        field: "data.data.0.sku",
        issue: expect.stringMatching(/expected string/),
      },
    });
  });

  it("inspect returns the data as sent, where call refuses it", async () => {
    await upstream.close();
    const editing = startEditing((product) => delete product.sku);
    const data = await editing.inspect(PRODUCTS);
    expect(data).toMatchObject({ data: expect.arrayContaining([expect.any(Object)]) });
    expect(JSON.stringify(data)).not.toContain('"sku"');
    expect(log.lines.filter((l) => l.level === "error")).toEqual([]);
  });

  it("passes unknown fields through untouched", async () => {
    await upstream.close();
    startEditing((product) => (product.colour = "gold"));
    const { data } = await upstream.call(PRODUCTS);
    expect(data[0]).toMatchObject({ colour: "gold" });
  });

  it("never sends a request that does not match the operation's input", async () => {
    await expect(
      upstream.call({ op: "products", query: { page: 1, total: "five" as unknown as number } }),
    ).rejects.toThrow(/products: the request does not match the operation's input at total/);
    expect(await served()).toEqual([]);
  });

  it("gives up when upstream is slower than the timeout", async () => {
    await upstream.close();
    start({ UPSTREAM_TIMEOUT_MS: "200" });
    await upstream.call(PRODUCTS);
    await fault({ path: "/partner/ecom/products", latency_ms: 1000 });
    const started = Date.now();
    const err = await failure(upstream.call(PRODUCTS));
    expect(err.failure).toBe("unavailable");
    expect(err.details.cause).toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it("is unavailable when nothing listens", async () => {
    await upstream.close();
    start({ MINTED_API_URL: "http://127.0.0.1:9" });
    const err = await failure(upstream.call(PRODUCTS));
    expect(err.failure).toBe("unavailable");
    expect(upstream.stats()).toMatchObject({ requests: 3, retries: 2 });
  });
});

describe("Bearer (Embedded Webview)", () => {
  const ACTIVE = {
    op: "webviewActiveBasket",
    bearerCustomer: "DEMO-IND-001",
  } as const;

  it("fetches a token once and reuses it", async () => {
    await upstream.call(ACTIVE);
    await upstream.call(ACTIVE);
    const log = await served();
    expect(log.filter((r) => r.path === "/partner/ecom/token").map((r) => r.status)).toEqual([
      401, 200,
    ]);
    expect(
      log.filter((r) => r.path === "/partner/ecom/getActiveBasket").map((r) => r.status),
    ).toEqual([200, 200]);
  });

  it("gets a new token when the cached one is refused", async () => {
    await upstream.call(ACTIVE);
    await controlClient(sandbox.url).clock.advance(3600);
    await upstream.call(ACTIVE);
    const log = await served();
    expect(
      log.filter((r) => r.path === "/partner/ecom/getActiveBasket").map((r) => r.status),
    ).toEqual([200, 401, 200]);
    expect(log.filter((r) => r.path === "/partner/ecom/token" && r.status === 200)).toHaveLength(2);
  });
});
