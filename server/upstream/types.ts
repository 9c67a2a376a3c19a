import type { z } from "zod";
import type { FieldErrors, Lang } from "../problem.ts";
import type { OperationName } from "./paths.ts";

export interface UpstreamCall<S extends z.ZodType> {
  op: OperationName;
  /** `{name}` path parameters. */
  params?: Record<string, string | number>;
  /** Query parameters; `undefined` values are left out. */
  query?: Record<string, string | number | boolean | undefined>;
  /** JSON body (sent for POST/PUT/PATCH/DELETE when present). */
  body?: unknown;
  /** Schema of the envelope's `data`. Unknown fields are tolerated; missing required ones are not. */
  data: S;
  /** Customer for Bearer (Embedded Webview) operations; the token is fetched and cached. */
  bearerCustomer?: string;
  lang?: Lang;
  requestId?: string;
  signal?: AbortSignal;
}

/** The proxy's one door to Minted Connect. */
export interface Upstream {
  call<S extends z.ZodType>(call: UpstreamCall<S>): Promise<z.output<S>>;
  /** Statistics for benchmarks and /readyz: requests sent upstream, by outcome. */
  stats(): { requests: number; challenges: number; retries: number };
  close(): Promise<void>;
}

export type UpstreamFailure =
  /** Network error, timeout, 5xx, or 401 after the one retry: the shop should say "try again". */
  | "unavailable"
  /** Not JSON, not the envelope, or `data` missing a required field. */
  | "invalid"
  /** Upstream said no: 403/404/409/422 with its message and field errors. */
  | "rejected";

export class UpstreamError extends Error {
  constructor(
    readonly failure: UpstreamFailure,
    readonly op: OperationName,
    readonly details: {
      status?: number;
      message?: string;
      errors?: FieldErrors;
      cause?: unknown;
    } = {},
  ) {
    super(
      `${op}: ${failure}${details.status ? ` (${String(details.status)})` : ""}${details.message ? ` ${details.message}` : ""}`,
      {
        cause: details.cause,
      },
    );
    this.name = "UpstreamError";
  }
}
