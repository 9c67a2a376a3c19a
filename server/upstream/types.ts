import type { FieldErrors, Lang } from "../problem.ts";
import type { InputOf, OperationName, ResponseOf } from "../../minted/operations.ts";

/** One call of a Minted operation (minted/operations.ts): its name, inputs and context. */
export interface UpstreamCall<N extends OperationName> {
  op: N;
  /** `{name}` path parameters. */
  params?: Record<string, string | number>;
  /** Query parameters (checked against the operation's `input`); `undefined` values are left out. */
  query?: InputOf<N> & Record<string, string | number | boolean | undefined>;
  /** JSON body, sent for POST/PUT/PATCH/DELETE (checked against the operation's `input`). */
  body?: InputOf<N>;
  /** Customer for Bearer (Embedded Webview) operations; the token is fetched and cached. */
  bearerCustomer?: string;
  lang?: Lang;
  requestId?: string;
  signal?: AbortSignal;
}

/** The proxy's one door to Minted Connect. */
export interface Upstream {
  /** The operation's `data`, parsed with its response schema. */
  call<N extends OperationName>(call: UpstreamCall<N>): Promise<ResponseOf<N>>;
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
