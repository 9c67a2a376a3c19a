import { z } from "zod/mini";
import { i18n } from "@lingui/core";

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

export interface ApiRequest<S extends z.core.$ZodType> {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** The response contract; the answer is parsed with it (no casts on data from the network). */
  schema: S;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/**
 * The shop's one door to its proxy: same origin, the session cookie, JSON both ways, the
 * customer's language, and every answer checked against the shared contract.
 */
export async function api<S extends z.core.$ZodType>(
  path: string,
  { method = "GET", body, schema, signal, headers }: ApiRequest<S>,
): Promise<z.output<S>> {
  let res: Response;
  try {
    res = await fetch(path, {
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
  const parsed = z.safeParse(schema, res.status === 204 ? null : json);
  if (!parsed.success) throw new ApiProblem(res.status, "invalid_response", undefined);
  return parsed.data;
}

/** True for failures worth retrying automatically (no answer, or the upstream was unavailable). */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof ApiProblem &&
    (error.code === "network" || error.code === "upstream_unavailable" || error.status >= 500)
  );
}
