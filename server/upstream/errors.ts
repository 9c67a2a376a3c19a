import { ApiError } from "../problem.ts";
import type { UpstreamError } from "./types.ts";

const CONFLICT = {
  tr: "İstek güncel durumla çelişiyor; lütfen sayfayı yenileyip tekrar deneyin.",
  en: "This request conflicts with the current state; please refresh and try again.",
};
const REJECTED = {
  tr: "İstek kabul edilmedi; lütfen bilgileri kontrol edin.",
  en: "The request was not accepted; please check the details.",
};
const TIMEOUT = {
  tr: "Hizmet zamanında yanıt vermedi; lütfen tekrar deneyin.",
  en: "The service did not answer in time; please try again.",
};

/**
 * The problem an upstream failure becomes. Someone else's id must look like a missing one, so
 * 403 and 404 are both `not_found`. Upstream's own words (in the language it was asked in)
 * appear only as field errors, or as the detail of an otherwise unexplained refusal.
 */
export function toApiError(err: UpstreamError): ApiError {
  const { status, errors } = err.details;
  switch (err.failure) {
    case "invalid":
      return new ApiError("upstream_invalid", { cause: err });
    case "unavailable":
      return isTimeout(err.details.cause)
        ? new ApiError("upstream_unavailable", { status: 504, detail: TIMEOUT, cause: err })
        : new ApiError("upstream_unavailable", { cause: err });
    case "rejected":
      if (status === 403 || status === 404) return new ApiError("not_found", { cause: err });
      if (status === 409) return new ApiError("conflict", { detail: CONFLICT, cause: err });
      if (status === 422 && errors)
        return new ApiError("validation_failed", { errors: formSafe(errors), cause: err });
      // Any other refusal gets our own words: upstream's free text could carry internals.
      return new ApiError("validation_failed", { detail: REJECTED, cause: err });
  }
}

/** Upstream field messages are meant for forms; keep them short and plain. */
function formSafe(errors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(errors).slice(0, 50))
    out[field.slice(0, 100)] = messages.slice(0, 5).map((m) =>
      Array.from(m, (ch) => (ch < " " || ch === "<" || ch === ">" ? "" : ch))
        .join("")
        .slice(0, 200),
    );
  return out;
}

function isTimeout(cause: unknown): boolean {
  return cause instanceof Error && cause.name === "TimeoutError";
}
