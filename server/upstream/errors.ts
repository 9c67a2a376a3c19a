import type { Context } from "hono";
import { ApiError, langOf } from "../problem.ts";
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
export function toApiError(err: UpstreamError, c: Context): ApiError {
  const { status, message, errors } = err.details;
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
        return new ApiError("validation_failed", { errors, cause: err });
      return new ApiError("validation_failed", {
        detail: message ? { ...REJECTED, [langOf(c)]: message } : REJECTED,
        cause: err,
      });
  }
}

function isTimeout(cause: unknown): boolean {
  return cause instanceof Error && cause.name === "TimeoutError";
}
