import type { z } from "zod/mini";

/**
 * zod issues in words, Turkish or English: one table for the proxy's problem `errors` and the
 * shop's forms. Custom checks carry their own messages as `params: { tr, en }` (see addresses.ts).
 */

export type MessageLang = "tr" | "en";

/** A finished issue (the proxy reads `error.issues`) or a raw one (a zod error map sees these). */
export type AnyIssue = z.core.$ZodIssue | z.core.$ZodRawIssue;

/** The words for one issue in `lang`. */
export function issueMessage(issue: AnyIssue, lang: MessageLang): string {
  const tr = lang === "tr";
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined || issue.input === null)
        return tr ? "Bu alan gerekli." : "This field is required.";
      return tr ? "Bu alanın biçimi yanlış." : "This field has the wrong type.";
    case "too_small":
      if (issue.origin === "string") {
        // Raw issues still have the (trimmed) input: an empty field is a missing one.
        if (issue.input === "") return tr ? "Bu alan gerekli." : "This field is required.";
        return tr
          ? `En az ${String(issue.minimum)} karakter olmalı.`
          : `Must be at least ${String(issue.minimum)} characters.`;
      }
      if (issue.origin === "array")
        return tr
          ? `En az ${String(issue.minimum)} öğe olmalı.`
          : `Must have at least ${String(issue.minimum)} items.`;
      return tr
        ? `En az ${String(issue.minimum)} olmalı.`
        : `Must be at least ${String(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string")
        return tr
          ? `En fazla ${String(issue.maximum)} karakter olabilir.`
          : `Must be at most ${String(issue.maximum)} characters.`;
      if (issue.origin === "array")
        return tr
          ? `En fazla ${String(issue.maximum)} öğe olabilir.`
          : `Must have at most ${String(issue.maximum)} items.`;
      return tr
        ? `En fazla ${String(issue.maximum)} olabilir.`
        : `Must be at most ${String(issue.maximum)}.`;
    case "invalid_value":
      return tr ? "Geçerli bir seçenek değil." : "Not one of the allowed values.";
    case "invalid_format":
      if (issue.format === "email")
        return tr ? "Geçerli bir e-posta adresi girin." : "Enter a valid e-mail address.";
      return tr ? "Biçimi geçersiz." : "The format is not valid.";
    case "unrecognized_keys":
      return tr
        ? `Tanınmayan alan: ${issue.keys.join(", ")}.`
        : `Unknown field: ${issue.keys.join(", ")}.`;
    case "custom": {
      const text: unknown = issue.params?.[lang];
      if (typeof text === "string") return text;
      return tr ? "Geçersiz değer." : "Invalid value.";
    }
    default:
      return tr ? "Geçersiz değer." : "Invalid value.";
  }
}

/**
 * A zod error map in `lang`, for a parse's `error` option (e.g. the shop's form resolver):
 * `schema.safeParse(value, { error: issueErrorMap("tr") })`.
 */
export function issueErrorMap(lang: MessageLang): (issue: z.core.$ZodRawIssue) => string {
  return (issue) => issueMessage(issue, lang);
}
