import { setTimeout as sleep } from "node:timers/promises";
import { Agent } from "undici";
import { recordUpstream } from "../http/timing.ts";
import { z } from "zod";
import type { Logger } from "../deps.ts";
import type { ProxyEnv } from "../env.ts";
import { createBearerTokens } from "./bearer.ts";
import { DigestAuth, type SignedRequest } from "./digest.ts";
import {
  buildPath,
  MINTED_OPERATIONS,
  type MintedOperation,
  type OperationName,
  type ResponseOf,
} from "../../minted/operations.ts";
import { UpstreamError, type Upstream, type UpstreamCall } from "./types.ts";
import { withRequestContext } from "../http/request-scope.ts";

/** Pauses before the 2nd and 3rd attempt of a GET (each ±50 %). */
const BACKOFF_MS = [100, 300];
const RETRY_STATUSES = new Set([502, 503, 504]);

const successEnvelope = z.object({
  success: z.literal(true),
  code: z.number().int(),
  message: z.string().nullable(),
  data: z.unknown(),
});
const errorEnvelope = z.object({
  success: z.literal(false),
  message: z.string(),
  errors: z.record(z.string(), z.array(z.string())).optional().catch(undefined),
});

/** A request ready to send; `target` is what Digest signs: path and query exactly as sent. */
interface Outgoing {
  op: OperationName;
  method: MintedOperation["method"];
  url: string;
  target: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal;
}

/** One upstream answer, its body read (so the connection goes back to the pool). */
interface Reply {
  status: number;
  authenticate: string | null;
  text: string;
}

interface Transport {
  send(
    url: string,
    init: {
      method: string;
      headers: Record<string, string>;
      body: string | undefined;
      signal: AbortSignal;
      redirect: "manual";
    },
  ): Promise<{
    status: number;
    headers: { get(name: string): string | null };
    text(): Promise<string>;
  }>;
  close(): Promise<void>;
}

/**
 * undici's keep-alive pool through `request()` (the WHATWG `fetch` layer costs more CPU per call
 * than the whole rest of the proxy), or, in tests, an injected `fetch` in place of the sockets.
 */
function createTransport(env: ProxyEnv, injected: typeof fetch | undefined): Transport {
  if (injected) return { send: (url, init) => injected(url, init), close: () => Promise.resolve() };
  const agent = new Agent({
    connections: env.UPSTREAM_CONNECTIONS,
    connect: { timeout: env.UPSTREAM_CONNECT_TIMEOUT_MS },
  });
  return {
    send: async (url, init) => {
      const { origin } = new URL(url);
      const res = await agent.request({
        origin,
        path: url.slice(origin.length),
        method: init.method,
        headers: init.headers,
        body: init.body ?? null,
        signal: init.signal,
      });
      return {
        status: res.statusCode,
        headers: {
          get: (name: string) => {
            const value = res.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(", ") : (value ?? null);
          },
        },
        text: () => res.body.text(),
      };
    },
    close: () => agent.close(),
  };
}

/** The proxy's client, plus a look at Minted's answers before our schemas judge them. */
export interface InspectableUpstream extends Upstream {
  /**
   * The envelope's `data` as Minted sent it: the same request, auth, retries and envelope check as
   * `call`, but the operation's response schema is left to the caller. For the compatibility check
   * (`npm run smoke:minted`), which reports every field that differs, not only the first.
   */
  inspect(call: UpstreamCall<OperationName>): Promise<unknown>;
}

