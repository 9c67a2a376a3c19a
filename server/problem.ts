import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";

/** Stable machine-readable error codes of the proxy API (contract: never renamed). */
export const PROBLEM_CODES = [
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "price_expired",
  "conflict",
  "rate_limited",
  "payload_too_large",
  "upstream_unavailable",
  "upstream_invalid",
  "outcome_unknown",
  "store_unavailable",
  "internal",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export type Lang = "tr" | "en";

const TITLES: Record<ProblemCode, { status: ContentfulStatusCode; tr: string; en: string }> = {
  validation_failed: {
    status: 422,
    tr: "Girilen bilgilerde hata var.",
    en: "Some details are not valid.",
  },
  unauthenticated: {
    status: 401,
    tr: "Oturumunuz yok ya da süresi doldu.",
    en: "You are not signed in, or your session has expired.",
  },
  forbidden: { status: 403, tr: "Bu istek kabul edilmedi.", en: "This request was refused." },
  not_found: {
    status: 404,
    tr: "Aradığınız kayıt bulunamadı.",
    en: "We could not find what you were looking for.",
  },
  price_expired: {
    status: 409,
    tr: "Fiyatın süresi doldu; lütfen yeni fiyatı onaylayın.",
    en: "The price has expired; please confirm the new price.",
  },
  conflict: {
    status: 409,
    tr: "Bu istek daha önce farklı bilgilerle gönderildi.",
    en: "This request was already sent with different details.",
  },
  rate_limited: {
    status: 429,
    tr: "Çok fazla istek gönderildi; lütfen biraz bekleyin.",
    en: "Too many requests; please wait a moment.",
  },
  payload_too_large: { status: 413, tr: "İstek çok büyük.", en: "The request is too large." },
  upstream_unavailable: {
    status: 503,
    tr: "Hizmete şu anda ulaşılamıyor; lütfen tekrar deneyin.",
    en: "The service is unavailable right now; please try again.",
  },
  upstream_invalid: {
    status: 502,
    tr: "Hizmetten beklenmeyen bir yanıt geldi; lütfen tekrar deneyin.",
    en: "The service sent an unexpected answer; please try again.",
  },
  outcome_unknown: {
    status: 503,
    tr: "Ödemenizin sonucunu kontrol ediyoruz; lütfen birazdan yeniden bakın.",
    en: "We are checking the outcome of your payment; please check again in a moment.",
  },
  store_unavailable: {
    status: 503,
    tr: "Hizmet kısa bir süre için kullanılamıyor; lütfen biraz sonra tekrar deneyin.",
    en: "The service is briefly unavailable; please try again in a moment.",
  },
  internal: {
    status: 500,
    tr: "Beklenmeyen bir hata oluştu.",
    en: "Something went wrong on our side.",
  },
};

/** Field errors: field path (dot-separated, as the shop's forms name them) → messages. */
export type FieldErrors = Record<string, string[]>;

/**
 * An error the API answers as RFC 9457 problem+json. Throw it anywhere below a route; the app's
 * error handler renders it in the request's language.
 */
export class ApiError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly options: {
      status?: ContentfulStatusCode;
      /** Message override, in both languages. */
      detail?: { tr: string; en: string };
      errors?: FieldErrors;
      /** Extra members (e.g. `retry_after`, the new quote on `price_expired`). */
      extra?: Record<string, unknown>;
      cause?: unknown;
    } = {},
  ) {
    super(code, { cause: options.cause });
    this.name = "ApiError";
  }

  get status(): ContentfulStatusCode {
    return this.options.status ?? TITLES[this.code].status;
  }
}

/** The message in the request's language. */
export function t(lang: Lang, tr: string, en: string): string {
  return lang === "tr" ? tr : en;
}

export function langOf(c: Context): Lang {
  const header = c.req.header("accept-language") ?? "";
  return header.toLowerCase().startsWith("en") ? "en" : "tr";
}

export function problemBody(error: ApiError, lang: Lang, instance?: string) {
  const title = TITLES[error.code];
  return {
    // A URN, not a URL: it names the problem type without pointing at a page we would have to host.
    type: `urn:minted-shop:problem:${error.code}`,
    title: title[lang],
    status: error.status,
    code: error.code,
    detail: error.options.detail?.[lang] ?? title[lang],
    ...(instance ? { instance } : {}),
    ...(error.options.errors ? { errors: error.options.errors } : {}),
    ...error.options.extra,
  };
}

export function problemResponse(c: Context, error: ApiError): Response {
  return c.body(JSON.stringify(problemBody(error, langOf(c), c.req.path)), error.status, {
    "Content-Type": "application/problem+json",
    "Cache-Control": "no-store",
  });
}
