import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import { serve, type HttpBindings } from "@hono/node-server";
import { Hono, type Context } from "hono";
import {
  MINTED_OPERATIONS,
  OPERATION_NAMES,
  routePath,
  type MintedOperation,
  type OperationName,
} from "../../minted/operations.ts";
import { readExample, responseExamples } from "../../minted/examples.ts";
import { DigestVerifier, type DigestAlgorithm } from "../../sandbox/http/digest.ts";
import { SandboxClock } from "../../sandbox/domain/clock.ts";

/**
 * Test support: an upstream that answers every Minted operation with the example Minted's
 * documentation prints for it (`minted/examples/`), and nothing else. It replays, it does not model
 * state: whatever ids are asked, the operation's example is the answer, so what it proves is that
 * the proxy copes with Minted's documented answers. An operation the documentation shows no answer
 * for gets `501` with the problem "no documented example", so that a test can tell a gap in the
 * docs from a fault in the proxy. Digest is checked for real (the sandbox's verifier) and Bearer
 * rows need a Bearer token; every authenticated request is recorded for tests to assert on.
 */

export const REPLAY_REALM = "Minted Connect (replay)";

export interface ReplayRequest {
  op: OperationName;
  method: string;
  /** The path as asked (path parameters filled). */
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  body: unknown;
  status: number;
}

export interface ReplayOptions {
  username: string;
  password: string;
  algorithm?: DigestAlgorithm;
}

type Bindings = { Bindings: HttpBindings };

const NO_EXAMPLE = "no documented example";

/** The envelope Minted wraps every answer in; trimmed and composed examples print only `data`. */
function envelope(json: unknown): unknown {
  if (json !== null && typeof json === "object" && "success" in json) return json;
  const data = json !== null && typeof json === "object" && "data" in json ? json.data : json;
  return { data, success: true, code: 0, message: "" };
}

/**
 * Operations whose page documents the answer as an object another operation's example shows,
 * but prints no example of its own: the replay answers with that example, as the documented
 * object (`first`: the first row of the example's page) or inside the documented Laravel
 * paginator (`page`, the paginator of the Get Incomplete Baskets example). Nothing is changed
 * in the example itself.
 */
export const SAME_DOCUMENTED_OBJECT: Partial<
  Record<OperationName, { readonly from: OperationName; readonly as: "same" | "first" | "page" }>
> = {
  // Get Orders (E-Com, api-8228838; Webview, api-26025311): "paginator of Ecom Order".
  ecomOrders: { from: "basketsIncomplete", as: "same" },
  webviewOrders: { from: "basketsIncomplete", as: "same" },
  // Get Order (E-Com, api-8854297) and Get Active Basket (api-18948551): "data: Ecom Order".
  ecomOrderGet: { from: "basketsIncomplete", as: "first" },
  webviewActiveBasket: { from: "basketsIncomplete", as: "first" },
  basketGet: { from: "basketsIncomplete", as: "first" },
  // The walletable basket / order object (minted-api.md §8.2) and its order list (§8.6).
  walletBasketGet: { from: "walletBasketAdd", as: "same" },
  walletOrders: { from: "walletCompleteDelivery", as: "page" },
};

const dataOf = (json: unknown): unknown =>
  json !== null && typeof json === "object" && "data" in json ? json.data : undefined;

/** The example's own answer of `op`, enveloped; undefined when its page prints none. */
function ownAnswer(op: OperationName): unknown {
  const [example] = responseExamples(op);
  return example === undefined ? undefined : envelope(readExample(example));
}

/**
 * The documented answer of `op`: its own example, or the example of the same documented object
 * (`SAME_DOCUMENTED_OBJECT`); undefined when the documentation prints neither.
 */
export function documentedAnswer(op: OperationName): unknown {
  const own = ownAnswer(op);
  const same = SAME_DOCUMENTED_OBJECT[op];
  if (own !== undefined || same === undefined) return own;
  const source = dataOf(ownAnswer(same.from));
  if (same.as === "same") return envelope({ data: source });
  if (same.as === "first") {
    const rows = dataOf(source);
    const first: unknown = Array.isArray(rows) ? rows[0] : undefined;
    return envelope({ data: first });
  }
  const paginator = dataOf(ownAnswer("basketsIncomplete"));
  const page = paginator !== null && typeof paginator === "object" ? paginator : {};
  return envelope({ data: { ...page, data: [source] } });
}