/** The client for Minted Connect: Digest (or Bearer), retries, timeouts and response checks. */
export function createUpstream(opts: {
  env: ProxyEnv;
  logger: Logger;
  fetch?: typeof fetch;
}): InspectableUpstream {
  const { env, logger } = opts;
  const transport = createTransport(env, opts.fetch);
  const base = env.MINTED_API_URL.replace(/\/+$/, "");
  const digest = new DigestAuth({ username: env.MINTED_USERNAME, password: env.MINTED_PASSWORD });
  const tokens = createBearerTokens();
  const counters = { requests: 0, challenges: 0, retries: 0 };

  function outgoing(call: UpstreamCall<OperationName>, log: Logger): Outgoing {
    const operation: MintedOperation = MINTED_OPERATIONS[call.op];
    const input = operation.input.safeParse(call.query ?? call.body ?? {});
    if (!input.success) {
      // Our own mapping built something Minted could never accept: a bug, never a call.
      const { field, issue } = firstIssue(input.error, []);
      log.error("upstream request invalid", { op: call.op, field, issue });
      throw new Error(`${call.op}: the request does not match the operation's input at ${field}`);
    }
    const url = new URL(base + buildPath(operation.path, call.params));
    const query: Record<string, string | number | boolean | undefined> = call.query ?? {};
    for (const [name, value] of Object.entries(query))
      if (value !== undefined) url.searchParams.append(name, String(value));
    const headers: Record<string, string> = {
      accept: "application/json",
      "accept-language": call.lang ?? "tr",
      "x-client-id": env.MINTED_CLIENT_ID,
      "api-version": env.MINTED_API_VERSION,
    };
    if (call.requestId) headers["x-request-id"] = call.requestId;
    const timeout = AbortSignal.timeout(env.UPSTREAM_TIMEOUT_MS);
    return {
      op: call.op,
      method: operation.method,
      url: url.href,
      target: url.pathname + url.search,
      headers,
      body:
        call.body === undefined || operation.method === "GET"
          ? undefined
          : JSON.stringify(call.body),
      signal: call.signal ? AbortSignal.any([call.signal, timeout]) : timeout,
    };
  }

  async function send(out: Outgoing, authorization?: string): Promise<Reply> {
    counters.requests++;
    const headers = { ...out.headers };
    if (authorization) headers.authorization = authorization;
    if (out.body !== undefined) headers["content-type"] = "application/json";
    const started = performance.now();
    try {
      const res = await transport.send(out.url, {
        method: out.method,
        headers,
        body: out.body,
        signal: out.signal,
        redirect: "manual",
      });
      return {
        status: res.status,
        authenticate: res.headers.get("www-authenticate"),
        text: await res.text(),
      };
    } finally {
      recordUpstream(performance.now() - started);
    }
  }

  /** Sign with the current nonce, or first fetch a challenge (one probe for all who wait). */
  async function signDigest(out: Outgoing, log: Logger): Promise<SignedRequest> {
    const signed = digest.sign(out.method, out.target);
    if (signed) return signed;
    const answered = await digest.refresh(async () => {
      // The same method and path without credentials or body: upstream answers 401 + challenge.
      const probe = {
        ...out,
        body: undefined,
        signal: AbortSignal.timeout(env.UPSTREAM_TIMEOUT_MS),
      };
      const reply = await send(probe);
      // Not a challenge (a 503, say): fail like a network error, so that a GET is retried.
      if (reply.status !== 401) throw new Error(`challenge request answered ${reply.status}`);
      counters.challenges++;
      return reply.authenticate;
    });
    const fresh = answered ? digest.sign(out.method, out.target) : null;
    if (fresh) return fresh;
    log.error("upstream sent no Digest challenge we can answer", { op: out.op });
    throw new UpstreamError("unavailable", out.op);
  }

  type Credentials = () => Promise<{ authorization: string; refused: (reply: Reply) => void }>;

  /** Digest with the shared nonce, or the customer's Bearer token for the Embedded Webview rows. */
  function credentialsFor(
    call: UpstreamCall<OperationName>,
    out: Outgoing,
    log: Logger,
  ): Credentials {
    const operation: MintedOperation = MINTED_OPERATIONS[call.op];
    if (operation.auth !== "bearer")
      return async () => {
        const signed = await signDigest(out, log);
        return {
          authorization: signed.authorization,
          refused: (reply) => {
            if (digest.accept(reply.authenticate, signed)) counters.challenges++;
          },
        };
      };
    const customer = call.bearerCustomer;
    if (!customer) throw new Error(`${call.op} needs bearerCustomer`);
    const issue = () =>
      upstream.call({
        op: "webviewToken",
        body: { external_customer_id: customer },
        ...(call.lang ? { lang: call.lang } : {}),
        ...(call.requestId ? { requestId: call.requestId } : {}),
      });
    return async () => {
      const token = await tokens.get(customer, issue);
      return { authorization: `Bearer ${token}`, refused: () => tokens.drop(customer, token) };
    };
  }

  /** Send with credentials; on a 401, renew them (new challenge or token) and send once more. */
  async function authorized(out: Outgoing, log: Logger, credentials: Credentials): Promise<Reply> {
    for (const last of [false, true]) {
      const { authorization, refused } = await credentials();
      const reply = await send(out, authorization);
      if (reply.status !== 401) return reply;
      refused(reply);
      if (!last) counters.retries++;
    }
    log.error("upstream refused the credentials", { op: out.op, status: 401 });
    throw new UpstreamError("unavailable", out.op, { status: 401 });
  }

  /** GETs get up to two more attempts on network errors and 502/503/504; nothing else does. */
  async function withRetries(
    out: Outgoing,
    log: Logger,
    attempt: () => Promise<Reply>,
  ): Promise<Reply> {
    const pauses = out.method === "GET" ? [...BACKOFF_MS] : [];
    for (;;) {
      const pause = pauses.shift();
      try {
        const reply = await attempt();
        if (pause === undefined || !RETRY_STATUSES.has(reply.status)) return reply;
        log.warn("upstream retry", { op: out.op, status: reply.status });
      } catch (err) {
        if (pause === undefined || err instanceof UpstreamError || out.signal.aborted) throw err;
        log.warn("upstream retry", { op: out.op, error: describe(err) });
      }
      counters.retries++;
      await sleep(pause * (0.5 + Math.random()), undefined, { signal: out.signal });
    }
  }

  function invalid(op: OperationName, log: Logger, fields: { field?: string; issue: string }) {
    log.error("upstream response invalid", { op, ...fields });
    return new UpstreamError("invalid", op);
  }

  /** The envelope's `data`, not yet checked against the operation's response schema. */
  function readEnvelope(call: UpstreamCall<OperationName>, reply: Reply, log: Logger): unknown {
    const { status } = reply;
    if (status >= 500 || status === 429) {
      log.warn("upstream unavailable", { op: call.op, status });
      throw new UpstreamError("unavailable", call.op, { status });
    }
    const json = parseJson(reply.text);
    if (json === undefined) throw invalid(call.op, log, { issue: `not JSON (status ${status})` });
    if (status >= 400) {
      const error = errorEnvelope.safeParse(json);
      if (!error.success)
        throw invalid(call.op, log, { issue: `not the error envelope (status ${status})` });
      const { message, errors } = error.data;
      throw new UpstreamError("rejected", call.op, {
        status,
        message,
        ...(errors ? { errors } : {}),
      });
    }
    if (status < 200 || status > 299) throw invalid(call.op, log, { issue: `status ${status}` });
    const envelope = successEnvelope.safeParse(json);
    if (!envelope.success) throw invalid(call.op, log, firstIssue(envelope.error, []));
    return envelope.data.data;
  }

  function read<N extends OperationName>(
    call: UpstreamCall<N>,
    reply: Reply,
    log: Logger,
  ): ResponseOf<N> {
    const raw = readEnvelope(call, reply, log);
    // The table pairs each name with its schema; TypeScript cannot follow a generic index.
    const schema = MINTED_OPERATIONS[call.op].response as z.ZodType<ResponseOf<N>>;
    const data = schema.safeParse(raw);
    if (!data.success) throw invalid(call.op, log, firstIssue(data.error, ["data"]));
    return data.data;
  }

  /** Send the call (input check, auth, retries) and return the reply with its logger. */
  async function exchange(given: UpstreamCall<OperationName>): Promise<[Reply, Logger]> {
    const call = withRequestContext(given);
    const log = call.requestId ? logger.child({ request_id: call.requestId }) : logger;
    const out = outgoing(call, log);
    const credentials = credentialsFor(call, out, log);
    try {
      return [await withRetries(out, log, () => authorized(out, log, credentials)), log];
    } catch (err) {
      if (err instanceof UpstreamError) throw err;
      const cause: unknown = out.signal.aborted ? out.signal.reason : err;
      log.warn("upstream unavailable", { op: call.op, error: describe(cause) });
      throw new UpstreamError("unavailable", call.op, { cause });
    }
  }

  const upstream: InspectableUpstream = {
    async call(call) {
      const [reply, log] = await exchange(call);
      return read(call, reply, log);
    },
    async inspect(call) {
      const [reply, log] = await exchange(call);
      return readEnvelope(call, reply, log);
    },
    stats: () => ({ ...counters }),
    close: () => transport.close(),
  };
  return upstream;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The first problem zod found, as a dotted field path (`data.items.0.sku`) and its message. */
function firstIssue(error: z.ZodError, prefix: string[]): { field: string; issue: string } {
  const issue = error.issues[0];
  return {
    field: [...prefix, ...(issue?.path ?? []).map(String)].join("."),
    issue: issue?.message ?? "invalid",
  };
}

/** A network error for the log: name, message and the socket error code (never a body). */
function describe(err: unknown): string {
  if (!(err instanceof Error)) return String(err);
  const cause = err.cause instanceof Error ? `: ${err.cause.message}` : "";
  return `${err.name}: ${err.message}${cause}`;
}
