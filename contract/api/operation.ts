import type { z } from "zod/mini";

/**
 * One operation of the proxy API, written once: its method, path, input and answer schemas and
 * what documents it. The proxy registers a handler for it (server/api/registry.ts), the shop calls
 * it (`api(operation, input)` in src/lib/api.ts), tests call it (server/api/api-test-client.ts)
 * and /api/openapi.json describes it. Nothing else writes an `/api` path or picks a schema again.
 */

export type Schema = z.core.$ZodType;

export interface HeaderDoc {
  readonly name: string;
  readonly required: boolean;
  readonly description: string;
}

export interface Operation<
  P extends Schema | undefined = Schema | undefined,
  Q extends Schema | undefined = Schema | undefined,
  B extends Schema | undefined = Schema | undefined,
  R extends Schema | undefined = Schema | undefined,
> {
  readonly method: "get" | "post" | "put" | "patch" | "delete";
  /** Hono path, e.g. `/api/orders/:code`; each `:name` is a property of `params`. */
  readonly path: `/api/${string}`;
  readonly operationId: string;
  readonly summary: string;
  readonly tag: string;
  /**
   * `none`: no session needed. `session`: any session (guest or customer).
   * `customer`: a session bound to an upstream customer.
   */
  readonly auth: "none" | "session" | "customer";
  readonly params?: P;
  readonly query?: Q;
  readonly body?: B;
  /** JSON answer; omitted for 204 and for non-JSON answers (SSE, PDF, images: use `href`). */
  readonly response?: R;
  readonly status?: 200 | 201;
  /** Problem codes this operation can answer (documentation). */
  readonly errors?: readonly string[];
  /** Extra request headers (documentation), e.g. Idempotency-Key. */
  readonly headers?: readonly HeaderDoc[];
}

/** Keeps each operation's schema types (an omitted schema is `undefined`). */
/* @__NO_SIDE_EFFECTS__ */
export function defineOperation<
  P extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  B extends Schema | undefined = undefined,
  R extends Schema | undefined = undefined,
>(operation: Operation<P, Q, B, R>): Operation<P, Q, B, R> {
  return operation;
}

type Defined<S> = Exclude<S, undefined>;

/** `{ key: input }`, optional when every property of the input is; absent without a schema. */
type Part<K extends string, S> = [Defined<S>] extends [never]
  ? { [k in K]?: undefined }
  : Defined<S> extends Schema
    ? object extends z.input<Defined<S>>
      ? { [k in K]?: z.input<Defined<S>> }
      : { [k in K]: z.input<Defined<S>> }
    : never;

/** What a caller gives: path params, query, body (typed from the operation), headers, signal. */
export type OperationInput<O extends Operation> = Part<"params", O["params"]> &
  Part<"query", O["query"]> &
  Part<"body", O["body"]> & {
    headers?: Record<string, string>;
    signal?: AbortSignal;
  };

/** What the operation answers, as parsed: its response schema's output, null without one. */
export type OperationResult<O extends Operation> = [Defined<O["response"]>] extends [never]
  ? null
  : Defined<O["response"]> extends Schema
    ? z.output<Defined<O["response"]>>
    : never;

/** What the handler returns before the answer is parsed (the response schema's input). */
export type OperationAnswer<O extends Operation> = [Defined<O["response"]>] extends [never]
  ? never
  : Defined<O["response"]> extends Schema
    ? z.input<Defined<O["response"]>>
    : never;

/** The input as arguments: optional when nothing is required (no params, required query, body). */
export type OperationArgs<O extends Operation> =
  object extends OperationInput<O> ? [input?: OperationInput<O>] : [input: OperationInput<O>];

type UrlInput<O extends Operation> = Pick<OperationInput<O>, "params" | "query">;

/**
 * The operation's URL (path and query, same origin): `:name` segments filled from `params`
 * (encoded), the query's defined values appended in their order (arrays as repeated keys).
 */
export function operationUrl<O extends Operation>(
  operation: O,
  ...[input = {}]: object extends UrlInput<O> ? [input?: UrlInput<O>] : [input: UrlInput<O>]
): string {
  const params = (input.params ?? {}) as Record<string, unknown>;
  const path = operation.path.replace(/:(\w+)/g, (_, name: string) =>
    encodeURIComponent(scalar(params[name], `${operation.operationId}: path parameter ${name}`)),
  );
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(input.query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? (value as unknown[]) : [value])
      search.append(key, scalar(one, `${operation.operationId}: query ${key}`));
  }
  const query = search.toString();
  return query ? `${path}?${query}` : path;
}

function scalar(value: unknown, what: string): string {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  throw new TypeError(`${what} must be a string, number or boolean`);
}

/** What most operations of a signed-in customer can answer besides their own codes. */
export const CUSTOMER_ERRORS = ["validation_failed", "unauthenticated", "upstream_unavailable"];
