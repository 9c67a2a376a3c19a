import { z } from "zod";
import type { faultSchema } from "./http/faults.ts";
import type {
  clockAdvance,
  configPatch,
  orderStatusBody,
  pricePins,
  requestsQuery,
  seedOrdersBody,
} from "./control/routes.ts";

/**
 * The one typed client of the sandbox's control API (`/__sandbox/*`, sandbox/routes/control.ts):
 * e2e, suites, bench, scripts and tests reset the sandbox, inject faults, move its clock, pin
 * prices and read its request log through it. Request bodies are typed by the route's own zod
 * schemas; answers are checked here. Any answer but 2xx throws (a test's setup failed).
 */

/** How a request reaches the sandbox: `fetch` by default, Playwright's request context in e2e. */
export type ControlTransport = (
  method: "GET" | "POST" | "PUT" | "DELETE",
  url: string,
  body: unknown,
) => Promise<{ status: number; body: unknown }>;

export function fetchTransport(fetchImpl: typeof fetch = fetch): ControlTransport {
  return async (method, url, body) => {
    const res = await fetchImpl(url, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      // Not JSON: kept as text for the error message.
    }
    return { status: res.status, body: parsed };
  };
}

const nowSchema = z.object({ now: z.string() });
const faultAnswer = z.looseObject({ id: z.number(), hits: z.number(), path: z.string() });
const loggedRequest = z.object({
  id: z.number(),
  time: z.string(),
  method: z.string(),
  path: z.string(),
  query: z.string(),
  status: z.number(),
  auth: z.enum(["digest", "bearer", "none"]),
  duration_ms: z.number(),
});
const configAnswer = z.looseObject({
  pricefix_ttl: z.number(),
  nonce_ttl: z.number(),
  bearer_ttl: z.number(),
  digest_algorithm: z.enum(["MD5", "SHA-256"]),
  legal_version: z.string(),
});

export type FaultInput = z.input<typeof faultSchema>;
export type LoggedRequest = z.infer<typeof loggedRequest>;
export type RequestsQuery = z.input<typeof requestsQuery>;

export function controlClient(baseUrl: string, transport: ControlTransport = fetchTransport()) {
  const call = async <T>(
    schema: z.ZodType<T>,
    method: "GET" | "POST" | "PUT" | "DELETE",
    path: string,
    body?: unknown,
  ): Promise<T> => {
    const res = await transport(method, `${baseUrl}/__sandbox${path}`, body);
    if (res.status < 200 || res.status > 299)
      throw new Error(
        `sandbox ${method} ${path}: ${String(res.status)} ${JSON.stringify(res.body)}`,
      );
    return z.object({ data: schema }).parse(res.body).data;
  };
  const done = z.unknown();

  const requests = {
    /** The request log, oldest first, filtered like `GET /__sandbox/requests`. */
    list: (query: RequestsQuery = {}) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(query) as [string, string | number | undefined][])
        if (value !== undefined) params.set(key, String(value));
      const qs = params.toString();
      return call(z.array(loggedRequest), "GET", `/requests${qs ? `?${qs}` : ""}`);
    },
    clear: () => call(done, "DELETE", "/requests"),
    /** The id of the latest logged request (0 when the log is empty). */
    lastId: async () => (await requests.list({ limit: 1 }))[0]?.id ?? 0,
    /**
     * Requests Minted answered for a method (`*`: any) and path prefix, Digest challenges (401)
     * left out unless asked for.
     */
    count: async (
      method: string,
      path: string,
      options: { since?: number; status?: number; challenges?: boolean } = {},
    ) => {
      const log = await requests.list({
        ...(method === "*" ? {} : { method }),
        path,
        limit: 5000,
        ...(options.since === undefined ? {} : { since: options.since }),
        ...(options.status === undefined ? {} : { status: options.status }),
      });
      return options.challenges ? log.length : log.filter((r) => r.status !== 401).length;
    },
  };

  return {
    /** Back to the seed: data, clock, prices, nonces, faults, request log and configuration. */
    reset: () => call(z.object({ reset: z.literal(true), now: z.string() }), "POST", "/reset"),
    faults: {
      add: (spec: FaultInput) => call(faultAnswer, "POST", "/faults", spec),
      list: () => call(z.array(faultAnswer), "GET", "/faults"),
      clear: () => call(done, "DELETE", "/faults"),
      remove: (id: number) => call(done, "DELETE", `/faults/${String(id)}`),
    },
    clock: {
      advance: (seconds: z.input<typeof clockAdvance>["advance"]) =>
        call(nowSchema, "POST", "/clock", { advance: seconds }),
      now: () => call(nowSchema, "GET", "/clock"),
    },
    config: {
      get: () => call(configAnswer, "GET", "/config"),
      set: (patch: z.input<typeof configPatch>) => call(configAnswer, "PUT", "/config", patch),
    },
    prices: {
      pin: (pins: z.input<typeof pricePins>) => call(done, "PUT", "/prices", pins),
      unpinAll: () => call(done, "DELETE", "/prices"),
    },
    requests,
    /** Test-only: a long paid order history for a customer at once. */
    seedOrders: (customer: string, body: z.input<typeof seedOrdersBody>) =>
      call(
        z.object({ customer: z.string(), codes: z.array(z.string()) }),
        "POST",
        `/customers/${encodeURIComponent(customer)}/orders`,
        body,
      ),
    /** Forces an order's status (Cancelled, Refunded …). */
    setOrderStatus: (code: string, status: z.input<typeof orderStatusBody>["status"]) =>
      call(done, "POST", `/orders/${encodeURIComponent(code)}/status`, { status }),
  };
}

export type ControlClient = ReturnType<typeof controlClient>;