export interface ReplayUpstream {
  readonly url: string;
  /** Authenticated requests, in order. */
  readonly requests: ReplayRequest[];
  /** The requests for one operation. */
  asked(op: OperationName): ReplayRequest[];
  /** Answer `op` with `json` (the whole envelope) instead of its example, until reset. */
  answer(op: OperationName, json: unknown, status?: number): void;
  /** Back to the documented examples, and an empty request log. */
  reset(): void;
  close(): Promise<void>;
}

function problem(c: Context<Bindings>, status: 401 | 501, message: string): Response {
  return c.json({ success: false, code: status, message, errors: {} }, status);
}

async function bodyOf(c: Context<Bindings>): Promise<unknown> {
  const text = await c.req.text();
  if (text === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The Hono app (exported for tests that want it without a socket). */
export function createReplayApp(
  options: ReplayOptions,
  state: {
    requests: ReplayRequest[];
    overrides: Map<OperationName, { json: unknown; status: number }>;
  },
): Hono<Bindings> {
  const digest = new DigestVerifier(
    () => ({
      realm: REPLAY_REALM,
      username: options.username,
      password: options.password,
      algorithm: options.algorithm ?? "MD5",
      nonceTtlSeconds: 300,
    }),
    new SandboxClock(),
  );
  const app = new Hono<Bindings>();
  app.notFound((c) => c.json({ success: false, code: 404, message: "Not Found." }, 404));

  // Two operations share a method and path (E-Com and Webview Get Orders): the header decides.
  const byRoute = new Map<string, OperationName[]>();
  for (const op of OPERATION_NAMES) {
    const row: MintedOperation = MINTED_OPERATIONS[op];
    const key = `${row.method} ${routePath(row.path)}`;
    byRoute.set(key, [...(byRoute.get(key) ?? []), op]);
  }

  for (const [key, ops] of byRoute) {
    const [method = "GET", path = "/"] = key.split(" ");
    app.on(method, path, async (c) => {
      const header = c.req.header("authorization");
      const bearer = header !== undefined && /^Bearer\s+\S+/i.test(header);
      const op = ops.find((o) => (MINTED_OPERATIONS[o].auth === "bearer") === bearer);
      if (op === undefined || (MINTED_OPERATIONS[op].auth === "bearer" && !bearer)) {
        c.header("WWW-Authenticate", `Bearer realm="${REPLAY_REALM}"`);
        return problem(c, 401, "Unauthenticated.");
      }
      if (MINTED_OPERATIONS[op].auth === "digest") {
        // Digest signs the request-target exactly as sent (path and query).
        const target = c.env.incoming.url ?? new URL(c.req.url).pathname;
        const result = digest.verify(header, c.req.method, target);
        if (!result.ok) {
          c.header("WWW-Authenticate", digest.challenge(result.stale));
          return problem(c, 401, "Unauthenticated.");
        }
      }
      const override = state.overrides.get(op);
      const json = override?.json ?? documentedAnswer(op);
      const status = override?.status ?? (json === undefined ? 501 : 200);
      state.requests.push({
        op,
        method: c.req.method,
        path: new URL(c.req.url).pathname,
        params: c.req.param(),
        query: c.req.query(),
        body: await bodyOf(c),
        status,
      });
      if (json === undefined) return problem(c, 501, `${NO_EXAMPLE} for ${op}`);
      return new Response(JSON.stringify(json), {
        status,
        headers: { "content-type": "application/json" },
      });
    });
  }
  return app;
}

/** Starts the replay on `port` (0: a free one) of 127.0.0.1. */
export async function startReplayUpstream(
  options: Partial<ReplayOptions> & { port?: number } = {},
): Promise<ReplayUpstream & ReplayOptions> {
  const credentials: ReplayOptions = {
    username: options.username ?? "replay-partner",
    password: options.password ?? randomBytes(12).toString("hex"),
    algorithm: options.algorithm ?? "MD5",
  };
  const requests: ReplayRequest[] = [];
  const overrides = new Map<OperationName, { json: unknown; status: number }>();
  const app = createReplayApp(credentials, { requests, overrides });
  const { server, port } = await new Promise<{
    server: ReturnType<typeof serve>;
    port: number;
  }>((resolve) => {
    const s = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: "127.0.0.1" },
      (info: AddressInfo) => resolve({ server: s, port: info.port }),
    );
  });
  return {
    ...credentials,
    url: `http://127.0.0.1:${String(port)}`,
    requests,
    asked: (op) => requests.filter((r) => r.op === op),
    answer: (op, json, status = 200) => overrides.set(op, { json, status }),
    reset: () => {
      overrides.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        if ("closeAllConnections" in server) server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
