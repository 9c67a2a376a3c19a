import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { z } from "zod";

export type Lang = "tr" | "en";

/** Minted's success envelope. */
export function ok(c: Context, data: unknown, status: ContentfulStatusCode = 200): Response {
  return c.json({ data, success: true, code: 0, message: "" }, status);
}

/** Minted's error envelope (403, 404, 409, 422 …). */
export function fail(
  c: Context,
  status: ContentfulStatusCode,
  message: string,
  errors?: Record<string, string[]>,
): Response {
  return c.json({ success: false, code: status, message, ...(errors ? { errors } : {}) }, status);
}

export function langOf(c: Context): Lang {
  return (c.req.header("accept-language") ?? "tr").toLowerCase().startsWith("en") ? "en" : "tr";
}

export function t(lang: Lang, tr: string, en: string): string {
  return lang === "en" ? en : tr;
}

export function notFound(c: Context, what: { tr: string; en: string }): Response {
  const lang = langOf(c);
  return fail(c, 404, t(lang, `${what.tr} bulunamadı.`, `${what.en} not found.`));
}

export function forbidden(c: Context): Response {
  const lang = langOf(c);
  return fail(
    c,
    403,
    t(lang, "Bu kayda erişim yetkiniz yok.", "You are not allowed to access this resource."),
  );
}

/** 422 for one field, in Laravel's shape. */
export function invalid(c: Context, field: string, tr: string, en: string): Response {
  const message = t(langOf(c), tr, en);
  return fail(c, 422, message, { [field]: [message] });
}

/**
 * Laravel merges the query string and the JSON body into one input bag, and converts empty
 * strings to null; so does the sandbox. A body that is not JSON counts as empty, as in Laravel.
 */
export async function readInput(c: Context): Promise<Record<string, unknown>> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of new URL(c.req.url).searchParams) {
    if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
    input[key] = value === "" ? undefined : value;
  }
  if (c.req.method !== "GET" && c.req.method !== "HEAD") {
    const text = await c.req.text();
    if (text.trim() !== "") {
      try {
        const body: unknown = JSON.parse(text);
        if (body && typeof body === "object" && !Array.isArray(body)) {
          for (const [key, value] of Object.entries(body)) {
            if (key === "__proto__" || key === "constructor" || key === "prototype") continue;
            input[key] = value === "" ? undefined : value;
          }
        }
      } catch {
        // Laravel treats an unparsable JSON body as an empty input bag.
      }
    }
  }
  return input;
}

// ---------------------------------------------------------------- zod → Laravel 422

type Issue = z.core.$ZodIssue;

function fieldName(path: PropertyKey[]): string {
  return path.map(String).join(".");
}

function messageFor(issue: Issue, lang: Lang): string {
  const field = fieldName(issue.path) || "input";
  const en = (s: string) => s;
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null)
        return t(lang, `${field} alanı gereklidir.`, en(`The ${field} field is required.`));
      if (issue.expected === "int" || issue.expected === "number")
        return t(lang, `${field} bir sayı olmalıdır.`, `The ${field} field must be a number.`);
      if (issue.expected === "string")
        return t(lang, `${field} bir metin olmalıdır.`, `The ${field} field must be a string.`);
      if (issue.expected === "array")
        return t(lang, `${field} bir dizi olmalıdır.`, `The ${field} field must be an array.`);
      if (issue.expected === "boolean")
        return t(
          lang,
          `${field} doğru ya da yanlış olmalıdır.`,
          `The ${field} field must be true or false.`,
        );
      return t(lang, `${field} geçersiz.`, `The ${field} field is invalid.`);
    case "too_small": {
      const min = String(issue.minimum);
      if (issue.origin === "string")
        return issue.exact
          ? t(
              lang,
              `${field} ${min} karakter olmalıdır.`,
              `The ${field} field must be ${min} characters.`,
            )
          : t(
              lang,
              `${field} en az ${min} karakter olmalıdır.`,
              `The ${field} field must be at least ${min} characters.`,
            );
      if (issue.origin === "array")
        return t(
          lang,
          `${field} en az ${min} öğe içermelidir.`,
          `The ${field} field must have at least ${min} items.`,
        );
      return t(
        lang,
        `${field} en az ${min} olmalıdır.`,
        `The ${field} field must be at least ${min}.`,
      );
    }
    case "too_big": {
      const max = String(issue.maximum);
      if (issue.origin === "string")
        return issue.exact
          ? t(
              lang,
              `${field} ${max} karakter olmalıdır.`,
              `The ${field} field must be ${max} characters.`,
            )
          : t(
              lang,
              `${field} en fazla ${max} karakter olmalıdır.`,
              `The ${field} field must not be greater than ${max} characters.`,
            );
      if (issue.origin === "array")
        return t(
          lang,
          `${field} en fazla ${max} öğe içermelidir.`,
          `The ${field} field must not have more than ${max} items.`,
        );
      return t(
        lang,
        `${field} ${max} değerinden büyük olamaz.`,
        `The ${field} field must not be greater than ${max}.`,
      );
    }
    case "invalid_value":
      return t(lang, `Seçilen ${field} geçersiz.`, `The selected ${field} is invalid.`);
    case "invalid_format":
      return t(lang, `${field} biçimi geçersiz.`, `The ${field} field format is invalid.`);
    case "custom": {
      const params = issue.params as { tr?: string; en?: string } | undefined;
      if (params?.tr && params.en) return t(lang, params.tr, params.en);
      return t(lang, `${field} geçersiz.`, `The ${field} field is invalid.`);
    }
    default:
      return t(lang, `${field} geçersiz.`, `The ${field} field is invalid.`);
  }
}

