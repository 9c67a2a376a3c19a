import { z } from "zod/mini";
import { i18n } from "@lingui/core";
import {
  operationUrl,
  type Operation,
  type OperationArgs,
  type OperationInput,
  type OperationResult,
} from "../../contract/api/operation";

/** What the proxy answers on failure (RFC 9457 problem+json with a stable `code`). */
const problemSchema = z.looseObject({
  status: z.number(),
  code: z.string(),
  title: z.optional(z.string()),
  detail: z.optional(z.string()),
  errors: z.optional(z.record(z.string(), z.array(z.string()))),
});

/**
 * A failed API call. `code` is the proxy's stable problem code, or `network` (no answer: offline,
 * dropped) or `invalid_response` (an answer the contract does not allow). `detail` is already in
 * the request's language; `errors` are field errors for forms.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string | undefined,
    readonly errors: Readonly<Record<string, readonly string[]>> = {},
    /** The whole problem body, for extra members such as the new quote on `price_expired`. */
    readonly body: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ?? code);
    this.name = "ApiProblem";
  }
}

/** The same-origin URL of an operation (links, images, SSE): the table's path, params encoded. */
export { operationUrl as href };

/**
 * The shop's one door to its proxy: an operation of the shared contract (contract/api/), its
 * params, query and body; same origin, the session cookie, JSON both ways, the customer's
 * language, and every answer checked against the operation's response schema.
 */
export async function api<O extends Operation>(
  operation: O,
  ...[input = {} as OperationInput<O>]: OperationArgs<O>
): Promise<OperationResult<O>> {
  const { body, signal, headers } = input;
  const method = operation.method.toUpperCase();
  let res: Response;
  try {
    res = await fetch(operationUrl<Operation>(operation, input), {
      method,
      credentials: "same-origin",
      headers: {
        accept: "application/json",
        "accept-language": i18n.locale || "tr",
        // Every mutation is JSON, body or not: the proxy refuses others (CSRF defence).
        ...(method === "GET" ? {} : { "content-type": "application/json" }),
        ...headers,
      },
      body: body === undefined ? null : JSON.stringify(body),
      ...(signal ? { signal } : {}),
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiProblem(0, "network", undefined);
  }
  const text = await res.text();
  let json: unknown = undefined;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
  }
  if (!res.ok) {
    const problem = problemSchema.safeParse(json);
    if (problem.success)
      throw new ApiProblem(
        problem.data.status,
        problem.data.code,
        problem.data.detail,
        problem.data.errors,
        problem.data,
      );
    throw new ApiProblem(
      res.status,
      res.status >= 500 ? "upstream_unavailable" : "internal",
      undefined,
    );
  }
  // Without a response schema the operation answers 204 No Content.
  const parsed = z.safeParse(operation.response ?? z.null(), res.status === 204 ? null : json);
  if (!parsed.success) throw new ApiProblem(res.status, "invalid_response", undefined);
  return parsed.data as OperationResult<O>;
}

/** True for failures worth retrying automatically (no answer, or the upstream was unavailable). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiProblem &&
    (error.code === "network" || error.code === "upstream_unavailable" || error.status >= 500)
  );
}
