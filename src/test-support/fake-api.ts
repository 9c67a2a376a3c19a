import { z } from "zod/mini";

/**
 * A fake `fetch` for component tests: it answers the shop's `/api` calls the way the proxy does
 * (JSON bodies, RFC 9457 problems), and records every request. Answers are built with `answer`,
 * which parses them through the contract's own schemas, so a fixture cannot drift from the
 * contract: a fixture the contract refuses fails the test where it is written.
 */

export interface FakeRequest {
  method: string;
  /** Path and query, e.g. `/api/basket/items/GAU-1`. */
  path: string;
  headers: Headers;
  /** The parsed JSON body (undefined without one). */
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
}

type Reply = FakeResponse | Promise<FakeResponse>;
type Handler = (request: FakeRequest) => Reply;

/** A contract-checked 200 answer. */
export function answer<S extends z.core.$ZodType>(schema: S, value: z.input<S>): FakeResponse {
  return { status: 200, body: z.parse(schema, value) };
}

/** The proxy's problem codes the shop reacts to (server/problem.ts holds the full table). */
export type ProblemCode =
  | "validation_failed"
  | "unauthenticated"
  | "conflict"
  | "price_expired"
  | "upstream_unavailable"
  | "outcome_unknown"
  | "internal";

/** A problem+json answer as the proxy writes it (`problemBody` in server/problem.ts). */
export function problem(
  status: number,
  code: ProblemCode,
  options: { detail?: string; errors?: Record<string, string[]>; extra?: object } = {},
): FakeResponse {
  return {
    status,
    body: {
      type: `urn:minted-shop:problem:${code}`,
      title: code,
      status,
      code,
      detail: options.detail ?? code,
      ...(options.errors ? { errors: options.errors } : {}),
      ...options.extra,
    },
  };
}

/** An answer the test releases when it wants (to look at the page while a request is open). */
export function deferred(): { promise: Promise<FakeResponse>; resolve: (r: FakeResponse) => void } {
  let resolve: (r: FakeResponse) => void = () => undefined;
  const promise = new Promise<FakeResponse>((r) => (resolve = r));
  return { promise, resolve };
}

export class FakeApi {
  readonly requests: FakeRequest[] = [];
  /** Requests no route answered: the setup fails the test when any are left. */
  readonly unhandled: FakeRequest[] = [];
  readonly #routes: { method: string; path: string; handlers: Handler[]; served: number }[] = [];

  /**
   * Answers `method path` (the path without its query). Several handlers answer in turn, the
   * last one answers every later request.
   */
  on(method: string, path: string, ...handlers: (Handler | FakeResponse)[]): this {
    const asHandler = (h: Handler | FakeResponse): Handler =>
      typeof h === "function" ? h : () => h;
    this.#routes.unshift({ method, path, handlers: handlers.map(asHandler), served: 0 });
    return this;
  }

  /** The recorded requests of `method path`. */
  calls(method: string, path: string): FakeRequest[] {
    return this.requests.filter((r) => r.method === method && r.path.split("?")[0] === path);
  }

  readonly fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input), "http://shop.test");
    const method = (init.method ?? "GET").toUpperCase();
    const text = typeof init.body === "string" ? init.body : undefined;
    const request: FakeRequest = {
      method,
      path: url.pathname + url.search,
      headers: new Headers(init.headers),
      body: text === undefined ? undefined : (JSON.parse(text) as unknown),
    };
    this.requests.push(request);
    const route = this.#routes.find((r) => r.method === method && r.path === url.pathname);
    if (!route) {
      this.unhandled.push(request);
      return json(
        problem(501, "internal", { detail: `No fake answer for ${method} ${url.pathname}` }),
      );
    }
    const handler = route.handlers[Math.min(route.served, route.handlers.length - 1)];
    route.served += 1;
    if (!handler) throw new Error(`No handler for ${method} ${url.pathname}`);
    const signal = init.signal;
    const reply = handler(request);
    return json(await abortable(Promise.resolve(reply), signal));
  };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | null | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const abort = () =>
      reject(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
    if (signal.aborted) abort();
    signal.addEventListener("abort", abort, { once: true });
    promise.then(resolve, reject);
  });
}

function json({ status, body }: FakeResponse): Response {
  const problemType = status >= 400 ? "application/problem+json" : "application/json";
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "content-type": problemType },
  });
}

let current: FakeApi | null = null;

/** The fake proxy of the running test (the setup gives each test a fresh one). */
export function fakeApi(): FakeApi {
  if (!current) throw new Error("fakeApi() is only available inside a test");
  return current;
}

export function startFakeApi(): FakeApi {
  current = new FakeApi();
  return current;
}

export function endFakeApi(): FakeApi {
  const ended = fakeApi();
  current = null;
  return ended;
}