export function laravelErrors(error: z.ZodError, lang: Lang): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = fieldName(issue.path) || "input";
    (errors[key] ??= []).push(messageFor(issue, lang));
  }
  return errors;
}

/** Validate an input bag; on failure the caller returns the 422 response. */
export function validate<S extends z.ZodType>(
  c: Context,
  schema: S,
  input: unknown,
): { ok: true; data: z.output<S> } | { ok: false; response: Response } {
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data };
  const lang = langOf(c);
  const errors = laravelErrors(parsed.error, lang);
  const first = Object.values(errors)[0]?.[0] ?? t(lang, "Parametre hatası.", "Parameter error.");
  const extra = Object.values(errors).flat().length - 1;
  const message =
    extra > 0
      ? t(
          lang,
          `${first} (ve ${extra} hata daha)`,
          `${first} (and ${extra} more error${extra > 1 ? "s" : ""})`,
        )
      : first;
  return { ok: false, response: fail(c, 422, message, errors) };
}

/** Parse the input bag with a schema, or produce the 422. */
export async function parseInput<S extends z.ZodType>(
  c: Context,
  schema: S,
): Promise<{ ok: true; data: z.output<S> } | { ok: false; response: Response }> {
  return validate(c, schema, await readInput(c));
}

// ---------------------------------------------------------------- field helpers

const numeric = (v: unknown) =>
  typeof v === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(v) ? Number(v) : v;

/** Laravel `integer`: a JSON number or a numeric string. */
export const int = () => z.preprocess(numeric, z.number().int());
/** Laravel `numeric`. */
export const num = () => z.preprocess(numeric, z.number());
/** Laravel `boolean`: true/false, 1/0, "true"/"false", "1"/"0". */
export const bool = () =>
  z.preprocess(
    (v) =>
      v === "true" || v === "1" || v === 1
        ? true
        : v === "false" || v === "0" || v === 0
          ? false
          : v,
    z.boolean(),
  );
/** `startDate`-style dates. */
export const date = () => z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Comma-separated list (`status=2,5`), or an array. */
export const csv = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => s.trim())
            .filter(Boolean)
        : v,
    z.array(item).min(1),
  );
export const customerId = () => z.string().min(1).max(110);
export const cartToken = () => z.string().length(32);

/** A custom rule with messages in both languages. */
export function rule<T>(check: (v: T) => boolean, tr: string, en: string) {
  return [check, { params: { tr, en } }] as const;
}

// ---------------------------------------------------------------- Laravel paginator

export interface Page<T> {
  current_page: number;
  data: T[];
  first_page_url: string;
  from: number | null;
  last_page: number;
  last_page_url: string;
  links: { url: string | null; label: string; active: boolean }[];
  next_page_url: string | null;
  path: string;
  per_page: number;
  prev_page_url: string | null;
  to: number | null;
  total: number;
}

export function paginate<T>(
  all: readonly T[],
  page: number,
  perPage: number,
  path: string,
): Page<T> {
  const total = all.length;
  const lastPage = Math.max(1, Math.ceil(total / perPage));
  const start = (page - 1) * perPage;
  const data = all.slice(start, start + perPage);
  const url = (p: number) => `${path}?page=${p}`;
  const links: Page<T>["links"] = [
    { url: page > 1 ? url(page - 1) : null, label: "&laquo; Previous", active: false },
  ];
  for (let p = 1; p <= lastPage; p++)
    links.push({ url: url(p), label: String(p), active: p === page });
  links.push({ url: page < lastPage ? url(page + 1) : null, label: "Next &raquo;", active: false });
  return {
    current_page: page,
    data,
    first_page_url: url(1),
    from: data.length ? start + 1 : null,
    last_page: lastPage,
    last_page_url: url(lastPage),
    links,
    next_page_url: page < lastPage ? url(page + 1) : null,
    path,
    per_page: perPage,
    prev_page_url: page > 1 ? url(page - 1) : null,
    to: data.length ? start + data.length : null,
    total,
  };
}
